import { defineCommand } from '../../../program/defineCommand';
import { runsGroup } from '../group';
import { watchFlags } from './flags';

/** `runs watch ID` */
export const runsWatch = defineCommand({ group: runsGroup, name: 'watch', flags: watchFlags, handler: () => import('./run') });
