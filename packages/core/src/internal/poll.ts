import { DataframerError } from '../errors/DataframerError';
import { deadlineError } from '../errors/deadlineError';
import type { Transport } from '../types';
import { createDeadline, sleep } from '../deadline';

/** Interval settings shared by every poller. */
export interface PollIntervals {
  /** First pause between polls (default 1000 ms). */
  intervalMs?: number;
  /** Longest pause between polls (default 2500 ms, so progress arrives at least every 3 s with a slow answer). */
  maxIntervalMs?: number;
}

/** What `poll` needs to know. */
export interface PollOptions<T> extends PollIntervals {
  transport: Transport;
  name: string;
  signal?: AbortSignal;
  timeoutMs?: number;
  /** One poll; it receives a signal and the time left for this call. */
  fetch: (signal: AbortSignal, timeoutMs: number) => Promise<T>;
  done: (value: T) => boolean;
  onValue?: (value: T, elapsedMs: number) => void;
  /** Describes the last value for the timeout and abort messages. */
  describe: (value: T | undefined) => string;
  onTransientError?: (error: DataframerError) => void;
}

/**
 * Calls `fetch` until `done`, pausing with a growing interval. Transient failures (5xx, 429, connection,
 * a single slow poll) keep it polling; one deadline bounds the whole wait and the caller's signal ends it at once.
 */
export async function poll<T>(options: PollOptions<T>): Promise<T> {
  const runtime = options.transport.runtime;
  const timeoutMs = options.timeoutMs ?? Number.POSITIVE_INFINITY;
  const deadline = createDeadline(runtime, timeoutMs, options.signal);
  const maxInterval = options.maxIntervalMs ?? 2500;
  let interval = Math.min(options.intervalMs ?? 1000, maxInterval);
  let last: T | undefined;
  const stopped = (cause?: unknown): DataframerError =>
    deadlineError(deadline, options.name, `: ${options.describe(last)}`, { ...(last !== undefined && { last }), cause });
  try {
    for (;;) {
      try {
        // At least 1 ms: a poll that starts at the deadline's last instant is ended by its signal, not refused as a zero timeout.
        const value = await options.fetch(deadline.signal, Math.max(1, Math.min(options.transport.timeoutMs, deadline.remaining())));
        last = value;
        options.onValue?.(value, deadline.elapsed());
        if (options.done(value)) return value;
      } catch (error) {
        if (deadline.state !== 'running') throw stopped(error);
        if (!(error instanceof DataframerError) || !error.retryable) throw error;
        options.onTransientError?.(error);
      }
      try {
        await sleep(runtime, Math.min(interval, deadline.remaining()), deadline.signal);
      } catch {
        throw stopped();
      }
      interval = Math.min(interval * 1.5, maxInterval);
    }
  } finally {
    deadline.dispose();
  }
}
