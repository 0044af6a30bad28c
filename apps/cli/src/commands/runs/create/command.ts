import { defineCommand } from '../../../program/defineCommand';
import { runsGroup } from '../group';
import { createFlags } from './flags';

/** `runs create` */
export const runsCreate = defineCommand({ group: runsGroup, name: 'create', flags: createFlags, handler: () => import('./run') });
