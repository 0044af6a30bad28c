import { getEventListeners } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { createDeadline, sleep, untilAborted } from '../src/deadline';
import type { Runtime } from '../src/index';
import { settle, useFakeClock } from './helpers';

/** The timer and clock functions of the runtime, as the Node and browser entries inject them. */
const runtime: Runtime = {
  fetch: () => Promise.reject(new Error('these tests send nothing')),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  now: () => Date.now(),
  random: () => 0.5,
  randomUUID: () => '00000000-0000-4000-8000-000000000001',
};

const abortListeners = (signal: AbortSignal) => getEventListeners(signal, 'abort').length;

describe('createDeadline', () => {
  useFakeClock();

  it('fires when the time is up, with a reason that says the deadline passed', () => {
    const deadline = createDeadline(runtime, 1000);
    vi.advanceTimersByTime(1000);
    expect(deadline.state).toBe('timeout');
    expect(() => deadline.signal.throwIfAborted()).toThrow('deadline passed');
  });

  it("follows the caller's abort, and a timeout afterwards does not change why it ended", () => {
    const caller = new AbortController();
    const deadline = createDeadline(runtime, 1000, caller.signal);
    caller.abort(new Error('user pressed stop'));
    vi.advanceTimersByTime(1000);
    expect(deadline.state).toBe('aborted');
    expect(() => deadline.signal.throwIfAborted()).toThrow('user pressed stop');
  });

  it('stays timed out when the caller aborts after the deadline passed', () => {
    const caller = new AbortController();
    const deadline = createDeadline(runtime, 1000, caller.signal);
    vi.advanceTimersByTime(1000);
    caller.abort(new Error('user pressed stop'));
    expect(deadline.state).toBe('timeout');
  });

  it("starts aborted, and starts no timer, when the caller's signal has already fired", () => {
    const timers = vi.getTimerCount();
    const deadline = createDeadline(runtime, 1000, AbortSignal.abort(new Error('user pressed stop')));
    expect(deadline.state).toBe('aborted');
    expect(vi.getTimerCount()).toBe(timers);
  });

  it('starts no timer without a timeout, so nothing keeps the process alive', () => {
    const timers = vi.getTimerCount();
    createDeadline(runtime, Number.POSITIVE_INFINITY);
    expect(vi.getTimerCount()).toBe(timers);
  });

  it("leaves no listener on the caller's signal once disposed", () => {
    const caller = new AbortController();
    const before = abortListeners(caller.signal);
    createDeadline(runtime, 1000, caller.signal).dispose();
    expect(abortListeners(caller.signal)).toBe(before);
  });
});

describe('sleep', () => {
  useFakeClock();

  it('rejects with the reason, without waiting, when the signal has already fired', async () => {
    const reason = new Error('user pressed stop');
    const outcome = settle(sleep(runtime, 1000, AbortSignal.abort(reason)));
    await vi.advanceTimersByTimeAsync(1000);
    expect(await outcome).toEqual({ ok: false, error: reason });
  });

  it('leaves no listener on the signal after the pause ends', async () => {
    const controller = new AbortController();
    const before = abortListeners(controller.signal);
    const pause = sleep(runtime, 1000, controller.signal);
    await vi.advanceTimersByTimeAsync(1000);
    await pause;
    expect(abortListeners(controller.signal)).toBe(before);
  });
});

describe('untilAborted', () => {
  it('rejects with the reason when the signal has already fired, even for a settled promise', async () => {
    const reason = new Error('user pressed stop');
    await expect(untilAborted(Promise.resolve('answer'), AbortSignal.abort(reason))).rejects.toBe(reason);
  });

  it('leaves no listener on the signal once the promise resolves', async () => {
    const controller = new AbortController();
    const before = abortListeners(controller.signal);
    await untilAborted(Promise.resolve('answer'), controller.signal);
    expect(abortListeners(controller.signal)).toBe(before);
  });

  it('leaves no listener on the signal once the promise rejects', async () => {
    const controller = new AbortController();
    const before = abortListeners(controller.signal);
    await untilAborted(Promise.reject(new Error('connection reset')), controller.signal).catch(() => undefined);
    expect(abortListeners(controller.signal)).toBe(before);
  });
});
