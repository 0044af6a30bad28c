import { examples, RUN_ID_HELP } from '../../../program/helpText';
import type { NewCommand, OptionsOf } from '../../../program/defineCommand';
import { dollars, duration } from '../../../program/parsers';

/** `runs watch`: the run id, the poll interval, the spending limit and the output. */
export const watchFlags = (command: NewCommand) =>
  command
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

/** The options `runs watch` runs with. */
export type WatchOptions = OptionsOf<typeof watchFlags>;
