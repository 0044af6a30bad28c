import { defineCommand } from '../../../program/defineCommand';
import { runsGroup } from '../group';
import { deleteFlags } from './flags';

/** `runs delete ID` */
export const runsDelete = defineCommand({ group: runsGroup, name: 'delete', flags: deleteFlags, handler: () => import('./run') });
