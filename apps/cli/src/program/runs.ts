// The `runs` group: list, get, create, watch, cancel, delete, download and samples.
import { Option } from '@commander-js/extra-typings';
import { dollars, duration, examples, integer, jsonOption, RUN_ID_HELP } from './options';
import type { Root } from './root';

/** Adds `runs` and its commands to the root. */
export function defineRuns(program: Root) {
  const runs = program
    .command('runs')
    .description('list, start, watch, download and manage generation runs')
    .addHelpText(
      'after',
      examples('dataframer runs list', 'dataframer runs get RUN_ID', 'dataframer runs create --spec SPEC --samples 100 --wait'),
    );

  const runsList = runs
    .command('list')
    .alias('ls')
    .description('list runs, newest first. The API has no filters: the CLI fetches the list, then filters and sorts it locally')
    .option(
      '-s, --status <list>',
      'only these statuses, comma-separated (PENDING,PROCESSING,SUCCEEDED,FAILED,CANCELED; other words are passed through)',
    )
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
      examples(
        'dataframer runs samples RUN_ID --limit 5',
        'dataframer runs samples RUN_ID --offset 100 --limit 100 > page.ndjson',
        'dataframer runs samples RUN_ID --all > samples.ndjson',
      ),
    );

  return { runs, runsList, runsGet, runsCreate, runsWatch, runsCancel, runsDelete, runsDownload, runsSamples };
}
