import { examples } from '../../program/helpText';
import type { GroupDefinition } from '../../program/defineCommand';

/** `specs`: the specs runs are started from. */
export const specsGroup: GroupDefinition = {
  name: 'specs',
  description: 'list and inspect specs',
  help: examples('dataframer specs list', 'dataframer specs get SPEC_ID'),
};
