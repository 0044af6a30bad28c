import { examples } from '../../../program/helpText';
import type { NewCommand, OptionsOf } from '../../../program/defineCommand';

/** `auth status`: whether to ask the server. */
export const statusFlags = (command: NewCommand) =>
  command
    .description('show the key in use (masked), where it comes from, and whether the server accepts it')
    .option('--offline', 'do not contact the server')
    .addHelpText('after', examples('dataframer auth status', 'dataframer --profile staging auth status --offline'));

/** The options `auth status` runs with. */
export type StatusOptions = OptionsOf<typeof statusFlags>;
