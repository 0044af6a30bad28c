import { Option } from '@commander-js/extra-typings';
import { examples } from '../../../program/helpText';
import type { NewCommand, OptionsOf } from '../../../program/defineCommand';

/** `specs create`: the name, where the spec comes from (a dataset or objectives), the model, and waiting for it. */
export const createFlags = (command: NewCommand) =>
  command
    .usage('[options] <name> (--dataset <dataset> | --objectives <text|@file>)')
    .description('generate a spec from a seed dataset or from objectives; prints only the new spec id on stdout')
    .argument('<name>', 'name of the spec (unique in your company)')
    .addOption(
      new Option('--dataset <dataset>', 'seed dataset to generate the spec from: name, id or unique id prefix').conflicts('objectives'),
    )
    .option('--objectives <text>', 'what the data should be, for a spec without a dataset; @FILE reads them from a file')
    .option('-m, --model <name>', "model that generates the spec (default: the server's)")
    .option('-w, --wait', 'wait until the spec is generated; the exit code tells the outcome')
    .addHelpText(
      'after',
      `${examples(
        'dataframer specs create "Support tickets" --dataset "Support tickets" --wait',
        'dataframer specs create "FAQ answers" --objectives "Short answers to billing questions" --wait --timeout 10m',
        'dataframer specs create "FAQ answers" --objectives @objectives.txt',
      )}
Generating a spec takes a while on the server; --wait shows its status and elapsed time on a terminal.
With --wait, exit codes: 0 SUCCEEDED, 5 FAILED, 8 still generating at --timeout, 130 interrupted
(the spec goes on being generated on the server either way).
`,
    );

/** The options `specs create` runs with. */
export type CreateOptions = OptionsOf<typeof createFlags>;
