import { MAX_SAMPLES_PAGE } from '@df/core/constants';
import { examples, RUN_ID_HELP } from '../../../program/helpText';
import type { NewCommand, OptionsOf } from '../../../program/defineCommand';
import { integer } from '../../../program/parsers';

/** `runs samples`: the run id, the page, and the output. */
export const samplesFlags = (command: NewCommand) =>
  command
    .description('print generated samples, one JSON object per line, in finish order')
    .argument('<id>', RUN_ID_HELP)
    .option('--offset <n>', 'first sample position', integer(0, Number.MAX_SAFE_INTEGER), 0)
    .option('-L, --limit <n>', `number of samples, 1 to ${MAX_SAMPLES_PAGE}`, integer(1, MAX_SAMPLES_PAGE), 20)
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

/** The options `runs samples` runs with. */
export type SamplesOptions = OptionsOf<typeof samplesFlags>;
