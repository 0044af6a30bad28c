import { isTerminalStatus, type SampleList } from '@df/node';
import type { Context } from '../../../context';
import { CliError, usageError } from '../../../errors';
import { EXIT } from '../../../exitCodes';
import { counted } from '../../../format';
import { resolveRunId } from '../../../runs/resolveRunId';
import { withSession } from '../../../session';
import type { SamplesOptions } from './flags';

type SampleOutput = NonNullable<NonNullable<SampleList['result']>['generated_outputs']>[number];

/** Lines written to stdout at once by --all. */
const BATCH = 50;

function line(item: SampleOutput): string {
  return `${JSON.stringify(item.generated_sample ?? item)}\n`;
}

function lines(page: SampleList): { text: string; count: number } {
  const outputs = page.result?.generated_outputs ?? [];
  return { text: outputs.map(line).join(''), count: outputs.length };
}

/**
 * `runs samples ID`: one page of samples as NDJSON, with a stderr note of how many more there are; `--all`
 * streams every page in turn, holding one page at a time, and fails (exit 1) when fewer samples arrive than the
 * server counts. Messages give the run's own status.
 */
export function run(ctx: Context, options: SamplesOptions, arg: string): Promise<number> {
  return withSession(ctx, options, async (s) => {
    const { io } = s;
    if (options.all && options.json)
      throw usageError('--json prints one page as the API answers it; use --all without --json to stream every sample as NDJSON');
    const client = await s.client();
    const id = await resolveRunId(s, client, arg);
    const runStatus = client.runs.retrieve(id, s.call()).then(
      (run) => run.status,
      () => undefined,
    );
    const described = async () => {
      const status = await runStatus;
      return status === undefined ? 'run status unknown' : `run ${status}${isTerminalStatus(status) ? '' : ', more samples may come'}`;
    };

    if (!options.all) {
      const page = await client.runs.samples(id, { offset: options.offset, limit: options.limit }, s.call());
      if (options.json) {
        io.print(`${JSON.stringify(page, null, 2)}\n`);
        return EXIT.OK;
      }
      const { text, count } = lines(page);
      io.print(text);
      const end = options.offset + count;
      const total = page.total_samples ?? undefined;
      if (io.errTty) {
        io.info(
          count === 0
            ? `No samples at offset ${options.offset} (${total ?? 0} in total; ${await described()})`
            : `Samples ${options.offset + 1}–${end} of ${total ?? '?'} (${await described()})`,
        );
      }
      // Nothing is cut silently, piped or not.
      const more = total !== undefined ? total - end : count === options.limit ? undefined : 0;
      if (more === undefined || more > 0) {
        io.info(
          `${more === undefined ? 'There may be more samples' : `${counted(more, 'more sample', 'more samples')}`}: --offset ${end} for the next page, or --all for every one.`,
        );
      }
      return EXIT.OK;
    }

    // One page at a time (the SDK's iterator holds only the page being read), written a few lines at a time and
    // always before the next page is asked for, so a failing request never loses lines already received.
    let printed = 0;
    let pageEnd = options.offset;
    let total: number | undefined;
    let text = '';
    let batched = 0;
    const samples = client.runs.allSamples(id, {
      ...s.call(),
      offset: options.offset,
      onPage: (page) => {
        pageEnd = page.offset + page.count;
        total = page.total;
      },
    });
    for await (const output of samples) {
      text += line(output);
      printed++;
      if (++batched === BATCH || options.offset + printed === pageEnd) {
        io.print(text);
        text = '';
        batched = 0;
      }
    }
    if (total !== undefined && pageEnd < total) {
      // A file that looks complete but is not is worse than a failed command: say so, and fail the pipeline.
      throw new CliError(
        `only ${printed} of the ${counted(total - options.offset, 'sample')} from offset ${options.offset} arrived: the server counts ${total} but sent an empty page at offset ${pageEnd} (${await described()}). The lines written are complete samples; --all --offset ${pageEnd} asks for the rest again.`,
        EXIT.ERROR,
      );
    }
    if (io.errTty || printed === 0)
      io.info(`${printed} sample${printed === 1 ? '' : 's'} from offset ${options.offset} (${await described()})`);
    return EXIT.OK;
  });
}
