import { defineCommand } from '../../../program/defineCommand';
import { modelsGroup } from '../group';
import { listFlags } from './flags';

/** `models list` */
export const modelsList = defineCommand({ group: modelsGroup, name: 'list', flags: listFlags, handler: () => import('./run') });
