import { examples } from '../../program/helpText';
import type { GroupDefinition } from '../../program/defineCommand';

/** `runs`: generation runs. */
export const runsGroup: GroupDefinition = {
  name: 'runs',
  description: 'list, start, watch, download and manage generation runs',
  help: examples('dataframer runs list', 'dataframer runs get RUN_ID', 'dataframer runs create --spec SPEC --samples 100 --wait'),
};
