import { poll, type PollIntervals } from '../internal/poll';
import { isTerminalStatus, type RunDetail, type RunStatus } from '../schemas/runSchema';
import type { Transport } from './Operation';
import { retrieveRun } from './retrieveRun';

/** A snapshot of a run's progress, reported on every poll. */
export interface RunProgress {
  run: RunDetail;
  status: RunStatus;
  completed: number;
  failed: number;
  /** Samples asked for (`runtime_params.number_of_samples`), when the server reports it. */
  requested: number | undefined;
  /** (completed + failed) / requested, from 0 to 1, when `requested` is known. */
  fraction: number | undefined;
  /** Dollars spent so far. */
  total_cost: number | null | undefined;
  elapsedMs: number;
  terminal: boolean;
}

/** Options of `waitForRun`. */
export interface WaitForRunOptions extends PollIntervals {
  signal?: AbortSignal;
  /** Deadline for the whole wait; none by default (runs can take hours). */
  timeoutMs?: number;
  /** Called after every poll with the run's progress. */
  onProgress?: (progress: RunProgress) => void;
}

/** Builds the progress snapshot of a run. */
export function runProgress(run: RunDetail, elapsedMs = 0): RunProgress {
  const completed = run.samples_completed ?? 0;
  const failed = run.samples_failed ?? 0;
  const requested = run.runtime_params?.number_of_samples;
  return {
    run,
    status: run.status,
    completed,
    failed,
    requested,
    fraction: requested ? Math.min(1, (completed + failed) / requested) : undefined,
    total_cost: run.total_cost,
    elapsedMs,
    terminal: isTerminalStatus(run.status),
  };
}

/** One line about a run's progress, for messages. */
export function describeRun(run: RunDetail | undefined): string {
  if (!run) return 'no answer was received yet';
  const p = runProgress(run);
  const total = p.requested === undefined ? '' : `/${p.requested}`;
  const cost = typeof p.total_cost === 'number' ? `, $${p.total_cost.toFixed(2)} so far` : '';
  return `last seen ${p.status}, ${p.completed}${total} samples completed, ${p.failed} failed${cost}`;
}

/**
 * Polls a run until it is SUCCEEDED, FAILED or CANCELED and returns it (whatever the outcome). Unknown
 * statuses keep it waiting; a deadline ends it with a TimeoutError whose `last` is the last run seen.
 */
export function waitForRun(transport: Transport, runId: string, options: WaitForRunOptions = {}): Promise<RunDetail> {
  return poll<RunDetail>({
    transport,
    name: `Waiting for run ${runId}`,
    ...(options.signal && { signal: options.signal }),
    ...(options.timeoutMs !== undefined && { timeoutMs: options.timeoutMs }),
    ...(options.intervalMs !== undefined && { intervalMs: options.intervalMs }),
    ...(options.maxIntervalMs !== undefined && { maxIntervalMs: options.maxIntervalMs }),
    fetch: (signal, timeoutMs) => retrieveRun(transport, runId, { signal, timeoutMs }),
    done: (run) => isTerminalStatus(run.status),
    onValue: (run, elapsedMs) => options.onProgress?.(runProgress(run, elapsedMs)),
    describe: describeRun,
  });
}
