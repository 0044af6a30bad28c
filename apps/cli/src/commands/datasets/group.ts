import { examples } from '../../program/helpText';
import type { GroupDefinition } from '../../program/defineCommand';

/** `datasets`: the seed datasets specs are generated from. */
export const datasetsGroup: GroupDefinition = {
  name: 'datasets',
  description: 'upload, list, inspect and delete seed datasets',
  help: `${examples(
    'dataframer datasets create "Support tickets" tickets.csv',
    'dataframer datasets list',
    'dataframer datasets get "Support tickets"',
  )}
Wherever a dataset is taken, give its name, its id, or a unique id prefix of at least 6 characters
(tables show the first 8).
`,
};
