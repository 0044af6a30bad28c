import { defineCommand } from '../../../program/defineCommand';
import { datasetsGroup } from '../group';
import { createFlags } from './flags';

/** `datasets create` */
export const datasetsCreate = defineCommand({ group: datasetsGroup, name: 'create', flags: createFlags, handler: () => import('./run') });
