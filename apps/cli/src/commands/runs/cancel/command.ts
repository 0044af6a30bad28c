import { defineCommand } from '../../../program/defineCommand';
import { runsGroup } from '../group';
import { cancelFlags } from './flags';

/** `runs cancel ID` */
export const runsCancel = defineCommand({ group: runsGroup, name: 'cancel', flags: cancelFlags, handler: () => import('./run') });
