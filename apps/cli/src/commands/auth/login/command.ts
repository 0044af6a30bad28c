import { defineCommand } from '../../../program/defineCommand';
import { authGroup } from '../group';
import { loginFlags } from './flags';

/** `auth login` */
export const authLogin = defineCommand({ group: authGroup, name: 'login', flags: loginFlags, handler: () => import('./run') });
