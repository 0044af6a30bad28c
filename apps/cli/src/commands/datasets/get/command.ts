import { defineCommand } from '../../../program/defineCommand';
import { datasetsGroup } from '../group';
import { getFlags } from './flags';

/** `datasets get DATASET` */
export const datasetsGet = defineCommand({
  group: datasetsGroup,
  name: 'get',
  flags: getFlags,
  jsonBeforeId: true,
  handler: () => import('./run'),
});
