import { isTerminalStatus, MAX_SAMPLES_PAGE, type SampleList } from '@df/node';
import type { Context } from '../../context';
import { usageError } from '../../errors';
import { EXIT } from '../../exitCodes';
import type { OptionsOf } from '../../program';
import { resolveRunId } from '../../runs/runIds';
import { withSession } from '../../session';

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
 * streams every page in turn, holding one page at a time. Messages give the run's own status.
 */
export function samples(ctx: Context, options: OptionsOf<'runsSamples'>, arg: string): Promise<number> {
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
          `${more === undefined ? 'There may be more samples' : `${more} more sample${more === 1 ? '' : 's'}`}: --offset ${end} for the next page, or --all for every one.`,
        );
      }
      return EXIT.OK;
    }

    let offset = options.offset;
    let printed = 0;
    for (;;) {
      // One page at a time, written out a few lines at a time and let go of as it is written, before the next
      // page is asked for: memory stays at about one parsed page whatever the number of samples.
      const outputs: Array<SampleOutput | undefined> =
        (await client.runs.samples(id, { offset, limit: MAX_SAMPLES_PAGE }, s.call())).result?.generated_outputs ?? [];
      const count = outputs.length;
      for (let i = 0; i < count; i += BATCH) {
        let text = '';
        for (let j = i; j < Math.min(count, i + BATCH); j++) {
          const output = outputs[j];
          if (output) text += line(output);
          outputs[j] = undefined;
        }
        io.print(text);
      }
      printed += count;
      offset += count;
      if (count < MAX_SAMPLES_PAGE) break;
    }
    if (io.errTty || printed === 0)
      io.info(`${printed} sample${printed === 1 ? '' : 's'} from offset ${options.offset} (${await described()})`);
    return EXIT.OK;
  });
}
