// The root command: its global options and the help that ends `dataframer --help`.
import { Command } from '@commander-js/extra-typings';
import { EXIT_CODES_HELP } from '../exitCodes';
import { examples } from './helpText';
import { duration } from './parsers';

const ROOT_HELP = `${examples(
  'dataframer auth login',
  'dataframer runs list --status PROCESSING,PENDING',
  'dataframer runs create --spec "Support tickets" --samples 500 | dataframer runs watch -',
  'dataframer runs watch 3f2a9c1e --max-cost 20',
  'dataframer runs download RUN_ID --out ./data --extract',
)}
Environment:
  DATAFRAMER_API_KEY     API key (takes precedence over the config file)
  DATAFRAMER_BASE_URL    API server root (https://df-api.dataframer.ai, or with /api/dataframer)
  DATAFRAMER_PROFILE     config profile
  DATAFRAMER_CONFIG_DIR  config directory (default: the platform config dir + /dataframer)
  DATAFRAMER_LOG         debug: log requests as --debug does
  NO_COLOR               disable colours
  DATAFRAMER_FORCE_TTY   render for a terminal even when output is piped (1, or a width such as 80)

Output: a table fitted to the terminal on a terminal; tab-separated exact values (ISO times, full ids, raw numbers) when piped; --json FIELDS for JSON.

${EXIT_CODES_HELP}
`;

/** The `dataframer` command with its global options; every group is added to it. */
export function defineRoot() {
  return new Command('dataframer')
    .usage('<command> [options]')
    .description('Work with Dataframer synthetic-data runs from a terminal or a script.')
    .option('--profile <name>', 'config profile (env DATAFRAMER_PROFILE; default "default")')
    .option('--base-url <url>', 'API server root (env DATAFRAMER_BASE_URL)')
    .option(
      '--timeout <duration>',
      'bound every API call of the command; for runs watch and create --wait, stop waiting (exit 8)',
      duration,
    )
    .option('--no-color', 'disable colours (also NO_COLOR=1)')
    .option('--debug', 'log requests (API key redacted) and show stack traces')
    .helpOption('-h, --help', 'show help for a command')
    .configureHelp({ showGlobalOptions: true, minWidthToWrap: 20 })
    .addHelpText('after', ROOT_HELP);
}

/** The root command, as the groups are added to it. */
export type Root = ReturnType<typeof defineRoot>;

/** The global options every command sees. */
export type GlobalOptions = ReturnType<Root['opts']>;
