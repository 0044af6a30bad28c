/** What a poll asks for next: poll again soon, try again later after a failure, or nothing until told. */
export type PollNext = 'again' | 'retry' | 'idle';

/** Timers the poller uses, injected so tests drive time themselves. */
interface PollerTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Options of `createPoller`. */
export interface PollerOptions {
  /** One poll; its answer decides when the next one runs. A throw counts as `retry`. */
  tick: () => Promise<PollNext>;
  /** Delay before the next poll after `again`. */
  intervalMs: number;
  /** Delay before the next poll after `retry`. */
  retryMs: number;
  timers: PollerTimers;
}

/** A poller: one poll at a time, the next one scheduled from the last one's answer. */
export interface Poller {
  /** Polls now (a scheduled poll is replaced); while a poll is running, one more follows it. Resolves when done. */
  refresh(): Promise<void>;
  /** Stops scheduling (a running poll finishes, but schedules nothing). */
  pause(): void;
  /** Starts scheduling again and polls at once. */
  resume(): Promise<void>;
  /** What the poller waits for: a poll running, a poll scheduled, or nothing. */
  readonly status: 'running' | 'scheduled' | 'idle' | 'paused';
}

/** Creates a poller around `tick`; nothing runs until `refresh()` or `resume()`. */
export function createPoller(options: PollerOptions): Poller {
  const { tick, intervalMs, retryMs, timers } = options;
  let timer: unknown;
  let running: Promise<void> | undefined;
  let again = false;
  let paused = false;

  const clear = () => {
    if (timer !== undefined) timers.clearTimeout(timer);
    timer = undefined;
  };

  async function runOnce(): Promise<void> {
    let next: PollNext;
    try {
      next = await tick();
    } catch {
      next = 'retry';
    }
    if (again) {
      again = false;
      return runOnce();
    }
    clear();
    if (paused || next === 'idle') return;
    timer = timers.setTimeout(
      () => {
        timer = undefined;
        void refresh();
      },
      next === 'again' ? intervalMs : retryMs,
    );
  }

  function refresh(): Promise<void> {
    clear();
    if (running) {
      again = true;
      return running;
    }
    running = runOnce().finally(() => {
      running = undefined;
    });
    return running;
  }

  return {
    refresh,
    pause() {
      paused = true;
      clear();
    },
    resume() {
      paused = false;
      return refresh();
    },
    get status() {
      if (running) return 'running';
      if (timer !== undefined) return 'scheduled';
      return paused ? 'paused' : 'idle';
    },
  };
}
