import type { Deadline } from '../deadline';
import { formatMs } from '../formatMs';
import type { DataframerError } from './DataframerError';
import { AbortError, TimeoutError } from './errors';

/** What a stopped call or wait knew when its deadline passed or its caller aborted. */
export interface StoppedDetails<T> {
  /** ` after 3 attempts (last failure: …)`, `: last seen PROCESSING, …`: appended to the message. */
  detail: string;
  attempts?: number;
  request?: string;
  /** For waits: the last value seen. */
  last?: T;
  /** For a timeout: the failure that was being retried, if any (an abort's cause is the signal's reason). */
  cause?: unknown;
  /** How it stopped, when the caller knows better than the deadline (an inner wait timed out an instant before it). */
  state?: 'timeout' | 'aborted';
}

/** The one error for a deadline that stopped a call, a wait or a download: a TimeoutError when time ran out, an AbortError when the caller aborted. */
export function deadlineError<T>(deadline: Deadline, name: string, details: StoppedDetails<T>): DataframerError {
  const { detail, state = deadline.state, ...known } = details;
  return state === 'timeout'
    ? new TimeoutError<T>(`${name} did not finish within its ${formatMs(deadline.timeoutMs)} deadline${detail}`, {
        ...known,
        timeoutMs: deadline.timeoutMs,
      })
    : new AbortError<T>(`${name} was aborted by the caller after ${formatMs(deadline.elapsed())}${detail}`, {
        ...known,
        cause: deadline.signal.reason,
      });
}
