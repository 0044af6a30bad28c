import { examples } from '../../program/helpText';
import type { GroupDefinition } from '../../program/defineCommand';

/** `auth`: the API key, where it is looked up and how it is stored. */
export const authGroup: GroupDefinition = {
  name: 'auth',
  description: 'store, check and remove the API key',
  help: `${examples('dataframer auth login', 'printf %s "$KEY" | dataframer auth login', 'dataframer auth status')}
The key is looked up in this order: DATAFRAMER_API_KEY, then the config file's profile
(--profile, DATAFRAMER_PROFILE, or "default"). There is no --api-key flag on purpose: command
lines are visible to other processes. The config file is written with mode 0600 (directory 0700).
`,
};
