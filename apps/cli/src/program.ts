import { parseDuration } from './duration';
import { EXIT_CODES_HELP } from './exitCodes';
import type { CommandSpec } from './parser';

type Module = Record<string, unknown>;

// Each command's code (and with it the SDK and valibot) is loaded only when that command runs.
const runs = (): Promise<Module> => import('./commands/runs');
const discovery = (): Promise<Module> => import('./commands/discovery');
const auth = (): Promise<Module> => import('./commands/auth');
const completion = (): Promise<Module> => import('./commands/completion');

/** Parser for a whole number in [min, max]. */
export function integer(min: number, max: number) {
  return (value: string): number => {
    if (!/^\s*-?\d+\s*$/.test(value)) throw new Error(`Expected a whole number from ${min} to ${max}.`);
    const n = Number(value);
    if (n < min || n > max) throw new Error(`Must be from ${min} to ${max}.`);
    return n;
  };
}

function duration(value: string): number {
  const ms = parseDuration(value);
  if (ms === undefined || ms <= 0) throw new Error('Expected a duration such as 90s, 10m, 2h or 1d.');
  return ms;
}

function examples(...lines: string[]): string {
  return `\nExamples:\n${lines.map((line) => (line.startsWith('#') ? `  ${line}` : `  $ ${line}`)).join('\n')}\n`;
}

const JSON_HELP = 'output JSON with the given comma-separated fields (without fields: list them)';
const ID_HELP = 'run id, or - to read it from stdin';

const ROOT_HELP = `${examples(
  'dataframer auth login',
  'dataframer runs list --status PROCESSING,PENDING',
  'dataframer runs create --spec SPEC_ID --samples 500 | dataframer runs watch -',
  'dataframer runs download RUN_ID --out ./data',
)}
Environment:
  DATAFRAMER_API_KEY     API key (takes precedence over the config file)
  DATAFRAMER_BASE_URL    API server root
  DATAFRAMER_PROFILE     config profile
  DATAFRAMER_CONFIG_DIR  config directory (default: the platform config dir + /dataframer)
  NO_COLOR               disable colours
  DATAFRAMER_FORCE_TTY   render for a terminal even when output is piped (1)

Output: a table on a terminal; tab-separated exact values (ISO times, full ids, raw numbers)
when piped; --json FIELDS for JSON.

${EXIT_CODES_HELP}
`;

const idArg = [{ name: 'id', description: ID_HELP }];
const jsonOption = { flags: '--json [fields]', description: JSON_HELP };

