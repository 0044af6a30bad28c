import { examples } from '../../../program/helpText';
import type { NewCommand, OptionsOf } from '../../../program/defineCommand';
import { DATASET_HELP } from '../get/flags';

/** `datasets delete`: the dataset and the confirmation. */
export const deleteFlags = (command: NewCommand) =>
  command
    .alias('rm')
    .description('delete a dataset and its files (shows the dataset and asks first on a terminal)')
    .argument('<dataset>', DATASET_HELP)
    .option('-y, --yes', 'do not ask (required when stdin is not a terminal)')
    .addHelpText(
      'after',
      `${examples('dataframer datasets delete "Support tickets"', 'dataframer datasets delete 3f2a9c1e --yes')}
A dataset that specs were generated from cannot be deleted; the server says so.
`,
    );

/** The options `datasets delete` runs with. */
export type DeleteOptions = OptionsOf<typeof deleteFlags>;
