import { examples, jsonOption } from '../../../program/helpText';
import type { NewCommand, OptionsOf } from '../../../program/defineCommand';

/** `datasets list`: the output. */
export const listFlags = (command: NewCommand) =>
  command
    .alias('ls')
    .description('list seed datasets')
    .addOption(jsonOption())
    .addHelpText('after', examples('dataframer datasets list', 'dataframer datasets list --json id,name,file_count'));

/** The options `datasets list` runs with. */
export type ListOptions = OptionsOf<typeof listFlags>;
