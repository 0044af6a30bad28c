import * as v from 'valibot';
import { checkOptions, dollarsOption, waitOptionsCheck } from '../transport/checkOptions';
import { CostLimitError } from '../errors/errors';
import { poll, type PollIntervals } from '../internal/poll';
import { isTerminalStatus, type RunStatus } from '../schemas/enums';
import type { RunDetail } from '../schemas/runSchema';
import { cancelRun } from './cancelRun';
import type { Transport } from '../types';
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
  /** Dollars spent so far, when the server reports it. */
  total_cost: number | undefined;
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
  /** A spending limit in dollars: once the run's `total_cost` passes it, the wait ends with a CostLimitError. */
  maxCost?: number;
  /** What passing `maxCost` does to a run still going: `cancel` it (the default) or only `stop` waiting. */
  onMaxCost?: 'cancel' | 'stop';
}

/** `maxCost` is a finite amount of dollars, 0 or more: no value can switch the guard off or cancel a run that has cost nothing. */
const waitForRunOptionsSchema = /* @__PURE__ */ buildWaitForRunOptionsSchema();

function buildWaitForRunOptionsSchema() {
  return waitOptionsCheck({
    maxCost: dollarsOption('maxCost'),
    onMaxCost: v.optional(v.picklist(['cancel', 'stop'], 'onMaxCost must be "cancel" or "stop"')),
  });
}

const count = (value: number | null | undefined) => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

/** Builds the progress snapshot of a run; any field the server left out or sent as null is simply unknown. */
export function runProgress(run: RunDetail, elapsedMs = 0): RunProgress {
  const completed = count(run.samples_completed) ?? 0;
  const failed = count(run.samples_failed) ?? 0;
  const requested = count(run.runtime_params?.number_of_samples);
  return {
    run,
    status: run.status,
    completed,
    failed,
    requested,
    fraction: requested ? Math.min(1, (completed + failed) / requested) : undefined,
    total_cost: count(run.total_cost),
    elapsedMs,
    terminal: isTerminalStatus(run.status),
  };
}

const dollars = (value: number) => `$${value.toFixed(2)}`;

/** One line about a run's progress, for messages. */
function describeRun(run: RunDetail | undefined): string {
  if (!run) return 'no answer was received yet';
  const p = runProgress(run);
  const total = p.requested === undefined ? '' : `/${p.requested}`;
  const cost = p.total_cost === undefined ? '' : `, ${dollars(p.total_cost)} so far`;
  return `last seen ${p.status}, ${p.completed}${total} samples completed, ${p.failed} failed${cost}`;
}

/**
 * Polls a run until it is SUCCEEDED, FAILED or CANCELED and returns it (whatever the outcome). Unknown
 * statuses keep it waiting; a deadline ends it with a TimeoutError whose `last` is the last run seen; a
 * `maxCost` passed ends it with a CostLimitError, the run cancelled unless `onMaxCost` is `stop`.
 */
export async function waitForRun(transport: Transport, runId: string, options: WaitForRunOptions = {}): Promise<RunDetail> {
  const { maxCost } = checkOptions(waitForRunOptionsSchema, options, 'runs.wait');
  const overLimit = (run: RunDetail) => maxCost !== undefined && (count(run.total_cost) ?? 0) > maxCost;
  const run = await poll<RunDetail>({
    transport,
    name: `Waiting for run ${runId}`,
    ...(options.signal && { signal: options.signal }),
    ...(options.timeoutMs !== undefined && { timeoutMs: options.timeoutMs }),
    ...(options.intervalMs !== undefined && { intervalMs: options.intervalMs }),
    ...(options.maxIntervalMs !== undefined && { maxIntervalMs: options.maxIntervalMs }),
    fetch: (signal, timeoutMs) => retrieveRun(transport, runId, { signal, timeoutMs }),
    done: (value) => isTerminalStatus(value.status) || overLimit(value),
    onValue: (value, elapsedMs) => options.onProgress?.(runProgress(value, elapsedMs)),
    describe: describeRun,
  });
  if (maxCost === undefined || !overLimit(run)) return run;
  const spent = dollars(count(run.total_cost) ?? 0);
  if (isTerminalStatus(run.status)) {
    throw new CostLimitError(`Run ${runId} ended ${run.status} at ${spent}, over the ${dollars(maxCost)} limit`, {
      maxCost,
      last: run,
      canceled: false,
    });
  }
  if (options.onMaxCost === 'stop') {
    throw new CostLimitError(`Run ${runId} passed the ${dollars(maxCost)} limit at ${spent}; it is still ${run.status} (not canceled)`, {
      maxCost,
      last: run,
      canceled: false,
    });
  }
  try {
    await cancelRun(transport, runId, options.signal ? { signal: options.signal } : {});
  } catch (cause) {
    throw new CostLimitError(
      `Run ${runId} passed the ${dollars(maxCost)} limit at ${spent}, and canceling it failed: ${(cause as Error).message}`,
      {
        maxCost,
        last: run,
        canceled: false,
        cause,
      },
    );
  }
  throw new CostLimitError(`Run ${runId} passed the ${dollars(maxCost)} limit at ${spent} and was canceled`, {
    maxCost,
    last: run,
    canceled: true,
  });
}
