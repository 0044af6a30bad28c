import { defineCommand } from '../../../program/defineCommand';
import { datasetsGroup } from '../group';
import { listFlags } from './flags';

/** `datasets list` */
export const datasetsList = defineCommand({ group: datasetsGroup, name: 'list', flags: listFlags, handler: () => import('./run') });
