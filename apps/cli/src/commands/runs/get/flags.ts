import { examples, jsonOption, RUN_ID_HELP } from '../../../program/helpText';
import type { NewCommand, OptionsOf } from '../../../program/defineCommand';

/** `runs get`: the run id and the output. */
export const getFlags = (command: NewCommand) =>
  command
    .alias('view')
    .description('show one run: status, progress, cost, parameters and files')
    .argument('<id>', RUN_ID_HELP)
    .addOption(jsonOption())
    .addHelpText('after', examples('dataframer runs get RUN_ID', 'dataframer runs get 3f2a9c1e --json status,samples_completed'));

/** The options `runs get` runs with. */
export type GetOptions = OptionsOf<typeof getFlags>;
