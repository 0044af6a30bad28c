import { examples, RUN_ID_HELP } from '../../../program/helpText';
import type { NewCommand, OptionsOf } from '../../../program/defineCommand';
import { score } from '../../../program/parsers';

/** `runs evaluate`: the run id, the evaluation model, waiting and the score gate. */
export const evaluateFlags = (command: NewCommand) =>
  command
    .description('start an evaluation of a SUCCEEDED run; prints the evaluation id on stdout')
    .argument('<id>', RUN_ID_HELP)
    .option('-m, --model <name>', 'evaluation model (default: chosen by the server)')
    .option('-w, --wait', 'wait for the evaluation to end and print its score (on stderr)')
    .option('--min-score <score>', 'exit 9 when the score (0 to 100) is below this; implies --wait', score)
    .addHelpText(
      'after',
      `${examples(
        'dataframer runs evaluate RUN_ID',
        'dataframer runs evaluate RUN_ID --wait',
        'dataframer runs evaluate RUN_ID --min-score 80 --timeout 30m || exit $?',
      )}
Scores run from 0 to 100: --min-score 80, or 80%. A fraction such as 0.8 is refused, not guessed at.
With --wait, exit codes: 0 scored (at least --min-score), 9 below --min-score, 10 the evaluation
FAILED, 8 still running at --timeout, 130 interrupted (the evaluation goes on on the server).
`,
    );

/** The options `runs evaluate` runs with. */
export type EvaluateOptions = OptionsOf<typeof evaluateFlags>;
