import { EVALUATION_ID_HELP, examples, jsonOption } from '../../../program/helpText';
import type { NewCommand, OptionsOf } from '../../../program/defineCommand';

/** `evaluations get`: the evaluation id and the output. */
export const getFlags = (command: NewCommand) =>
  command
    .alias('view')
    .description('show one evaluation: score, explanation and the distribution of each property')
    .argument('<id>', EVALUATION_ID_HELP)
    .addOption(jsonOption())
    .addHelpText(
      'after',
      `${examples(
        'dataframer evaluations get EVALUATION_ID',
        'dataframer evaluations get EVALUATION_ID --json conformance_score,status',
        'EVALUATION=$(dataframer runs evaluate RUN_ID --wait) && dataframer evaluations get "$EVALUATION"',
      )}
Only whole evaluation ids are taken: the API lists evaluations per run only, so there is no list to
match a prefix against. dataframer evaluations list RUN_ID shows the ids of a run's evaluations.
`,
    );

/** The options `evaluations get` runs with. */
export type GetOptions = OptionsOf<typeof getFlags>;
