import { formatMs } from '../errors/createApiError';
import type { DataframerError } from '../errors/DataframerError';
import { AbortError, TimeoutError } from '../errors/errors';
import type { Operation } from '../operations/Operation';
import type { Deadline } from './deadline';
import type { AttemptFailure } from './retryPolicy';

/** What one call knows while ky runs it: shared by the hooks and the retry decision through ky's `context`. */
export interface Call {
  readonly operation: Operation<unknown, unknown>;
  readonly label: string;
  readonly create: boolean;
  readonly deadline: Deadline;
  readonly idempotencyKey: string | undefined;
  readonly maxRetries: number;
  attempts: number;
  /** `sending` from the moment fetch is called; `waiting` once a retry is decided. */
  phase: 'preparing' | 'sending' | 'waiting';
  started: number;
  secrets: string[];
  keyHint: string | undefined;
  mayHaveActed: boolean;
  /** The last raw failure and its classification, so it is classified once. */
  last: { raw: unknown; failure: AttemptFailure } | undefined;
  /** The random draw of the next backoff's jitter, shared by the deadline check and ky's `jitter`. */
  random: number;
  nextDelayMs: number;
}

export const callOf = (options: { context?: Record<string, unknown> }) => options.context?.['call'] as Call;

/**
 * The call each Request ky is about to send belongs to. A cloned Request (ky clones one for every retry) follows
 * its original's signal only weakly in undici, so after a garbage collection the deadline could no longer abort
 * it: fetch is handed the call's own signal instead, looked up here.
 */
export const callsByRequest = new WeakMap<Request, Call>();

/** The error for a create that may have acted: the operation's own (OutcomeUnknownError for runs), or the failure itself. */
export function ambiguous(call: Call, cause: DataframerError): DataframerError {
  const { operation, idempotencyKey } = call;
  return operation.ambiguous && idempotencyKey !== undefined
    ? operation.ambiguous(cause, idempotencyKey, call.attempts, call.label)
    : cause;
}

/** The error for a call whose deadline passed or whose caller aborted; a create caught in flight may have acted. */
export function interrupted(call: Call): DataframerError {
  const { deadline, attempts } = call;
  const lastError = call.last?.failure.error;
  const last = lastError ? ` (last failure: ${lastError.message})` : '';
  const name = call.operation.name;
  const error =
    deadline.state === 'timeout'
      ? new TimeoutError(
          `${name} did not finish within its ${formatMs(deadline.timeoutMs)} deadline after ${attempts} attempt${attempts === 1 ? '' : 's'}${last}`,
          { timeoutMs: deadline.timeoutMs, attempts, request: call.label, ...(lastError && { cause: lastError }) },
        )
      : new AbortError(`${name} was aborted by the caller after ${formatMs(deadline.elapsed())}${last}`, {
          attempts,
          request: call.label,
          cause: deadline.signal.reason,
        });
  return call.create && (call.mayHaveActed || call.phase === 'sending') ? ambiguous(call, error) : error;
}
