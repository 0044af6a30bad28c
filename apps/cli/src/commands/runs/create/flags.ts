import { Option } from '@commander-js/extra-typings';
import { MAX_SAMPLES_PER_RUN, SEED_SHUFFLING_LEVELS } from '@df/core/constants';
import { examples } from '../../../program/helpText';
import type { NewCommand, OptionsOf } from '../../../program/defineCommand';
import { dollars, duration, integer, score } from '../../../program/parsers';

/** `runs create`: the spec, the run's parameters, the idempotency key, and waiting for the run. */
export const createFlags = (command: NewCommand) =>
  command
    .description('start a run (it costs money); prints only the new run id on stdout')
    .requiredOption('--spec <name-or-id>', 'spec name or id (the spec must be SUCCEEDED)')
    .requiredOption('-n, --samples <n>', `number of samples, 1 to ${MAX_SAMPLES_PER_RUN}`, integer(1, MAX_SAMPLES_PER_RUN))
    .option('--spec-version <n>', 'spec version (default: the latest)', integer(1, Number.MAX_SAFE_INTEGER))
    .option('-m, --model <name>', 'generation model (see: dataframer models list)')
    .option('--outline-model <name>', 'outline model')
    .option('--revision-model <name>', 'revision model')
    .option('--max-revision-cycles <n>', 'maximum revision cycles', integer(0, 1000))
    .option('--max-examples <n>', 'maximum seed examples in a prompt', integer(0, 100_000))
    .addOption(new Option('--seed-shuffling <level>', 'seed shuffling level').choices(SEED_SHUFFLING_LEVELS))
    .option('--skip-outline', 'skip the outline step')
    .option('--idempotency-key <key>', 'repeat a create under the key an earlier attempt printed')
    .option('-w, --wait', 'watch the run until it finishes; the exit code tells the outcome')
    .option('--max-cost <usd>', 'with --wait: cancel the run once its cost passes this many dollars (exit 7)', dollars)
    .option('--interval <duration>', 'with --wait: first poll interval', duration)
    .option('--json', 'with --wait: stream progress as NDJSON on stdout after the id')
    .option('--evaluate', 'with --wait: evaluate the run once it SUCCEEDED and wait for the score')
    .option('--min-score <score>', 'with --evaluate: exit 9 when the score (0 to 100) is below this', score)
    .option('--eval-model <name>', 'with --evaluate: evaluation model (default: chosen by the server)')
    .addHelpText(
      'after',
      `${examples(
        'dataframer runs create --spec SPEC_ID --samples 500',
        'dataframer runs create --spec "Support tickets" -n 100 --model anthropic/claude-haiku-4-5 --wait --timeout 30m',
        'dataframer runs create --spec SPEC_ID -n 1000 --wait --max-cost 25',
        'dataframer runs create --spec SPEC_ID -n 100 --wait --evaluate --min-score 80 || exit $?',
        'dataframer runs create --spec SPEC_ID -n 100 | dataframer runs watch -',
        '# if the connection drops mid-create, the error prints the command that repeats it under the same key:',
        'dataframer runs create --spec SPEC_ID -n 100 --idempotency-key KEY',
      )}
Databricks models need credentials that should not be typed on a command line; use the SDK for them.
With --wait, exit codes: 0 SUCCEEDED, 5 FAILED, 6 CANCELED, 8 still running at --timeout,
7 canceled at --max-cost. With --evaluate, a run that SUCCEEDED is evaluated (any other is not)
and the evaluation decides: 0 scored (at least --min-score), 9 below --min-score, 10 the
evaluation FAILED, 8 still running at --timeout (one --timeout covers the run and the evaluation).
`,
    );

/** The options `runs create` runs with. */
export type CreateOptions = OptionsOf<typeof createFlags>;
