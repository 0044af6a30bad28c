/** Timers the sandbox owns, so that `stop()` can end them all at once. */
export interface Scheduler {
  /** Runs `fn` after `ms` unless the sandbox stops first. */
  after(ms: number, fn: () => void): void;
  /** Waits `ms`, or less when the sandbox stops. */
  sleep(ms: number): Promise<void>;
  /** Clears every timer and ends every sleep. */
  stop(): void;
}

/** Creates the sandbox's scheduler. */
export function createScheduler(): Scheduler {
  const timers = new Set<{ timer: NodeJS.Timeout; end: () => void }>();
  const schedule = (ms: number, fn: () => void, end: () => void): void => {
    const entry = {
      timer: setTimeout(() => {
        timers.delete(entry);
        fn();
      }, ms),
      end,
    };
    timers.add(entry);
  };
  return {
    after: (ms, fn) => schedule(ms, fn, () => {}),
    sleep: (ms) => new Promise((resolve) => schedule(ms, resolve, resolve)),
    stop() {
      for (const entry of timers) {
        clearTimeout(entry.timer);
        entry.end();
      }
      timers.clear();
    },
  };
}
