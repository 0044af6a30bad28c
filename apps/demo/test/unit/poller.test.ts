import { describe, expect, it } from 'vitest';
import { createPoller, type PollNext } from '../../src/poller';

/** Timers a test moves by hand: `run()` fires the pending callbacks, `delays` lists what was asked for. */
function manualTimers() {
  const pending = new Map<number, { fn: () => void; ms: number }>();
  let next = 1;
  return {
    pending,
    delays: () => [...pending.values()].map((t) => t.ms),
    setTimeout(fn: () => void, ms: number) {
      pending.set(next, { fn, ms });
      return next++;
    },
    clearTimeout(handle: unknown) {
      pending.delete(handle as number);
    },
    async fire() {
      const all = [...pending.values()];
      pending.clear();
      for (const t of all) t.fn();
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
  };
}

function scripted(answers: Array<PollNext | Error>) {
  const calls: number[] = [];
  let i = 0;
  return {
    calls,
    tick: async () => {
      calls.push(i);
      const answer = answers[Math.min(i++, answers.length - 1)]!;
      if (answer instanceof Error) throw answer;
      return answer;
    },
  };
}

describe('createPoller', () => {
  it('does nothing until asked, then schedules from each answer: again → interval, retry → retry delay, idle → nothing', async () => {
    const timers = manualTimers();
    const script = scripted(['again', 'retry', 'idle']);
    const poller = createPoller({ tick: script.tick, intervalMs: 1500, retryMs: 10_000, timers });
    expect(poller.status).toBe('idle');
    expect(script.calls).toHaveLength(0);

    await poller.refresh();
    expect(script.calls).toHaveLength(1);
    expect(timers.delays()).toEqual([1500]);
    expect(poller.status).toBe('scheduled');

    await timers.fire();
    expect(script.calls).toHaveLength(2);
    expect(timers.delays()).toEqual([10_000]);

    await timers.fire();
    expect(script.calls).toHaveLength(3);
    expect(timers.delays()).toEqual([]);
    expect(poller.status).toBe('idle');
  });

  it('treats a throwing poll as retry', async () => {
    const timers = manualTimers();
    const poller = createPoller({ tick: scripted([new Error('boom')]).tick, intervalMs: 1500, retryMs: 7000, timers });
    await poller.refresh();
    expect(timers.delays()).toEqual([7000]);
  });

  it('replaces a scheduled poll when refreshed early, so only one timer ever waits', async () => {
    const timers = manualTimers();
    const script = scripted(['again']);
    const poller = createPoller({ tick: script.tick, intervalMs: 1500, retryMs: 10_000, timers });
    await poller.refresh();
    await poller.refresh();
    await poller.refresh();
    expect(script.calls).toHaveLength(3);
    expect(timers.pending.size).toBe(1);
  });

  it('never runs two polls at once: a refresh during a poll runs one more right after it', async () => {
    const timers = manualTimers();
    let active = 0;
    let most = 0;
    let count = 0;
    const release: Array<() => void> = [];
    const poller = createPoller({
      tick: () =>
        new Promise<PollNext>((resolve) => {
          count++;
          active++;
          most = Math.max(most, active);
          release.push(() => {
            active--;
            resolve('idle');
          });
        }),
      intervalMs: 1500,
      retryMs: 10_000,
      timers,
    });
    const first = poller.refresh();
    expect(poller.status).toBe('running');
    const second = poller.refresh();
    const third = poller.refresh();
    release.shift()!();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(count).toBe(2);
    release.shift()!();
    await Promise.all([first, second, third]);
    expect(count).toBe(2);
    expect(most).toBe(1);
  });

  it('pauses (no timer left, nothing scheduled after a running poll) and polls at once on resume', async () => {
    const timers = manualTimers();
    const script = scripted(['again']);
    const poller = createPoller({ tick: script.tick, intervalMs: 1500, retryMs: 10_000, timers });
    await poller.refresh();
    expect(timers.pending.size).toBe(1);
    poller.pause();
    expect(timers.pending.size).toBe(0);
    expect(poller.status).toBe('paused');
    await poller.refresh();
    expect(timers.pending.size).toBe(0);
    await poller.resume();
    expect(script.calls).toHaveLength(3);
    expect(timers.delays()).toEqual([1500]);
  });
});