/** The whole command tree; each handler's module is loaded only when its command runs. */
export const program: CommandSpec = {
  name: 'dataframer',
  description: 'Work with Dataframer synthetic-data runs from a terminal or a script.',
  options: [
    { flags: '--profile <name>', description: 'config profile (env DATAFRAMER_PROFILE; default "default")' },
    { flags: '--base-url <url>', description: 'API server root (env DATAFRAMER_BASE_URL)' },
    { flags: '--no-color', description: 'disable colours (also NO_COLOR=1)' },
    { flags: '--debug', description: 'log requests (API key redacted) and show stack traces' },
    { flags: '-h, --help', description: 'show help for a command' },
    { flags: '-V, --version', description: 'print the version' },
  ],
  help: ROOT_HELP,
  children: [
    {
      name: 'runs',
      description: 'list, start, watch, download and manage generation runs',
      help: examples('dataframer runs list', 'dataframer runs get RUN_ID', 'dataframer runs create --spec SPEC_ID --samples 100 --wait'),
      children: [
        {
          name: 'list',
          aliases: ['ls'],
          description: 'list runs, newest first. The API has no filters: the CLI fetches the list, then filters and sorts it locally',
          options: [
            { flags: '-s, --status <list>', description: 'only these statuses, comma-separated (PENDING,PROCESSING,SUCCEEDED,FAILED,CANCELED)' },
            { flags: '--spec <name-or-id>', description: 'only runs of this spec (name or id)' },
            { flags: '--since <when>', description: 'only runs created since a duration ago (30m, 2h, 3d, 1w) or a date (2026-11-01)' },
            { flags: '-L, --limit <n>', description: 'show at most n runs', parse: integer(1, 100_000), default: 20 },
            { flags: '--sort <key>', description: 'created, cost, status, spec or completed; prefix - for descending', default: '-created' },
            jsonOption,
          ],
          run: [runs, 'list'],
          help: examples(
            'dataframer runs list --status failed,canceled --since 3d',
            'dataframer runs list --spec "Support tickets" --sort -cost -L 5',
            'dataframer runs list --json id,status,total_cost',
            '# piped output is tab-separated: id status completed failed cost spec_name spec_id created_at',
            'dataframer runs list | cut -f1,2',
          ),
        },
        {
          name: 'get',
          aliases: ['view'],
          description: 'show one run: status, progress, cost, parameters and files',
          args: idArg,
          options: [jsonOption],
          run: [runs, 'get'],
          help: examples('dataframer runs get RUN_ID', 'dataframer runs get RUN_ID --json status,samples_completed'),
        },
        {
          name: 'create',
          description: 'start a run (it costs money); prints only the new run id on stdout',
          options: [
            { flags: '--spec <id>', description: 'spec id (the spec must be SUCCEEDED)', required: true },
            { flags: '-n, --samples <n>', description: 'number of samples, 1 to 20000', parse: integer(1, 20_000), required: true },
            { flags: '--spec-version <n>', description: 'spec version (default: the latest)', parse: integer(1, Number.MAX_SAFE_INTEGER) },
            { flags: '-m, --model <name>', description: 'generation model (see: dataframer models list)' },
            { flags: '--outline-model <name>', description: 'outline model' },
            { flags: '--revision-model <name>', description: 'revision model' },
            { flags: '--max-revision-cycles <n>', description: 'maximum revision cycles', parse: integer(0, 1000) },
            { flags: '--max-examples <n>', description: 'maximum seed examples in a prompt', parse: integer(0, 100_000) },
            { flags: '--seed-shuffling <level>', description: 'seed shuffling level', choices: ['none', 'sample', 'field', 'prompt'] },
            { flags: '--skip-outline', description: 'skip the outline step' },
            { flags: '--idempotency-key <key>', description: 'retry a create safely with the key an earlier attempt printed' },
            { flags: '-w, --wait', description: 'watch the run until it finishes; the exit code tells the outcome' },
            { flags: '--timeout <duration>', description: 'with --wait: stop waiting after this long (exit 8)', parse: duration },
            { flags: '--interval <duration>', description: 'with --wait: first poll interval', parse: duration },
            { flags: '--json', description: 'with --wait: stream progress as NDJSON on stdout after the id' },
          ],
          run: [runs, 'create'],
          help: `${examples(
            'dataframer runs create --spec SPEC_ID --samples 500',
            'dataframer runs create --spec SPEC_ID -n 100 --model anthropic/claude-haiku-4-5 --wait --timeout 30m',
            'dataframer runs create --spec SPEC_ID -n 100 | dataframer runs watch -',
            '# if the connection drops mid-create, the error prints the exact command to retry safely:',
            'dataframer runs create --spec SPEC_ID -n 100 --idempotency-key KEY',
          )}
Databricks models need credentials that should not be typed on a command line; use the SDK for them.
With --wait, exit codes: 0 SUCCEEDED, 5 FAILED, 6 CANCELED, 8 still running at --timeout.
`,
        },
        {
          name: 'watch',
          description: 'follow a run until it finishes: a live progress bar on a terminal, NDJSON with --json',
          args: idArg,
          options: [
            { flags: '--timeout <duration>', description: 'stop waiting after this long (exit 8 if still running)', parse: duration },
            { flags: '--interval <duration>', description: 'first poll interval (default 1s, growing to 3s)', parse: duration },
            { flags: '--json', description: 'stream progress events as NDJSON on stdout' },
          ],
          run: [runs, 'watch'],
          help: `${examples(
            'dataframer runs watch RUN_ID',
            'dataframer runs watch RUN_ID --timeout 10m && echo succeeded',
            'dataframer runs watch RUN_ID --json | jq -c "{status, completed}"',
          )}
Exit codes: 0 SUCCEEDED, 5 FAILED, 6 CANCELED, 8 still running at --timeout, 130 interrupted.
Progress goes to stderr; the run goes on on the server when you stop watching.
`,
        },
        {
          name: 'cancel',
          description: 'cancel a PENDING or PROCESSING run',
          args: idArg,
          run: [runs, 'cancel'],
          help: examples('dataframer runs cancel RUN_ID'),
        },
        {
          name: 'delete',
          aliases: ['rm'],
          description: 'delete a run and its files (asks first on a terminal)',
          args: idArg,
          options: [{ flags: '-y, --yes', description: 'do not ask (required when stdin is not a terminal)' }],
          run: [runs, 'remove'],
          help: examples('dataframer runs delete RUN_ID', 'dataframer runs delete RUN_ID --yes'),
        },
        {
          name: 'download',
          description: "download the ZIP of a SUCCEEDED run's files (waits while it is built); prints the file path",
          args: idArg,
          options: [
            { flags: '-o, --out <dir>', description: 'directory to write run-<id>.zip into', default: '.' },
            { flags: '-f, --force', description: 'overwrite an existing file of a different size' },
            { flags: '--timeout <duration>', description: 'how long to wait for the ZIP to be built (default 5m)', parse: duration },
          ],
          run: [runs, 'download'],
          help: `${examples('dataframer runs download RUN_ID --out ./data', 'unzip "$(dataframer runs download RUN_ID)"')}
The file is written under a temporary name and renamed once its size is checked, so a file
named run-<id>.zip is always complete.
`,
        },
        {
          name: 'samples',
          description: 'print generated samples, one JSON object per line, in finish order',
          args: idArg,
          options: [
            { flags: '--offset <n>', description: 'first sample position', parse: integer(0, Number.MAX_SAFE_INTEGER), default: 0 },
            { flags: '-L, --limit <n>', description: 'number of samples, 1 to 1000', parse: integer(1, 1000), default: 20 },
            { flags: '--json', description: 'print the whole API answer as JSON' },
          ],
          run: [runs, 'samples'],
          help: examples('dataframer runs samples RUN_ID --limit 5', 'dataframer runs samples RUN_ID --offset 100 --limit 100 > page.ndjson'),
        },
      ],
    },
    {
      name: 'specs',
      description: 'list and inspect specs',
      help: examples('dataframer specs list', 'dataframer specs get SPEC_ID'),
      children: [
        {
          name: 'list',
          aliases: ['ls'],
          description: 'list specs',
          options: [jsonOption],
          run: [discovery, 'specsList'],
          help: examples('dataframer specs list', 'dataframer specs list --json id,name,status'),
        },
        {
          name: 'get',
          aliases: ['view'],
          description: 'show one spec with its versions',
          args: [{ name: 'id', description: 'spec id, or - to read it from stdin' }],
          options: [jsonOption],
          run: [discovery, 'specsGet'],
          help: examples('dataframer specs get SPEC_ID', 'dataframer specs get SPEC_ID --json name,versions'),
        },
      ],
    },
    {
      name: 'models',
      description: 'list generation models',
      help: examples('dataframer models list'),
      children: [
        {
          name: 'list',
          aliases: ['ls'],
          description: 'list the models a run can use',
          options: [jsonOption],
          run: [discovery, 'modelsList'],
          help: examples('dataframer models list', 'dataframer models list --json id,default'),
        },
      ],
    },
    {
      name: 'auth',
      description: 'store, check and remove the API key',
      help: `${examples('dataframer auth login', 'printf %s "$KEY" | dataframer auth login', 'dataframer auth status')}
The key is looked up in this order: DATAFRAMER_API_KEY, then the config file's profile
(--profile, DATAFRAMER_PROFILE, or "default"). There is no --api-key flag on purpose: command
lines are visible to other processes. The config file is written with mode 0600 (directory 0700).
`,
      children: [
        {
          name: 'login',
          description: 'store an API key (hidden prompt on a terminal, else read from stdin; never from arguments)',
          options: [{ flags: '--no-verify', description: 'store the key without checking it against the server' }],
          run: [auth, 'login'],
          help: examples(
            'dataframer auth login',
            'printf %s "$KEY" | dataframer auth login',
            'dataframer --profile staging --base-url https://staging.example auth login',
          ),
        },
        {
          name: 'status',
          description: 'show the key in use (masked), where it comes from, and whether the server accepts it',
          options: [{ flags: '--offline', description: 'do not contact the server' }],
          run: [auth, 'status'],
          help: examples('dataframer auth status', 'dataframer --profile staging auth status --offline'),
        },
        {
          name: 'logout',
          description: "remove the profile's stored key from the config file",
          run: [auth, 'logout'],
          help: examples('dataframer auth logout', 'dataframer --profile staging auth logout'),
        },
      ],
    },
    {
      name: 'completion',
      description: 'print a shell completion script',
      args: [{ name: 'shell', description: 'bash, zsh or fish', choices: ['bash', 'zsh', 'fish'] }],
      run: [completion, 'completion'],
      help: examples(
        'dataframer completion bash > ~/.local/share/bash-completion/completions/dataframer',
        'dataframer completion zsh > "${fpath[1]}/_dataframer"',
        'dataframer completion fish > ~/.config/fish/completions/dataframer.fish',
      ),
    },
  ],
};
