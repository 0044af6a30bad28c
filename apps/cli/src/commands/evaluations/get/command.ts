import { defineCommand } from '../../../program/defineCommand';
import { evaluationsGroup } from '../group';
import { getFlags } from './flags';

/** `evaluations get ID` */
export const evaluationsGet = defineCommand({
  group: evaluationsGroup,
  name: 'get',
  flags: getFlags,
  jsonBeforeId: true,
  handler: () => import('./run'),
});
