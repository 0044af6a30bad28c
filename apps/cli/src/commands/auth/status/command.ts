import { defineCommand } from '../../../program/defineCommand';
import { authGroup } from '../group';
import { statusFlags } from './flags';

/** `auth status` */
export const authStatus = defineCommand({ group: authGroup, name: 'status', flags: statusFlags, handler: () => import('./run') });
