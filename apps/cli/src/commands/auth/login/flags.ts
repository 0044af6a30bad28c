import { examples } from '../../../program/helpText';
import type { NewCommand, OptionsOf } from '../../../program/defineCommand';

/** `auth login`: whether to check the key first. The key itself is never an argument. */
export const loginFlags = (command: NewCommand) =>
  command
    .description('store an API key (hidden prompt on a terminal, else read from stdin; never from arguments)')
    .option('--no-verify', 'store the key without checking it against the server')
    .addHelpText(
      'after',
      examples(
        'dataframer auth login',
        'printf %s "$KEY" | dataframer auth login',
        'dataframer --profile staging --base-url https://staging.example auth login',
      ),
    );

/** The options `auth login` runs with. */
export type LoginOptions = OptionsOf<typeof loginFlags>;
