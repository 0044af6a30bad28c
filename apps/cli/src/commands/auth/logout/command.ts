import { defineCommand } from '../../../program/defineCommand';
import { authGroup } from '../group';
import { logoutFlags } from './flags';

/** `auth logout` */
export const authLogout = defineCommand({ group: authGroup, name: 'logout', flags: logoutFlags, handler: () => import('./run') });
