import { describe, expect, it, vi } from 'vitest';
import { ConfigurationError, createDataframerClient, createTransport, type TransportOptions } from '../src/index';
import { json, sampleRunDetail, scriptedTransport, settle, useFakeClock } from './helpers';

useFakeClock();

/** The error a synchronous call throws. */
function thrown(make: () => unknown): Error {
  try {
    make();
  } catch (error) {
    return error as Error;
  }
  throw new Error('nothing was thrown');
}

const runtime = scriptedTransport([() => json(200, [])]).transport.runtime;
const make = (options: Partial<TransportOptions>) => createTransport({ baseUrl: 'https://api.example.test', runtime, ...options });

describe('a client refuses options that would switch a protection off, naming every bad one at once', () => {
  const bad: Array<[string, Record<string, unknown>, string]> = [
    [
      'a deadline read from the environment as a string',
      { timeoutMs: '300' },
      'timeoutMs must be a number of milliseconds from 1 to 2147483647, got the string "300"',
    ],
    ['a deadline of NaN', { timeoutMs: Number.NaN }, 'timeoutMs must be a number of milliseconds from 1 to 2147483647, got NaN'],
    [
      'no deadline at all',
      { timeoutMs: Number.POSITIVE_INFINITY },
      'timeoutMs must be a number of milliseconds from 1 to 2147483647, got Infinity',
    ],
    ['a negative deadline', { timeoutMs: -1 }, 'timeoutMs must be a number of milliseconds from 1 to 2147483647, got -1'],
    ['a retry limit of NaN', { maxRetries: Number.NaN }, 'maxRetries must be a whole number from 0 to 20, got NaN'],
    ['a fractional retry limit', { maxRetries: 1.5 }, 'maxRetries must be a whole number from 0 to 20, got 1.5'],
    [
      'a hook list that is not a list',
      { hooks: { beforeRequest: () => undefined } },
      'hooks must be an object of arrays of functions (beforeRequest, afterResponse), got an object',
    ],
    ['a logger without debug', { logger: {} }, 'logger must be an object with a debug method, got an object'],
  ];
  for (const [what, options, message] of bad) {
    it(what, () => {
      const error = thrown(() => make(options));
      expect(error).toBeInstanceOf(ConfigurationError);
      expect(error.message).toBe(`Invalid options for createTransport: ${message}`);
    });
  }

  it('lists every bad option in one error', () => {
    const error = thrown(() => make({ timeoutMs: '300', maxRetries: Number.NaN, maxResponseBytes: 0 } as never));
    const problems = error.message.replace('Invalid options for createTransport: ', '').split('; ');
    expect(problems.map((p) => p.split(' ')[0])).toEqual(['timeoutMs', 'maxRetries', 'maxResponseBytes']);
  });

  it('never echoes a string that is not a number (it may be a key pasted in the wrong place)', () => {
    const error = thrown(() => make({ timeoutMs: 'sk_test_FAKE_pasted_here_0000' } as never));
    expect(error.message).toContain('got a string');
    expect(error.message).not.toContain('sk_test');
  });
});

describe("a call's and a wait's options are checked before anything is sent", () => {
  it('a call deadline of NaN is refused, nothing sent', async () => {
    const { transport, sent } = scriptedTransport([() => json(200, [])]);
    const outcome = await settle(createDataframerClient(transport).runs.list({ timeoutMs: Number.NaN }));
    expect((outcome as { error: Error }).error).toBeInstanceOf(ConfigurationError);
    expect((outcome as { error: Error }).error.message).toBe(
      'Invalid options for runs.list: timeoutMs must be a number of milliseconds from 1 to 2147483647, got NaN',
    );
    expect(sent).toHaveLength(0);
  });

  const guards: Array<[string, Record<string, unknown>, string]> = [
    [
      'a negative spending limit (it would cancel a run that cost nothing)',
      { maxCost: -1 },
      'maxCost must be a finite number of dollars, 0 or more, got -1',
    ],
    [
      'a spending limit of NaN (it would switch the guard off)',
      { maxCost: Number.NaN },
      'maxCost must be a finite number of dollars, 0 or more, got NaN',
    ],
    ['a spending limit as a string', { maxCost: '5' }, 'maxCost must be a finite number of dollars, 0 or more, got the string "5"'],
    ['a poll interval of 0', { intervalMs: 0 }, 'intervalMs must be a number of milliseconds from 1 to 2147483647, got 0'],
    ['an unknown reaction to the limit', { maxCost: 1, onMaxCost: 'ignore' }, 'onMaxCost must be "cancel" or "stop"'],
  ];
  for (const [what, options, message] of guards) {
    it(`runs.wait refuses ${what} before polling`, async () => {
      const { transport, sent } = scriptedTransport([() => json(200, sampleRunDetail({ total_cost: 0 }))]);
      const outcome = settle(createDataframerClient(transport).runs.wait('r1', options));
      await vi.advanceTimersByTimeAsync(10_000);
      const error = ((await outcome) as { error: Error }).error;
      expect(error).toBeInstanceOf(ConfigurationError);
      expect(error.message).toBe(`Invalid options for runs.wait: ${message}`);
      expect(sent).toHaveLength(0);
    });
  }

  it('runs.waitForFiles refuses a deadline that is not a number', async () => {
    const { transport, sent } = scriptedTransport([() => json(202, {})]);
    const outcome = await settle(createDataframerClient(transport).runs.waitForFiles('r1', { timeoutMs: '5000' as never }));
    expect((outcome as { error: Error }).error).toBeInstanceOf(ConfigurationError);
    expect(sent).toHaveLength(0);
  });
});
