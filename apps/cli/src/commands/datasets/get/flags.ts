import { examples, jsonOption } from '../../../program/helpText';
import type { NewCommand, OptionsOf } from '../../../program/defineCommand';

/** Help of the arguments that take a dataset. */
export const DATASET_HELP = 'dataset name, id, a unique id prefix of at least 6 characters, or - to read it from stdin';

/** `datasets get`: the dataset and the output. */
export const getFlags = (command: NewCommand) =>
  command
    .alias('view')
    .description('show one dataset with its files')
    .argument('<dataset>', DATASET_HELP)
    .addOption(jsonOption())
    .addHelpText('after', examples('dataframer datasets get "Support tickets"', 'dataframer datasets get 3f2a9c1e --json name,files'));

/** The options `datasets get` runs with. */
export type GetOptions = OptionsOf<typeof getFlags>;
