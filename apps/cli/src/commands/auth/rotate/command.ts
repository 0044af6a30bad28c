import { defineCommand } from '../../../program/defineCommand';
import { authGroup } from '../group';
import { rotateFlags } from './flags';

/** `auth rotate` */
export const authRotate = defineCommand({ group: authGroup, name: 'rotate', flags: rotateFlags, handler: () => import('./run') });
