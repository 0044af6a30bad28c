import { checkOptions, waitOptionsCheck } from '../transport/checkOptions';
import { poll, type PollIntervals } from '../internal/poll';
import { isUsableSpecStatus } from '../schemas/enums';
import type { Spec } from '../schemas/specSchema';
import type { Transport } from '../types';
import { retrieveSpec } from './retrieveSpec';

/** A snapshot of a spec being generated, reported on every poll. */
export interface SpecProgress {
  spec: Spec;
  /** The spec's status as the server sent it (`PROCESSING`, `SUCCEEDED`, `READY` on older servers, `FAILED`, …). */
  status: string;
  elapsedMs: number;
  terminal: boolean;
}

/** Options of `waitForSpec`. */
export interface WaitForSpecOptions extends PollIntervals {
  signal?: AbortSignal;
  /** Deadline for the whole wait; none by default. */
  timeoutMs?: number;
  /** Called after every poll with the spec and its status. */
  onProgress?: (progress: SpecProgress) => void;
}

const waitForSpecOptionsSchema = /* @__PURE__ */ waitOptionsCheck({});

/** Statuses after which a spec's generation is over: SUCCEEDED (READY on older servers) or FAILED; any other keeps the wait going. */
const isSpecDone = (status: string | null | undefined) => isUsableSpecStatus(status) || status === 'FAILED';

/**
 * Polls a spec until its generation is over (SUCCEEDED, READY on older servers, or FAILED) and returns it, whatever
 * the outcome. Unknown statuses keep it waiting; a deadline ends it with a TimeoutError whose `last` is the last spec seen.
 */
export function waitForSpec(transport: Transport, specId: string, options: WaitForSpecOptions = {}): Promise<Spec> {
  checkOptions(waitForSpecOptionsSchema, options, 'specs.wait');
  return poll<Spec>({
    transport,
    name: `Waiting for spec ${specId}`,
    ...(options.signal && { signal: options.signal }),
    ...(options.timeoutMs !== undefined && { timeoutMs: options.timeoutMs }),
    ...(options.intervalMs !== undefined && { intervalMs: options.intervalMs }),
    ...(options.maxIntervalMs !== undefined && { maxIntervalMs: options.maxIntervalMs }),
    fetch: (signal, timeoutMs) => retrieveSpec(transport, { specId }, { signal, timeoutMs }),
    done: (spec) => isSpecDone(spec.status),
    onValue: (spec, elapsedMs) =>
      options.onProgress?.({ spec, status: String(spec.status ?? ''), elapsedMs, terminal: isSpecDone(spec.status) }),
    describe: (spec) => (spec ? `last seen ${String(spec.status ?? 'without a status')}` : 'no answer was received yet'),
  });
}
