import { HTTPError } from 'ky';
import { formatMs } from '../formatMs';
import type { AttemptFailure } from './AttemptFailure';
import { decideRetry } from './decideRetry';
import { type Call, callOf } from './call';
import { SendFailure } from './attemptFetch';
import type { Log } from './log';

/** What the retry decision needs from the client. */
export interface RetryContext {
  classify: (call: Call, raw: unknown) => Promise<AttemptFailure>;
  /** Records a failure; true when it shows an earlier attempt already did the work. */
  record: (call: Call, failure: AttemptFailure) => boolean;
  now: () => number;
  log: Log | undefined;
}

/** The call a failed attempt belongs to: an HTTP error carries ky's options, a network failure its call. */
function callOfFailure(error: Error): Call | undefined {
  if (error instanceof HTTPError) return callOf(error.options);
  if (error instanceof SendFailure) return error.call;
  return undefined;
}

/**
 * ky's `shouldRetry`, made once per client: `false` stops, `true` repeats after ky's jittered backoff, `undefined`
 * lets ky honour Retry-After. Only a failure on the way or in the answer is ever repeated: anything that failed
 * before a request reached the network (your hook, the token, the key) has no call here and stops.
 */
export function createShouldRetry(context: RetryContext) {
  return async ({ error, retryCount }: { error: Error; retryCount: number }): Promise<boolean | undefined> => {
    const call = callOfFailure(error);
    if (call?.deadline.state !== 'running') return false;
    const failure = await context.classify(call, error);
    if (context.record(call, failure) || retryCount > call.maxRetries) return false;
    // ky draws the jitter; the decision is made on the longest pause it can draw (random = 1), so no pause passes the deadline.
    const decision = decideRetry({ failure, create: call.create, retry: retryCount, remainingMs: call.deadline.remaining(), random: 1 });
    if (!decision.retry) {
      if (decision.stop === 'deadline') context.log?.(`${call.label}: no retry, it would start after the deadline`);
      return false;
    }
    call.phase = 'waiting';
    call.failedAt = context.now();
    return decision.retryAfter ? undefined : true;
  };
}

/** ky's `beforeRetry` hook when logging: says how long the pause before this attempt was. */
export function logRetry(log: Log, now: () => number) {
  return ({ options }: { options: { context?: Record<string, unknown> } }) => {
    const call = callOf(options);
    if (call) log(`${call.label}: retrying after ${formatMs(now() - call.failedAt)}`);
  };
}
