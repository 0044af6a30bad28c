import { examples, RUN_ID_HELP } from '../../../program/helpText';
import type { NewCommand, OptionsOf } from '../../../program/defineCommand';

/** `runs delete`: the run id and the confirmation. */
export const deleteFlags = (command: NewCommand) =>
  command
    .alias('rm')
    .description('delete a run and its files (shows the run and asks first on a terminal)')
    .argument('<id>', RUN_ID_HELP)
    .option('-y, --yes', 'do not ask (required when stdin is not a terminal)')
    .addHelpText('after', examples('dataframer runs delete RUN_ID', 'dataframer runs delete RUN_ID --yes'));

/** The options `runs delete` runs with. */
export type DeleteOptions = OptionsOf<typeof deleteFlags>;
