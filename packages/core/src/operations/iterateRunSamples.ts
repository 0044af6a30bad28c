import { ResponseValidationError } from '../errors/errors';
import { checkParams, idParam, integerParam, paramsObject } from '../internal/params';
import type { GeneratedOutput } from '../schemas/sampleListSchema';
import { MAX_SAMPLES_PAGE, MAX_SAMPLES_PER_RUN } from '../limits';
import { listRunSamples } from './listRunSamples';
import type { CallOptions, Transport } from '../types';

/** What one page held, reported before its samples are yielded: compare the last one's `offset + count` with `total`. */
export interface SamplePageInfo {
  /** Position of the page's first sample: the offset it was asked for. */
  offset: number;
  /** Samples the page held; 0 ends the iteration. */
  count: number;
  /** How many samples the server says the run has (`total_samples`, counted from position 0), when it says. */
  total: number | undefined;
}

/** Options of `iterateRunSamples` (`runs.allSamples`). */
export interface IterateRunSamplesOptions extends CallOptions {
  /** Position of the first sample, 0 or more (default 0). */
  offset?: number;
  /** Samples asked for per page, 1 to 1000 (default `MAX_SAMPLES_PAGE`); the server may send fewer, and that is not the end. */
  pageSize?: number;
  /** Deadline of each page request, its retries included (default: the client's `timeoutMs`); the iteration as a whole has none. */
  timeoutMs?: number;
  /** Aborts the page request in flight and ends the iteration with an AbortError. */
  signal?: AbortSignal;
  /** Called once per page with its position, its size and the server's total, before the page's samples are yielded. */
  onPage?: (page: SamplePageInfo) => void;
}

const optionsSchema = /* @__PURE__ */ buildOptionsSchema();

// A builder, so a bundle that never iterates drops the schema with its arguments.
function buildOptionsSchema() {
  return paramsObject({
    runId: idParam('the run id'),
    offset: integerParam('offset', 0),
    pageSize: integerParam('pageSize', 1, MAX_SAMPLES_PAGE),
  });
}

/**
 * Every sample of a run from `offset` on, in finish-time order, one page in memory at a time. Each page is asked for
 * at the offset after the samples already received, whatever size the server chose for the previous one; the
 * iteration ends when the server's `total_samples` is reached or a page comes back empty. A server that still sends
 * samples past `MAX_SAMPLES_PER_RUN` ends it with a ResponseValidationError. Parameters are checked at the call.
 */
export function iterateRunSamples(
  transport: Transport,
  runId: string,
  options: IterateRunSamplesOptions = {},
): AsyncGenerator<GeneratedOutput, void, undefined> {
  const { offset = 0, pageSize = MAX_SAMPLES_PAGE, onPage, ...call } = options;
  checkParams(optionsSchema, { runId, offset, pageSize }, 'runs.allSamples');
  return pages(transport, runId, offset, pageSize, call, onPage);
}

async function* pages(
  transport: Transport,
  runId: string,
  start: number,
  pageSize: number,
  call: CallOptions,
  onPage: IterateRunSamplesOptions['onPage'],
): AsyncGenerator<GeneratedOutput, void, undefined> {
  let offset = start;
  for (;;) {
    const page = await listRunSamples(transport, { runId, offset, limit: pageSize }, call);
    const outputs: Array<GeneratedOutput | undefined> = page.result?.generated_outputs ?? [];
    const count = outputs.length;
    const total = typeof page.total_samples === 'number' ? page.total_samples : undefined;
    onPage?.({ offset, count, total });
    if (count === 0) return;
    // No run holds more: a server still answering past it ignores the offset, and would be read forever.
    if (offset + count > MAX_SAMPLES_PER_RUN) {
      const message = `runs.allSamples: the server sent samples past position ${MAX_SAMPLES_PER_RUN}, more than a run can hold (page at offset ${offset}); stopped reading`;
      throw new ResponseValidationError(message, { issues: [{ path: 'result.generated_outputs', message }] });
    }
    for (let i = 0; i < count; i++) {
      const output = outputs[i] as GeneratedOutput;
      // Let go of each sample once the caller has it, so a large page shrinks as it is consumed.
      outputs[i] = undefined;
      yield output;
    }
    offset += count;
    if (total !== undefined && offset >= total) return;
  }
}
