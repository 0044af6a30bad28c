import { Option } from '@commander-js/extra-typings';
import { examples, jsonOption } from '../../../program/helpText';
import type { NewCommand, OptionsOf } from '../../../program/defineCommand';

/** Help of the arguments that take a spec. */
export const SPEC_HELP = 'spec name, id, a unique id prefix of at least 6 characters, or - to read it from stdin';

/** `specs get`: the spec and the output. */
export const getFlags = (command: NewCommand) =>
  command
    .alias('view')
    .description('show one spec with its versions')
    .argument('<spec>', SPEC_HELP)
    .addOption(jsonOption())
    .addOption(new Option('--yaml', 'print only the YAML of the latest version (what specs replace --file takes)').conflicts('json'))
    .addHelpText(
      'after',
      examples(
        'dataframer specs get SPEC_ID',
        'dataframer specs get "Support tickets" --json name,versions',
        'dataframer specs get "Support tickets" --yaml > spec.yaml',
      ),
    );

/** The options `specs get` runs with. */
export type GetOptions = OptionsOf<typeof getFlags>;
