import type { DataframerError } from '../errors/DataframerError';
import { deadlineError } from '../errors/deadlineError';
import type { AttemptFailure } from './AttemptFailure';
import type { Deadline } from '../deadline';
import type { Operation, Upload } from '../types';

/**
 * What one call knows while ky runs it, handed to ky as the call's `context`. It never holds the key: ky gives
 * its options, context included, to every hook, a user's too.
 */
export interface Call {
  readonly operation: Operation<unknown, unknown>;
  readonly label: string;
  /** A write not safe to repeat (a create, the key rotation): repeated only when a failure proves nothing happened, in doubt when its answer is lost. */
  readonly create: boolean;
  readonly deadline: Deadline;
  readonly idempotencyKey: string | undefined;
  readonly maxRetries: number;
  /** Attempts started (the authorize step counts them). */
  attempts: number;
  /** Attempts handed to the network: what a server may have seen. */
  sent: number;
  /** `sending` from the moment fetch is called; `waiting` once a retry is decided; `preparing` before each attempt. */
  phase: 'preparing' | 'sending' | 'waiting';
  started: number;
  /** When the last attempt failed, for the log line of the retry. */
  failedAt: number;
  /** The key that was sent, masked, and where it came from (for 401/403). */
  keyHint: string | undefined;
  mayHaveActed: boolean;
  /** The last failure, classified (never the raw one: ky's HTTP error holds the request, key included). */
  last: AttemptFailure | undefined;
  /** A form's body, which each attempt sends afresh. */
  readonly upload?: Upload;
}

/** The call an attempt belongs to, from the options ky hands its hooks and errors. */
export function callOf(options: { context?: Record<string, unknown> } | undefined): Call | undefined {
  return options?.context?.['call'] as Call | undefined;
}

/** The error for a write that may have acted: the operation's own (an OutcomeUnknownError), or the failure itself. */
export function ambiguous(call: Call, cause: DataframerError): DataframerError {
  const { operation } = call;
  return operation.ambiguous ? operation.ambiguous(cause, call.idempotencyKey, call.sent, call.label) : cause;
}

/** The error for a call whose deadline passed or whose caller aborted; a create caught in flight may have acted. */
export function interrupted(call: Call): DataframerError {
  const { deadline, attempts } = call;
  const lastError = call.last?.error;
  const tried = deadline.state === 'timeout' ? ` after ${attempts} attempt${attempts === 1 ? '' : 's'}` : '';
  const error = deadlineError(deadline, call.operation.name, `${tried}${lastError ? ` (last failure: ${lastError.message})` : ''}`, {
    attempts,
    request: call.label,
    cause: lastError,
  });
  return call.create && (call.mayHaveActed || call.phase === 'sending') ? ambiguous(call, error) : error;
}
