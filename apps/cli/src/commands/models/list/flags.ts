import { examples, jsonOption } from '../../../program/helpText';
import type { NewCommand, OptionsOf } from '../../../program/defineCommand';

/** `models list`: the output. */
export const listFlags = (command: NewCommand) =>
  command
    .alias('ls')
    .description('list the models a run can use')
    .addOption(jsonOption())
    .addHelpText('after', examples('dataframer models list', 'dataframer models list --json id,default'));

/** The options `models list` runs with. */
export type ListOptions = OptionsOf<typeof listFlags>;
