import { examples, jsonOption } from '../../../program/helpText';
import type { NewCommand, OptionsOf } from '../../../program/defineCommand';

/** `specs list`: the output. */
export const listFlags = (command: NewCommand) =>
  command
    .alias('ls')
    .description('list specs')
    .addOption(jsonOption())
    .addHelpText('after', examples('dataframer specs list', 'dataframer specs list --json id,name,status'));

/** The options `specs list` runs with. */
export type ListOptions = OptionsOf<typeof listFlags>;
