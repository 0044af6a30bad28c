import type { Deadline } from '../deadline';
import { formatMs } from '../formatMs';
import type { DataframerError, DataframerErrorOptions } from './DataframerError';
import { AbortError, TimeoutError } from './errors';

/** What a stopped call or wait knew: the attempts, the request, the last value a wait saw, and for a timeout the failure being retried. */
export type StoppedDetails<T> = DataframerErrorOptions & { last?: T };

/**
 * The one error for a deadline that stopped a call, a wait or a download: a TimeoutError when time ran out, an
 * AbortError when the caller aborted.
 * `detail` is appended to the message (` after 3 attempts (last failure: …)`, `: last seen PROCESSING, …`).
 */
export function deadlineError<T>(deadline: Deadline, name: string, detail: string, details: StoppedDetails<T>): DataframerError {
  return deadline.state === 'timeout'
    ? new TimeoutError<T>(`${name} did not finish within its ${formatMs(deadline.timeoutMs)} deadline${detail}`, {
        ...details,
        timeoutMs: deadline.timeoutMs,
      })
    : new AbortError<T>(`${name} was aborted by the caller after ${formatMs(deadline.elapsed())}${detail}`, {
        ...details,
        cause: deadline.signal.reason,
      });
}
