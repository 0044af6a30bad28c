import { defineCommand } from '../../../program/defineCommand';
import { runsGroup } from '../group';
import { evaluateFlags } from './flags';

/** `runs evaluate ID` */
export const runsEvaluate = defineCommand({ group: runsGroup, name: 'evaluate', flags: evaluateFlags, handler: () => import('./run') });
