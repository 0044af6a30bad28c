import type { Options as KyOptions } from 'ky';
import { untilAborted } from '../deadline';
import type { Runtime } from '../types';
import { callbackFailed, messageOf } from './callbackFailed';
import type { Call } from './call';
import type { Redactor } from './redactor';

/** The option ky passes through to fetch untouched (ky hands fetch every option it does not know). */
export interface AttemptInit {
  call?: Call;
}

/** A fetch that failed after the request was handed to the network: the failure, tied to its call. */
export class SendFailure extends Error {
  override readonly name = 'SendFailure';
  constructor(
    readonly call: Call,
    override readonly cause: unknown,
  ) {
    super(messageOf(cause));
  }
}

/**
 * The fetch ky calls. It hands the runtime's fetch the call's own deadline signal (undici can lose the link from a
 * cloned Request's signal to the caller's after a garbage collection), counts what reached the network, and ties
 * a network failure to its call so the retry decision finds it. A fetch that throws before returning a promise
 * sent nothing: that is a CallbackError, never retried.
 */
export function createAttemptFetch(runtime: Runtime, redactor: Redactor): NonNullable<KyOptions['fetch']> {
  return ((request: Request, init?: AttemptInit) => {
    const call = init?.call;
    if (!call) return runtime.fetch(request);
    const { signal } = call.deadline;
    // An upload sends a body of its own, read afresh from the files: ky's copy of the Request is never read.
    const attempt = call.upload?.attempt(request);
    let pending: Promise<Response>;
    try {
      pending = attempt ? runtime.fetch(attempt.request, { signal, window: null }) : runtime.fetch(request, { signal });
    } catch (cause) {
      throw callbackFailed(call, 'fetch', cause, redactor);
    }
    call.sent++;
    call.phase = 'sending';
    call.started = runtime.now();
    return untilAborted(pending, signal).then(
      (response) => {
        attempt?.answered();
        return response;
      },
      (cause: unknown) => {
        throw new SendFailure(call, cause);
      },
    );
  }) as NonNullable<KyOptions['fetch']>;
}
