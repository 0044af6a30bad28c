// Help text several commands share: the examples block, the run and evaluation id arguments, and the `--json [fields]` option.
import { Option } from '@commander-js/extra-typings';

/** An `Examples:` block for a command's help. */
export function examples(...lines: string[]): string {
  return `\nExamples:\n${lines.map((line) => (line.startsWith('#') ? `  ${line}` : `  $ ${line}`)).join('\n')}\n`;
}

/** Help of the options that take JSON fields. */
const JSON_HELP = 'output JSON with the given comma-separated fields (without fields: list them)';

/** Help of the arguments that take a run id. */
export const RUN_ID_HELP = 'run id, a unique prefix of at least 6 characters, or - to read it from stdin';

/** Help of the arguments that take an evaluation id: whole ids only, since no list of every evaluation exists to match a prefix in. */
export const EVALUATION_ID_HELP = 'evaluation id (the whole id), or - to read it from stdin';

/** `--json [fields]`, as list and get commands take it. */
export const jsonOption = () => new Option('--json [fields]', JSON_HELP);
