// The command model: every command, argument and option, with commander's types inferred from the flags.
// This module and commander are all that load before a command runs; handlers are imported on use.
import { Argument, Command, InvalidArgumentError, Option } from '@commander-js/extra-typings';
import { parseDuration } from './duration';
import { EXIT_CODES_HELP } from './exitCodes';

/** Parser for a whole number in [min, max]. */
export function integer(min: number, max: number) {
  return (value: string): number => {
    if (!/^\s*-?\d+\s*$/.test(value)) throw new InvalidArgumentError(`Expected a whole number from ${min} to ${max}.`);
    const n = Number(value);
    if (n < min || n > max) throw new InvalidArgumentError(`Must be from ${min} to ${max}.`);
    return n;
  };
}

/** Parser for a duration such as 90s, 10m, 2h or 1d. */
export function duration(value: string): number {
  const ms = parseDuration(value);
  if (ms === undefined || ms <= 0) throw new InvalidArgumentError('Expected a duration such as 90s, 10m, 2h or 1d.');
  return ms;
}

/** Parser for an amount of dollars above zero (`5`, `2.50`, `$20`). */
export function dollars(value: string): number {
  const n = Number(value.trim().replace(/^\$/, ''));
  if (!/\d/.test(value) || !Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('Expected an amount of dollars above 0, such as 5 or 2.50.');
  return n;
}

function examples(...lines: string[]): string {
  return `\nExamples:\n${lines.map((line) => (line.startsWith('#') ? `  ${line}` : `  $ ${line}`)).join('\n')}\n`;
}

const JSON_HELP = 'output JSON with the given comma-separated fields (without fields: list them)';
const RUN_ID_HELP = 'run id, a unique prefix of at least 6 characters, or - to read it from stdin';

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

Output: a table fitted to the terminal on a terminal; tab-separated exact values (ISO times, full
ids, raw numbers) when piped; --json FIELDS for JSON.

${EXIT_CODES_HELP}
`;

const jsonOption = () => new Option('--json [fields]', JSON_HELP);

/** Builds the whole command tree without actions; `createProgram` attaches them. */
export function defineCommands() {
  const program = new Command('dataframer')
    .usage('<command> [options]')
    .description('Work with Dataframer synthetic-data runs from a terminal or a script.')
    .option('--profile <name>', 'config profile (env DATAFRAMER_PROFILE; default "default")')
    .option('--base-url <url>', 'API server root (env DATAFRAMER_BASE_URL)')
    .option('--timeout <duration>', 'bound every API call of the command; for runs watch and create --wait, stop waiting (exit 8)', duration)
    .option('--no-color', 'disable colours (also NO_COLOR=1)')
    .option('--debug', 'log requests (API key redacted) and show stack traces')
    .helpOption('-h, --help', 'show help for a command')
    .configureHelp({ showGlobalOptions: true, minWidthToWrap: 20 })
    .addHelpText('after', ROOT_HELP);

  const runs = program
    .command('runs')
    .description('list, start, watch, download and manage generation runs')
    .addHelpText('after', examples('dataframer runs list', 'dataframer runs get RUN_ID', 'dataframer runs create --spec SPEC --samples 100 --wait'));

  const runsList = runs
    .command('list')
    .alias('ls')
    .description('list runs, newest first. The API has no filters: the CLI fetches the list, then filters and sorts it locally')
    .option('-s, --status <list>', 'only these statuses, comma-separated (PENDING,PROCESSING,SUCCEEDED,FAILED,CANCELED; other words are passed through)')
    .option('--spec <name-or-id>', 'only runs of this spec (name or id)')
    .option('--since <when>', 'only runs created since a duration ago (30m, 2h, 3d, 1w) or a date (2026-11-01)')
    .option('-L, --limit <n>', 'show at most n runs', integer(1, 100_000), 20)
    .option('--sort <key>', 'created, cost, status, spec or completed; prefix - for descending', '-created')
    .addOption(jsonOption())
    .addHelpText(
      'after',
      examples(
        'dataframer runs list --status failed,canceled --since 3d',
        'dataframer runs list --spec "Support tickets" --sort -cost -L 5',
        'dataframer runs list --json id,status,total_cost',
        '# piped output is tab-separated: id status completed failed cost spec_name spec_id created_at',
        'dataframer runs list | cut -f1,2',
      ),
    );

  const runsGet = runs
    .command('get')
    .alias('view')
    .usage('[options] <id>')
    .description('show one run: status, progress, cost, parameters and files')
    .argument('[id]', RUN_ID_HELP)
    .addOption(jsonOption())
    .addHelpText('after', examples('dataframer runs get RUN_ID', 'dataframer runs get 3f2a9c1e --json status,samples_completed'));

  const runsCreate = runs
    .command('create')
    .description('start a run (it costs money); prints only the new run id on stdout')
    .requiredOption('--spec <name-or-id>', 'spec name or id (the spec must be SUCCEEDED)')
    .requiredOption('-n, --samples <n>', 'number of samples, 1 to 20000', integer(1, 20_000))
    .option('--spec-version <n>', 'spec version (default: the latest)', integer(1, Number.MAX_SAFE_INTEGER))
    .option('-m, --model <name>', 'generation model (see: dataframer models list)')
    .option('--outline-model <name>', 'outline model')
    .option('--revision-model <name>', 'revision model')
    .option('--max-revision-cycles <n>', 'maximum revision cycles', integer(0, 1000))
    .option('--max-examples <n>', 'maximum seed examples in a prompt', integer(0, 100_000))
    .addOption(new Option('--seed-shuffling <level>', 'seed shuffling level').choices(['none', 'sample', 'field', 'prompt'] as const))
    .option('--skip-outline', 'skip the outline step')
    .option('--idempotency-key <key>', 'repeat a create under the key an earlier attempt printed')
    .option('-w, --wait', 'watch the run until it finishes; the exit code tells the outcome')
    .option('--max-cost <usd>', 'with --wait: cancel the run once its cost passes this many dollars (exit 7)', dollars)
    .option('--interval <duration>', 'with --wait: first poll interval', duration)
    .option('--json', 'with --wait: stream progress as NDJSON on stdout after the id')
    .addHelpText(
      'after',
      `${examples(
        'dataframer runs create --spec SPEC_ID --samples 500',
        'dataframer runs create --spec "Support tickets" -n 100 --model anthropic/claude-haiku-4-5 --wait --timeout 30m',
        'dataframer runs create --spec SPEC_ID -n 1000 --wait --max-cost 25',
        'dataframer runs create --spec SPEC_ID -n 100 | dataframer runs watch -',
        '# if the connection drops mid-create, the error prints the command that repeats it under the same key:',
        'dataframer runs create --spec SPEC_ID -n 100 --idempotency-key KEY',
      )}
Databricks models need credentials that should not be typed on a command line; use the SDK for them.
With --wait, exit codes: 0 SUCCEEDED, 5 FAILED, 6 CANCELED, 8 still running at --timeout,
7 canceled at --max-cost.
`,
    );

  const runsWatch = runs
    .command('watch')
    .description('follow a run until it finishes: a live progress bar on a terminal, NDJSON with --json')
    .argument('<id>', RUN_ID_HELP)
    .option('--interval <duration>', 'first poll interval (default 1s, growing to 2.5s)', duration)
    .option('--max-cost <usd>', 'cancel the run once its cost passes this many dollars (exit 7)', dollars)
    .option('--json', 'stream progress events as NDJSON on stdout')
    .addHelpText(
      'after',
      `${examples(
        'dataframer runs watch RUN_ID',
        'dataframer runs watch RUN_ID --timeout 10m && echo succeeded',
        'dataframer runs watch RUN_ID --max-cost 20',
        'dataframer runs watch RUN_ID --json | jq -c "{status, completed}"',
      )}
Exit codes: 0 SUCCEEDED, 5 FAILED, 6 CANCELED, 8 still running at --timeout,
7 canceled at --max-cost, 130 interrupted.
Progress goes to stderr; the run goes on on the server when you stop watching. At --max-cost it
is canceled: the cost is checked at every poll, so it can pass the limit by what one poll costs.
`,
    );

  const runsCancel = runs
    .command('cancel')
    .description('cancel a PENDING or PROCESSING run')
    .argument('<id>', RUN_ID_HELP)
    .addHelpText('after', examples('dataframer runs cancel RUN_ID'));

  const runsDelete = runs
    .command('delete')
    .alias('rm')
    .description('delete a run and its files (shows the run and asks first on a terminal)')
    .argument('<id>', RUN_ID_HELP)
    .option('-y, --yes', 'do not ask (required when stdin is not a terminal)')
    .addHelpText('after', examples('dataframer runs delete RUN_ID', 'dataframer runs delete RUN_ID --yes'));

  const runsDownload = runs
    .command('download')
    .description("download the ZIP of a SUCCEEDED run's files (waits while it is built); prints the saved path")
    .argument('<id>', RUN_ID_HELP)
    .option('-o, --out <dir>', 'directory to write run-<id>.zip (or, with --extract, run-<id>/) into', '.')
    .option('-x, --extract', 'unpack the files into <dir>/run-<id>/ instead of keeping the ZIP')
    .option('-f, --force', 'overwrite an existing file or directory of that name')
    .addHelpText(
      'after',
      `${examples('dataframer runs download RUN_ID --out ./data', 'dataframer runs download RUN_ID --extract', 'unzip "$(dataframer runs download RUN_ID)"')}
The file is written under a temporary name and renamed once its size is checked, so a file
named run-<id>.zip (or a directory run-<id>) is always complete. --extract refuses archives with
entries that would land outside the directory (../, absolute paths, links). --timeout bounds the
whole download (default: 5m for the ZIP to be built).
`,
    );

  const runsSamples = runs
    .command('samples')
    .description('print generated samples, one JSON object per line, in finish order')
    .argument('<id>', RUN_ID_HELP)
    .option('--offset <n>', 'first sample position', integer(0, Number.MAX_SAFE_INTEGER), 0)
    .option('-L, --limit <n>', 'number of samples, 1 to 1000', integer(1, 1000), 20)
    .option('-a, --all', 'every sample from --offset on, page after page, streamed')
    .option('--json', 'print the whole API answer as JSON (one page)')
    .addHelpText(
      'after',
      examples('dataframer runs samples RUN_ID --limit 5', 'dataframer runs samples RUN_ID --offset 100 --limit 100 > page.ndjson', 'dataframer runs samples RUN_ID --all > samples.ndjson'),
    );

  const specs = program
    .command('specs')
    .description('list and inspect specs')
    .addHelpText('after', examples('dataframer specs list', 'dataframer specs get SPEC_ID'));

  const specsList = specs
    .command('list')
    .alias('ls')
    .description('list specs')
    .addOption(jsonOption())
    .addHelpText('after', examples('dataframer specs list', 'dataframer specs list --json id,name,status'));

  const specsGet = specs
    .command('get')
    .alias('view')
    .usage('[options] <id>')
    .description('show one spec with its versions')
    .argument('[id]', 'spec id, or - to read it from stdin')
    .addOption(jsonOption())
    .addHelpText('after', examples('dataframer specs get SPEC_ID', 'dataframer specs get SPEC_ID --json name,versions'));

  const models = program.command('models').description('list generation models').addHelpText('after', examples('dataframer models list'));

  const modelsList = models
    .command('list')
    .alias('ls')
    .description('list the models a run can use')
    .addOption(jsonOption())
    .addHelpText('after', examples('dataframer models list', 'dataframer models list --json id,default'));

  const auth = program
    .command('auth')
    .description('store, check and remove the API key')
    .addHelpText(
      'after',
      `${examples('dataframer auth login', 'printf %s "$KEY" | dataframer auth login', 'dataframer auth status')}
The key is looked up in this order: DATAFRAMER_API_KEY, then the config file's profile
(--profile, DATAFRAMER_PROFILE, or "default"). There is no --api-key flag on purpose: command
lines are visible to other processes. The config file is written with mode 0600 (directory 0700).
`,
    );

  const authLogin = auth
    .command('login')
    .description('store an API key (hidden prompt on a terminal, else read from stdin; never from arguments)')
    .option('--no-verify', 'store the key without checking it against the server')
    .addHelpText(
      'after',
      examples('dataframer auth login', 'printf %s "$KEY" | dataframer auth login', 'dataframer --profile staging --base-url https://staging.example auth login'),
    );

  const authStatus = auth
    .command('status')
    .description('show the key in use (masked), where it comes from, and whether the server accepts it')
    .option('--offline', 'do not contact the server')
    .addHelpText('after', examples('dataframer auth status', 'dataframer --profile staging auth status --offline'));

  const authLogout = auth
    .command('logout')
    .description("remove the profile's stored key from the config file")
    .addHelpText('after', examples('dataframer auth logout', 'dataframer --profile staging auth logout'));

  const completion = program
    .command('completion')
    .description('print a shell completion script')
    .addArgument(new Argument('<shell>', 'bash, zsh or fish').choices(['bash', 'zsh', 'fish'] as const))
    .addHelpText(
      'after',
      examples(
        'dataframer completion bash > ~/.local/share/bash-completion/completions/dataframer',
        'dataframer completion zsh > "${fpath[1]}/_dataframer"',
        'dataframer completion fish > ~/.config/fish/completions/dataframer.fish',
      ),
    );

  return { program, runs, runsList, runsGet, runsCreate, runsWatch, runsCancel, runsDelete, runsDownload, runsSamples, specs, specsList, specsGet, models, modelsList, auth, authLogin, authStatus, authLogout, completion };
}

/** The command tree, by name. */
export type Commands = ReturnType<typeof defineCommands>;

/** The parsed options of a command, its own and the global ones, as commander infers them from the flags. */
export type OptionsOf<K extends keyof Commands> = ReturnType<Commands[K]['optsWithGlobals']>;

/** The global options every command sees. */
export type GlobalOptions = ReturnType<Commands['program']['opts']>;
