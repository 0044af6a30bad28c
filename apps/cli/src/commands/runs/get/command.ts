import { defineCommand } from '../../../program/defineCommand';
import { runsGroup } from '../group';
import { getFlags } from './flags';

/** `runs get ID` */
export const runsGet = defineCommand({
  group: runsGroup,
  name: 'get',
  flags: getFlags,
  jsonBeforeId: true,
  handler: () => import('./run'),
});
