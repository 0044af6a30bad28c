// Retries, create safety and the one deadline.
import { describe, expect, it, vi } from 'vitest';
import {
  AbortError,
  BadRequestError,
  ConnectionError,
  createDataframerClient,
  createTransport,
  OutcomeUnknownError,
  RateLimitError,
  ServerError,
  TimeoutError,
} from '../src/index';
import { DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS } from '../src/constants';
import { FAKE_KEY, json, networkError, scriptedTransport, settle, useFakeClock } from './helpers';

const CREATE = { spec_id: 'spec-1', number_of_samples: 10 };
const NEW_RUN = { id: '7c9e6679-7425-40de-944b-e07fc1f90ae7' };

useFakeClock();

describe('retries', () => {
  it('retries reads on 5xx with exponential backoff', async () => {
    const { transport, sent } = scriptedTransport([
      () => json(503, { detail: 'busy' }),
      () => json(500, { detail: 'oops' }),
      () => json(200, []),
    ]);
    const result = settle(createDataframerClient(transport).runs.list());
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toHaveLength(1);
    // random() = 0.5 → delays of 375 ms then 750 ms
    await vi.advanceTimersByTimeAsync(374);
    expect(sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(750);
    expect(sent).toHaveLength(3);
    expect(await result).toEqual({ ok: true, value: [] });
  });

  it('honours Retry-After in seconds', async () => {
    const { transport, sent } = scriptedTransport([() => json(429, { detail: 'slow down' }, { 'retry-after': '7' }), () => json(200, [])]);
    const result = settle(createDataframerClient(transport).runs.list());
    await vi.advanceTimersByTimeAsync(6999);
    expect(sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toHaveLength(2);
    expect((await result).ok).toBe(true);
  });

  it('honours Retry-After as an HTTP date', async () => {
    const date = new Date(Date.now() + 12_000).toUTCString();
    const { transport, sent } = scriptedTransport([() => json(503, {}, { 'retry-after': date }), () => json(200, [])]);
    const result = settle(createDataframerClient(transport).runs.list());
    await vi.advanceTimersByTimeAsync(11_999);
    expect(sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toHaveLength(2);
    expect((await result).ok).toBe(true);
  });

  it('does not sleep past the deadline: a Retry-After beyond it fails at once, saying so', async () => {
    const { transport, sent } = scriptedTransport([() => json(429, { detail: 'slow down' }, { 'retry-after': '120' })], {
      timeoutMs: 30_000,
    });
    const started = Date.now();
    const error = (await createDataframerClient(transport)
      .runs.list()
      .catch((e: unknown) => e)) as RateLimitError;
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.retryAfterMs).toBe(120_000);
    expect(error.message).toContain('server asked to retry after 2 min');
    expect(Date.now() - started).toBe(0);
    expect(sent).toHaveLength(1);
  });

  it('stops after maxRetries and reports the attempts', async () => {
    const { transport, sent } = scriptedTransport([() => json(500, { detail: 'down' })], { maxRetries: 3 });
    const result = settle(createDataframerClient(transport).runs.list());
    await vi.advanceTimersByTimeAsync(60_000);
    const outcome = await result;
    expect(sent).toHaveLength(4);
    expect(outcome.ok).toBe(false);
    expect((outcome as { error: ServerError }).error).toMatchObject({ status: 500, attempts: 4 });
  });

  it('without options, repeats DEFAULT_MAX_RETRIES times and ends at DEFAULT_TIMEOUT_MS', async () => {
    const failing = scriptedTransport([() => json(500, { detail: 'down' })]);
    const failed = settle(createDataframerClient(failing.transport).runs.list());
    await vi.advanceTimersByTimeAsync(DEFAULT_TIMEOUT_MS - 1);
    expect(await failed).toMatchObject({ ok: false, error: { attempts: DEFAULT_MAX_RETRIES + 1 } });
    expect(failing.sent).toHaveLength(DEFAULT_MAX_RETRIES + 1);

    const silent = scriptedTransport([() => new Promise<Response>(() => {})]);
    const stalled = settle(createDataframerClient(silent.transport).runs.list());
    await vi.advanceTimersByTimeAsync(DEFAULT_TIMEOUT_MS - 1);
    expect(silent.sent).toHaveLength(1);
    let done = false;
    void stalled.then(() => {
      done = true;
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await stalled).toMatchObject({ ok: false, error: { name: 'TimeoutError', timeoutMs: DEFAULT_TIMEOUT_MS } });
  });

  it('retries connection failures on reads and reports them clearly', async () => {
    const { transport, sent } = scriptedTransport([
      () => {
        throw networkError('ECONNRESET');
      },
    ]);
    const result = settle(createDataframerClient(transport).runs.list());
    await vi.advanceTimersByTimeAsync(10_000);
    const outcome = (await result) as { ok: false; error: ConnectionError };
    expect(sent).toHaveLength(3);
    expect(outcome.error).toBeInstanceOf(ConnectionError);
    expect(outcome.error.causeCode).toBe('ECONNRESET');
    expect(outcome.error.message).toContain('Could not reach Dataframer for GET /api/dataframer/runs/');
    expect(outcome.error.message).toContain('ECONNRESET');
  });

  it('treats a 404 on a retried delete after a lost answer as done', async () => {
    const { transport, sent } = scriptedTransport([
      () => {
        throw networkError('ECONNRESET');
      },
      () => json(404, { detail: 'Not found.' }),
    ]);
    const result = settle(createDataframerClient(transport).runs.delete('r1'));
    await vi.advanceTimersByTimeAsync(1000);
    expect(await result).toEqual({ ok: true, value: undefined });
    expect(sent).toHaveLength(2);
  });
});

describe('creates are never sent twice by accident', () => {
  it('retries a create refused with 429, reusing one idempotency key', async () => {
    const { transport, sent } = scriptedTransport([() => json(429, {}, { 'retry-after': '1' }), () => json(201, NEW_RUN)]);
    const result = settle(createDataframerClient(transport).runs.create(CREATE, { idempotencyKey: 'my-key-1' }));
    await vi.advanceTimersByTimeAsync(1000);
    expect(await result).toEqual({ ok: true, value: NEW_RUN });
    expect(sent.map((s) => s.headers['idempotency-key'])).toEqual(['my-key-1', 'my-key-1']);
  });

  it('retries a create after a refused connection (nothing was sent)', async () => {
    const { transport, sent } = scriptedTransport([
      () => {
        throw networkError('ECONNREFUSED');
      },
      () => json(201, NEW_RUN),
    ]);
    const result = settle(createDataframerClient(transport).runs.create(CREATE));
    await vi.advanceTimersByTimeAsync(1000);
    expect(await result).toEqual({ ok: true, value: NEW_RUN });
    expect(new Set(sent.map((s) => s.headers['idempotency-key'])).size).toBe(1);
  });

  it.each([
    ['a 500', () => json(500, { detail: 'boom' })],
    ['a 502', () => new Response('bad gateway', { status: 502 })],
    ['a 503 without Retry-After', () => json(503, {})],
    [
      'a reset connection',
      () => {
        throw networkError('ECONNRESET');
      },
    ],
    ['a 2xx body without an id', () => json(201, { ok: true })],
  ])('does not retry after %s: the outcome is unknown and the error says how to check', async (_name, responder) => {
    const { transport, sent } = scriptedTransport([responder, () => json(201, NEW_RUN)]);
    const result = settle(createDataframerClient(transport).runs.create(CREATE, { idempotencyKey: 'key-77' }));
    await vi.advanceTimersByTimeAsync(5000);
    const outcome = (await result) as { ok: false; error: OutcomeUnknownError };
    expect(sent).toHaveLength(1);
    expect(outcome.error).toBeInstanceOf(OutcomeUnknownError);
    expect(outcome.error.idempotencyKey).toBe('key-77');
    expect(outcome.error.message).toContain('may or may not have started a run');
    expect(outcome.error.message).toContain('runs.list()');
    expect(outcome.error.message).toContain('key-77');
  });

  it('reports a definite rejection (400) as itself, not as unknown', async () => {
    const { transport } = scriptedTransport([() => json(400, { detail: 'Spec is not ready.' })]);
    await expect(createDataframerClient(transport).runs.create(CREATE)).rejects.toBeInstanceOf(BadRequestError);
  });

  it('calls a create that timed out in flight unknown', async () => {
    const { transport, sent } = scriptedTransport([() => new Promise<Response>(() => {})], { timeoutMs: 2000 });
    const result = settle(createDataframerClient(transport).runs.create(CREATE));
    await vi.advanceTimersByTimeAsync(2000);
    const outcome = (await result) as { ok: false; error: OutcomeUnknownError };
    expect(outcome.error).toBeInstanceOf(OutcomeUnknownError);
    expect(outcome.error.cause).toBeInstanceOf(TimeoutError);
    expect(sent).toHaveLength(1);
  });
});

describe('one deadline and prompt aborts', () => {
  it('bounds the whole call, retries included', async () => {
    const { transport, sent } = scriptedTransport([() => json(503, {}, { 'retry-after': '3' })], { timeoutMs: 10_000, maxRetries: 10 });
    const started = Date.now();
    const result = settle(createDataframerClient(transport).runs.list());
    await vi.advanceTimersByTimeAsync(20_000);
    const outcome = (await result) as { ok: false; error: Error };
    // attempts at 0, 3 s, 6 s, 9 s; the next would start at 12 s, after the deadline
    expect(sent.map((s) => s.at - started)).toEqual([0, 3000, 6000, 9000]);
    expect(outcome.error).toBeInstanceOf(ServerError);
  });

  it('times out a stalled response at the deadline with a clear message', async () => {
    const { transport } = scriptedTransport([() => new Promise<Response>(() => {})], { timeoutMs: 5000 });
    const started = Date.now();
    const result = settle(createDataframerClient(transport).runs.list());
    await vi.advanceTimersByTimeAsync(5000);
    const outcome = (await result) as { ok: false; error: TimeoutError };
    expect(outcome.error).toBeInstanceOf(TimeoutError);
    expect(outcome.error.message).toBe('runs.list did not finish within its 5 s deadline after 1 attempt');
    expect(Date.now() - started).toBe(5000);
  });

  it('aborts during a retry wait at once', async () => {
    const { transport, sent } = scriptedTransport([() => json(503, {}, { 'retry-after': '30' })]);
    const controller = new AbortController();
    const result = settle(createDataframerClient(transport).runs.list({ signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(1000);
    controller.abort();
    const outcome = (await result) as { ok: false; error: AbortError };
    expect(outcome.error).toBeInstanceOf(AbortError);
    expect(outcome.error.message).toContain('aborted by the caller after 1 s');
    expect(sent).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('aborts an in-flight request and leaves no timers', async () => {
    const { transport } = scriptedTransport([() => new Promise<Response>(() => {})]);
    const controller = new AbortController();
    const result = settle(createDataframerClient(transport).runs.list({ signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(10);
    controller.abort();
    expect(((await result) as { error: Error }).error).toBeInstanceOf(AbortError);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('refuses to start with an already aborted signal', async () => {
    const { transport, sent } = scriptedTransport([() => json(200, [])]);
    await expect(createDataframerClient(transport).runs.list({ signal: AbortSignal.abort() })).rejects.toBeInstanceOf(AbortError);
    expect(sent).toHaveLength(0);
  });
});

describe('the deadline holds whatever the fetch underneath does', () => {
  it('ends a call at its deadline even when the fetch ignores every signal, and hands fetch the deadline signal', async () => {
    const signals: Array<AbortSignal | undefined> = [];
    const transport = createTransport({
      baseUrl: 'https://api.example.test',
      getToken: () => FAKE_KEY,
      timeoutMs: 3000,
      runtime: {
        fetch: (_request, init) => {
          signals.push(init?.signal);
          return new Promise<Response>(() => {});
        },
        setTimeout: (cb, ms) => setTimeout(cb, ms),
        clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
        now: () => Date.now(),
        random: () => 0.5,
        randomUUID: () => '00000000-0000-4000-8000-000000000001',
      },
    });
    const started = Date.now();
    const result = settle(createDataframerClient(transport).runs.list());
    await vi.advanceTimersByTimeAsync(3000);
    const outcome = (await result) as { ok: false; error: TimeoutError };
    expect(outcome.error).toBeInstanceOf(TimeoutError);
    expect(Date.now() - started).toBe(3000);
    expect(signals).toHaveLength(1);
    expect(signals[0]?.aborted).toBe(true);
  });
});
