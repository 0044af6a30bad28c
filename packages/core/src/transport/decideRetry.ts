import type { AttemptFailure } from './AttemptFailure';
import { backoffMs, jittered } from './backoff';

/** Inputs of one retry decision. */
export interface RetryInput {
  failure: AttemptFailure;
  /** The request starts a run: repeated only when the failure proves nothing happened. */
  create: boolean;
  /** 1-based number of the retry being considered. */
  retry: number;
  /** Milliseconds left before the call's deadline. */
  remainingMs: number;
  /** A random number in [0, 1) for the jitter. */
  random: number;
}

/** Whether to repeat an attempt, and after how long; `stop` says why not. */
export type RetryDecision =
  | { retry: true; delayMs: number; retryAfter: boolean }
  | { retry: false; stop: 'final' | 'not-safe-for-create' | 'deadline' };

/** Decides one retry: the failure must be transient (for a create, proven harmless) and the pause must end before the deadline. */
export function decideRetry(input: RetryInput): RetryDecision {
  const { failure } = input;
  if (input.create ? !failure.safeForCreate : !failure.retryable) {
    return { retry: false, stop: input.create && failure.retryable ? 'not-safe-for-create' : 'final' };
  }
  const retryAfter = failure.retryAfterMs !== undefined;
  const delayMs = failure.retryAfterMs ?? jittered(backoffMs(input.retry), input.random);
  if (delayMs >= input.remainingMs) return { retry: false, stop: 'deadline' };
  return { retry: true, delayMs, retryAfter };
}
