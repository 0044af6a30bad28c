import { examples } from '../../../program/helpText';
import type { NewCommand, OptionsOf } from '../../../program/defineCommand';

/** `auth logout`: no flags of its own (the profile is a global option). */
export const logoutFlags = (command: NewCommand) =>
  command
    .description("remove the profile's stored key from the config file")
    .addHelpText('after', examples('dataframer auth logout', 'dataframer --profile staging auth logout'));

/** The options `auth logout` runs with. */
export type LogoutOptions = OptionsOf<typeof logoutFlags>;
