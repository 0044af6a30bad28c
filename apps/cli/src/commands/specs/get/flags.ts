import { examples, jsonOption } from '../../../program/helpText';
import type { NewCommand, OptionsOf } from '../../../program/defineCommand';

/** `specs get`: the spec id (optional here, so that `--json` before it can be told from a field list) and the output. */
export const getFlags = (command: NewCommand) =>
  command
    .alias('view')
    .usage('[options] <id>')
    .description('show one spec with its versions')
    .argument('[id]', 'spec id, or - to read it from stdin')
    .addOption(jsonOption())
    .addHelpText('after', examples('dataframer specs get SPEC_ID', 'dataframer specs get SPEC_ID --json name,versions'));

/** The options `specs get` runs with. */
export type GetOptions = OptionsOf<typeof getFlags>;
