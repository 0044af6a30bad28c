import type { Runtime } from './types';

/** Why a deadline's signal fired. */
type DeadlineState = 'running' | 'timeout' | 'aborted';

/** One deadline for a whole operation: a signal that fires when time runs out or the caller aborts. */
export interface Deadline {
  readonly signal: AbortSignal;
  readonly state: DeadlineState;
  readonly timeoutMs: number;
  /** Milliseconds left (Infinity without a timeout). */
  remaining(): number;
  /** Milliseconds since the deadline started. */
  elapsed(): number;
  /** Clears the timer and listener; call it when the operation ends. */
  dispose(): void;
}

// setTimeout stores its delay in a signed 32-bit integer; longer delays fire at once.
const MAX_TIMER_MS = 2_147_483_647;

/** Starts a deadline of `timeoutMs` (Infinity for none) that also follows the caller's signal. */
export function createDeadline(runtime: Runtime, timeoutMs: number, callerSignal?: AbortSignal): Deadline {
  const controller = new AbortController();
  const started = runtime.now();
  let state: DeadlineState = 'running';
  let timer: unknown;
  const onAbort = () => {
    if (state !== 'running') return;
    state = 'aborted';
    controller.abort(callerSignal?.reason);
  };
  if (callerSignal?.aborted) onAbort();
  else callerSignal?.addEventListener('abort', onAbort, { once: true });
  if (state === 'running' && Number.isFinite(timeoutMs)) {
    timer = runtime.setTimeout(
      () => {
        if (state !== 'running') return;
        state = 'timeout';
        controller.abort(new Error('deadline passed'));
      },
      Math.min(Math.max(0, timeoutMs), MAX_TIMER_MS),
    );
  }
  return {
    signal: controller.signal,
    get state() {
      return state;
    },
    timeoutMs,
    remaining: () => Math.max(0, started + timeoutMs - runtime.now()),
    elapsed: () => runtime.now() - started,
    dispose() {
      if (timer !== undefined) runtime.clearTimeout(timer);
      callerSignal?.removeEventListener('abort', onAbort);
    },
  };
}

/** Waits `ms`, or rejects as soon as `signal` fires; leaves no timer behind either way. */
export function sleep(runtime: Runtime, ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      runtime.clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = runtime.setTimeout(
      () => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      },
      Math.min(Math.max(0, ms), MAX_TIMER_MS),
    );
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Settles with `promise`, or rejects with the signal's reason as soon as it fires. The deadline then holds
 * whatever the fetch underneath does with its signal (undici can lose the link from a cloned Request's
 * signal to the caller's after a garbage collection, and a request would run on past its deadline).
 */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    promise.catch(() => undefined);
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      promise.catch(() => undefined);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
