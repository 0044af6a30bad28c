import { defineCommand } from '../../../program/defineCommand';
import { runsGroup } from '../group';
import { listFlags } from './flags';

/** `runs list` */
export const runsList = defineCommand({ group: runsGroup, name: 'list', flags: listFlags, handler: () => import('./run') });
