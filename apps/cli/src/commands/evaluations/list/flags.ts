import { examples, jsonOption, RUN_ID_HELP } from '../../../program/helpText';
import type { NewCommand, OptionsOf } from '../../../program/defineCommand';

/** `evaluations list`: the run whose evaluations are listed, and the output. */
export const listFlags = (command: NewCommand) =>
  command
    .alias('ls')
    .description("list a run's evaluations, newest first: status, score and times")
    .argument('<run-id>', RUN_ID_HELP)
    .addOption(jsonOption())
    .addHelpText(
      'after',
      examples('dataframer evaluations list RUN_ID', 'dataframer evaluations list 3f2a9c1e --json id,status,conformance_score'),
    );

/** The options `evaluations list` runs with. */
export type ListOptions = OptionsOf<typeof listFlags>;
