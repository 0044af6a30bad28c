import { examples } from '../../../program/helpText';
import type { NewCommand, OptionsOf } from '../../../program/defineCommand';

/** `specs replace`: the spec and the file of its new YAML. */
export const replaceFlags = (command: NewCommand) =>
  command
    .description("replace a spec's YAML, which makes a new version (the earlier ones are kept)")
    .argument('<spec>', 'spec name, id, or a unique id prefix of at least 6 characters')
    .requiredOption('-f, --file <file>', 'the YAML (a spec: root key); - reads it from stdin')
    .addHelpText(
      'after',
      `${examples(
        'dataframer specs get "Support tickets" --yaml > spec.yaml',
        '# edit spec.yaml, then:',
        'dataframer specs replace "Support tickets" --file spec.yaml',
        'sed s/formal/casual/ spec.yaml | dataframer specs replace "Support tickets" --file -',
      )}
The spec id goes to stdout, the new version number to stderr.
`,
    );

/** The options `specs replace` runs with. */
export type ReplaceOptions = OptionsOf<typeof replaceFlags>;
