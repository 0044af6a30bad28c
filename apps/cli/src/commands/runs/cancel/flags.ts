import { examples, RUN_ID_HELP } from '../../../program/helpText';
import type { NewCommand, OptionsOf } from '../../../program/defineCommand';

/** `runs cancel`: the run id. */
export const cancelFlags = (command: NewCommand) =>
  command
    .description('cancel a PENDING or PROCESSING run')
    .argument('<id>', RUN_ID_HELP)
    .addHelpText('after', examples('dataframer runs cancel RUN_ID'));

/** The options `runs cancel` runs with. */
export type CancelOptions = OptionsOf<typeof cancelFlags>;
