import { examples } from '../../program/helpText';
import type { GroupDefinition } from '../../program/defineCommand';

/** `specs`: the specs runs are started from. */
export const specsGroup: GroupDefinition = {
  name: 'specs',
  description: 'list, inspect, generate and edit specs',
  help: examples(
    'dataframer specs list',
    'dataframer specs get SPEC_ID',
    'dataframer specs create "Support tickets" --dataset "Support tickets" --wait',
  ),
};
