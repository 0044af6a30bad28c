import { examples } from '../../../program/helpText';
import type { NewCommand, OptionsOf } from '../../../program/defineCommand';

/** `auth rotate`: the confirmation. */
export const rotateFlags = (command: NewCommand) =>
  command
    .description('replace the API key with a new one (the old key stops working at once) and store it')
    .option('-y, --yes', 'do not ask (required when stdin is not a terminal)')
    .addHelpText(
      'after',
      `${examples('dataframer auth rotate', 'dataframer --profile staging auth rotate --yes', 'NEW_KEY=$(DATAFRAMER_API_KEY=$OLD_KEY dataframer auth rotate --yes)')}
The new key is stored in the profile (written atomically, mode 0600) before anything is printed,
and only its masked form is shown. The key is printed on stdout, once, only when it cannot be
stored: when it came from DATAFRAMER_API_KEY (update the variable to it), or when writing the
config file failed. The server allows 5 rotations an hour.
`,
    );

/** The options `auth rotate` runs with. */
export type RotateOptions = OptionsOf<typeof rotateFlags>;
