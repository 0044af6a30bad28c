import { defineCommand } from '../../../program/defineCommand';
import { specsGroup } from '../group';
import { getFlags } from './flags';

/** `specs get ID` */
export const specsGet = defineCommand({
  group: specsGroup,
  name: 'get',
  flags: getFlags,
  jsonBeforeId: true,
  handler: () => import('./run'),
});
