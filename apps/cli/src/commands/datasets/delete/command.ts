import { defineCommand } from '../../../program/defineCommand';
import { datasetsGroup } from '../group';
import { deleteFlags } from './flags';

/** `datasets delete` */
export const datasetsDelete = defineCommand({ group: datasetsGroup, name: 'delete', flags: deleteFlags, handler: () => import('./run') });
