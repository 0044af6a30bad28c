import { defineCommand } from '../../../program/defineCommand';
import { evaluationsGroup } from '../group';
import { listFlags } from './flags';

/** `evaluations list RUN_ID` */
export const evaluationsList = defineCommand({
  group: evaluationsGroup,
  name: 'list',
  flags: listFlags,
  jsonBeforeId: true,
  handler: () => import('./run'),
});
