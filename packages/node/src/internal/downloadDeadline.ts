import type { Runtime } from '@df/core';

/** One deadline for a whole download: a signal that fires when time runs out or the caller aborts, and which of the two it was. */
export interface DownloadDeadline {
  readonly signal: AbortSignal;
  readonly state: 'running' | 'timeout' | 'aborted';
  /** Milliseconds left, at least 1 and at most what a timer holds. */
  remaining(): number;
  /** Milliseconds since the deadline started. */
  elapsed(): number;
  /** Clears the timer and the listener on the caller's signal. */
  dispose(): void;
}

// setTimeout stores its delay in a signed 32-bit integer; a longer one would fire at once.
const MAX_TIMER_MS = 2_147_483_647;

/**
 * Starts a deadline of `timeoutMs` on the runtime's own timers. The timer's callback holds the controller, so the
 * deadline fires after any garbage collection (a signal from `AbortSignal.timeout` is only weakly held by its timer).
 */
export function startDownloadDeadline(runtime: Runtime, timeoutMs: number, callerSignal?: AbortSignal): DownloadDeadline {
  const controller = new AbortController();
  const started = runtime.now();
  let state: DownloadDeadline['state'] = 'running';
  const onAbort = () => {
    if (state !== 'running') return;
    state = 'aborted';
    controller.abort(callerSignal?.reason);
  };
  if (callerSignal?.aborted) onAbort();
  else callerSignal?.addEventListener('abort', onAbort, { once: true });
  const timer =
    state === 'running' && Number.isFinite(timeoutMs)
      ? runtime.setTimeout(
          () => {
            if (state !== 'running') return;
            state = 'timeout';
            controller.abort(new Error('deadline passed'));
          },
          Math.min(Math.max(0, timeoutMs), MAX_TIMER_MS),
        )
      : undefined;
  return {
    signal: controller.signal,
    get state() {
      return state;
    },
    remaining: () => Math.min(MAX_TIMER_MS, Math.max(1, Math.ceil(started + timeoutMs - runtime.now()))),
    elapsed: () => runtime.now() - started,
    dispose() {
      if (timer !== undefined) runtime.clearTimeout(timer);
      callerSignal?.removeEventListener('abort', onAbort);
    },
  };
}

/**
 * Settles with `promise`, or rejects as soon as `signal` fires, whatever the fetch or stream underneath does with
 * the signal (undici can lose the link from a Request's signal to the caller's after a garbage collection).
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

/** Formats a duration for messages: `850 ms`, `2.5 s`, `3 min`, as the SDK's other messages do. */
export function formatMs(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 120_000) return `${Math.round(ms / 100) / 10} s`;
  return `${Math.round(ms / 60_000)} min`;
}
