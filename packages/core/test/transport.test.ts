import { describe, expect, it, vi } from 'vitest';
import {
  AbortError,
  AuthenticationError,
  BadRequestError,
  ConfigurationError,
  type ConflictError,
  ConnectionError,
  createDataframerClient,
  createTransport,
  NotFoundError,
  OutcomeUnknownError,
  PermissionDeniedError,
  RateLimitError,
  RequestValidationError,
  ResponseValidationError,
  ServerError,
  strictSchemas,
  TimeoutError,
} from '../src/index';
import { FAKE_KEY, json, networkError, sampleRun, scriptedTransport, settle, useFakeClock } from './helpers';

const CREATE = { spec_id: 'spec-1', number_of_samples: 10 };
const NEW_RUN = { id: '7c9e6679-7425-40de-944b-e07fc1f90ae7' };

useFakeClock();

describe('requests', () => {
  it('sends the bearer key, JSON accept and the contract path', async () => {
    const { transport, sent } = scriptedTransport([() => json(200, [sampleRun()])]);
    const runs = await createDataframerClient(transport).runs.list();
    expect(runs).toHaveLength(1);
    expect(runs[0]!.status).toBe('PROCESSING');
    expect(sent[0]).toMatchObject({
      method: 'GET',
      url: 'https://api.example.test/api/dataframer/runs/',
      headers: { authorization: `Bearer ${FAKE_KEY}`, accept: 'application/json' },
    });
    expect(sent[0]!.headers['idempotency-key']).toBeUndefined();
  });

  it('keeps a base path and adds the query', async () => {
    const { transport, sent } = scriptedTransport([() => json(200, { returned_count: 0 })], {
      baseUrl: 'https://proxy.example.test/df/',
    });
    await createDataframerClient(transport).runs.samples('r1', { offset: 5, limit: 2 });
    expect(sent[0]!.url).toBe('https://proxy.example.test/df/api/dataframer/runs/r1/samples/?offset=5&limit=2');
  });

  it('sends the create body as JSON with an idempotency key', async () => {
    const { transport, sent } = scriptedTransport([() => json(201, NEW_RUN)]);
    const created = await createDataframerClient(transport).runs.create(CREATE);
    expect(created).toEqual(NEW_RUN);
    expect(JSON.parse(sent[0]!.body)).toEqual(CREATE);
    expect(sent[0]!.headers['content-type']).toBe('application/json');
    expect(sent[0]!.headers['idempotency-key']).toBe('00000000-0000-4000-8000-000000000001');
  });

  it('rejects bad parameters without sending anything', async () => {
    const { transport, sent } = scriptedTransport([() => json(201, NEW_RUN)]);
    await expect(createDataframerClient(transport).runs.create({ spec_id: 's', number_of_samples: 0 })).rejects.toThrow(
      'number_of_samples must be from 1 to 20000',
    );
    await expect(createDataframerClient(transport).runs.retrieve('..')).rejects.toThrow('the run id must not be ".."');
    expect(sent).toHaveLength(0);
  });

  it('treats delete and cancel without a body as success', async () => {
    const { transport, sent } = scriptedTransport([() => new Response(null, { status: 204 }), () => json(200, { status: 'CANCELED' })]);
    const client = createDataframerClient(transport);
    await expect(client.runs.delete('r1')).resolves.toBeUndefined();
    await expect(client.runs.cancel('r1')).resolves.toBeUndefined();
    expect(sent.map((s) => `${s.method} ${new URL(s.url).pathname}`)).toEqual([
      'DELETE /api/dataframer/runs/r1/',
      'POST /api/dataframer/runs/r1/cancel/',
    ]);
  });

  it('reads the ZIP answer as building (202) or ready (200)', async () => {
    const { transport } = scriptedTransport([
      () => new Response(null, { status: 202 }),
      () => json(200, { download_url: 'https://files.example.test/run.zip', size_bytes: 1234 }),
    ]);
    const client = createDataframerClient(transport);
    expect(await client.runs.requestFiles('r1')).toEqual({ state: 'building' });
    expect(await client.runs.requestFiles('r1')).toEqual({
      state: 'ready',
      download_url: 'https://files.example.test/run.zip',
      size_bytes: 1234,
    });
  });
});

describe('configuration', () => {
  it('fails at the first call, without sending, when there is no key, saying how to set it', async () => {
    const { transport, sent } = scriptedTransport([() => json(200, [])], {
      getToken: () => undefined,
      missingTokenMessage: 'No Dataframer API key. Set DATAFRAMER_API_KEY.',
    });
    const error = await createDataframerClient(transport)
      .runs.list()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toContain('DATAFRAMER_API_KEY');
    expect(sent).toHaveLength(0);
  });

  it('never sends a key over plain http except to loopback', async () => {
    const remote = scriptedTransport([() => json(200, [])], { baseUrl: 'http://api.example.test' });
    await expect(createDataframerClient(remote.transport).runs.list()).rejects.toThrow(ConfigurationError);
    expect(remote.sent).toHaveLength(0);
    for (const host of ['http://localhost:8000', 'http://127.0.0.1:9', 'http://[::1]:8000', 'http://app.localhost']) {
      const local = scriptedTransport([() => json(200, [])], { baseUrl: host });
      await expect(createDataframerClient(local.transport).runs.list()).resolves.toEqual([]);
    }
    const keyless = scriptedTransport([() => json(200, [])], { baseUrl: 'http://proxy.example.test', getToken: () => undefined });
    await expect(createDataframerClient(keyless.transport).runs.list()).resolves.toEqual([]);
  });

  it('refuses a key that cannot be a header value without sending it or quoting it in the error', async () => {
    for (const key of ['sk_test_fake_line\nbreak_0001', 'sk_test_fake_nul\u0000_0001', 'sk_test_fake_\u2026_0001']) {
      const { transport, sent } = scriptedTransport([() => json(201, NEW_RUN)], { getToken: () => key });
      for (const call of [
        () => createDataframerClient(transport).runs.list(),
        () => createDataframerClient(transport).runs.create(CREATE),
      ]) {
        const error = (await call().catch((e: unknown) => e)) as ConfigurationError;
        expect(error).toBeInstanceOf(ConfigurationError);
        expect(error.message).toContain('an HTTP header cannot carry');
        expect(String(error.stack) + JSON.stringify(error.toJSON()) + String(error.cause)).not.toContain('sk_test_fake_');
      }
      expect(sent).toHaveLength(0);
    }
    const padded = scriptedTransport([() => json(200, [])], { getToken: () => `${FAKE_KEY}\n` });
    await expect(createDataframerClient(padded.transport).runs.list()).resolves.toEqual([]);
  });

  it('rejects unusable base URLs when the client is made', () => {
    expect(() => scriptedTransport([], { baseUrl: 'df-api.dataframer.ai' })).toThrow('expected an absolute http(s) URL');
    expect(() => scriptedTransport([], { baseUrl: 'ftp://x.example' })).toThrow(
      'Invalid base URL (ftp://x.example): expected an absolute http(s) URL',
    );
    expect(() => scriptedTransport([], { baseUrl: 'https://user:secret-pass@x.example' })).toThrow('without credentials');
    expect(() => scriptedTransport([], { baseUrl: 'https://user:secret-pass@x.example' })).not.toThrow('secret-pass');
    expect(() => scriptedTransport([], { baseUrl: FAKE_KEY })).not.toThrow(FAKE_KEY);
  });
});

describe('errors', () => {
  it('turns a Django detail into a readable typed error with the request id', async () => {
    const { transport } = scriptedTransport([() => json(404, { detail: 'Not found.' }, { 'x-request-id': 'req_42' })]);
    const error = await createDataframerClient(transport)
      .runs.retrieve('r1')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 404, detail: 'Not found.', requestId: 'req_42', code: 'not_found' });
    expect((error as Error).message).toBe('404 Not Found from GET /api/dataframer/runs/r1/: Not found. [request id req_42]');
  });

  it('turns DRF field errors into a message and fieldErrors', async () => {
    const body = { number_of_samples: ['Ensure this value is less than or equal to 20000.'], non_field_errors: ['Spec is not ready.'] };
    const { transport } = scriptedTransport([() => json(400, body)]);
    const error = (await createDataframerClient(transport)
      .runs.create(CREATE)
      .catch((e: unknown) => e)) as BadRequestError;
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error.fieldErrors).toEqual(body);
    expect(error.message).toBe(
      '400 Bad Request from POST /api/dataframer/runs/: number_of_samples: Ensure this value is less than or equal to 20000.; Spec is not ready.',
    );
  });

  it('describes a non-JSON error body instead of dumping it', async () => {
    const { transport } = scriptedTransport([() => new Response('<html>bad gateway</html>', { status: 502 })], { maxRetries: 0 });
    const error = (await createDataframerClient(transport)
      .runs.list()
      .catch((e: unknown) => e)) as ServerError;
    expect(error).toBeInstanceOf(ServerError);
    expect(error.message).toBe('502 Bad Gateway from GET /api/dataframer/runs/: the response body was not a JSON error (24 bytes)');
    expect(error.body).toBe('<html>bad gateway</html>');
  });

  it('maps 401 to AuthenticationError and does not retry it', async () => {
    const { transport, sent } = scriptedTransport([() => json(401, { detail: 'Invalid API key.' })]);
    await expect(createDataframerClient(transport).runs.list()).rejects.toBeInstanceOf(AuthenticationError);
    expect(sent).toHaveLength(1);
  });

  it('reports a response that breaks the contract with the path of each problem', async () => {
    const { transport } = scriptedTransport([() => json(200, [sampleRun(), sampleRun({ samples_completed: '5' })])]);
    const error = (await createDataframerClient(transport)
      .runs.list()
      .catch((e: unknown) => e)) as ResponseValidationError;
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error.issues[0]!.path).toBe('[1].samples_completed');
    expect(error.message).toContain('[1].samples_completed: Invalid type: Expected number but received "5"');
  });

  it('turns a deeply nested error body into a typed error instead of overflowing the stack', async () => {
    const deep = `{"field":${'{"a":'.repeat(50_000)}"x"${'}'.repeat(50_000)}}`;
    const { transport } = scriptedTransport([() => new Response(deep, { status: 400 })]);
    const error = await createDataframerClient(transport)
      .runs.list()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
  });

  it('keeps a deeply nested error body as text, so toJSON() still serialises', async () => {
    const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
    const { transport } = scriptedTransport([() => new Response(deep, { status: 502 })], { maxRetries: 0 });
    const error = (await createDataframerClient(transport)
      .runs.list()
      .catch((e: unknown) => e)) as ServerError;
    expect(error).toBeInstanceOf(ServerError);
    expect(typeof error.body).toBe('string');
    expect(() => JSON.stringify(error.toJSON())).not.toThrow();
  });

  it('reports invalid JSON as a validation error', async () => {
    const { transport } = scriptedTransport([() => new Response('[{"id": ', { status: 200 })]);
    await expect(createDataframerClient(transport).runs.list()).rejects.toThrow('is not valid JSON');
  });

  it('keeps an opaque key out of the request id when the server echoes it in X-Request-Id', async () => {
    const key = 'opaque-fake-token-5d1e';
    const echoed = () => json(404, { detail: 'Not found.' }, { 'x-request-id': `req-${key}` });
    const { transport } = scriptedTransport([echoed], { getToken: () => key });
    const error = (await createDataframerClient(transport)
      .runs.retrieve('r1')
      .catch((e: unknown) => e)) as NotFoundError;
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.requestId).toBe('req-[REDACTED]');
    expect(JSON.stringify([error.message, error.toJSON(), String(error.stack)])).not.toContain(key);
  });

  it('keeps the key out of every error, even when the server echoes it', async () => {
    const echo = { detail: `Key ${FAKE_KEY} is revoked`, authorization: `Bearer ${FAKE_KEY}` };
    const { transport, lines } = scriptedTransport([() => json(401, echo)]);
    const error = (await createDataframerClient(transport)
      .runs.list()
      .catch((e: unknown) => e)) as AuthenticationError;
    const everything = JSON.stringify([error.message, error.toJSON(), Object.entries(error), error.body, lines, String(error.stack)]);
    expect(everything).not.toContain(FAKE_KEY);
    expect(error.detail).toBe('Key [REDACTED] is revoked');
  });

  it("takes the key out of a successful answer and leaves the rest of the user's data as it came", async () => {
    const other = 'sk_live_someoneelse_4f2a9c';
    const body = [sampleRun({ spec_name: `made with ${FAKE_KEY}` }), sampleRun({ spec_name: `Bearer abc.def and ${other}` })];
    const { transport } = scriptedTransport([() => json(200, body)]);
    const runs = await createDataframerClient(transport).runs.list();
    expect(runs.map((run) => run.spec_name)).toEqual(['made with [REDACTED]', `Bearer abc.def and ${other}`]);
  });

  it('checks and masks a key that changes between calls afresh', async () => {
    const keys = ['sk_test_fake_first_key_1111', 'sk_test_fake_second_key_2222', 'sk_test_fake_bad\nkey_3333'];
    let next = 0;
    const { transport, sent } = scriptedTransport([() => json(401, { detail: 'Invalid API key.' })], { getToken: () => keys[next++] });
    const client = createDataframerClient(transport);
    const hints: unknown[] = [];
    for (let i = 0; i < 3; i++)
      hints.push(
        await client.runs.list({ maxRetries: 0 }).catch((e: unknown) => (e as AuthenticationError).keyHint ?? (e as Error).message),
      );
    expect(sent.map((s) => s.headers['authorization'])).toEqual([`Bearer ${keys[0]}`, `Bearer ${keys[1]}`]);
    expect(hints.slice(0, 2)).toEqual(['sk_test_…1111', 'sk_test_…2222']);
    expect(hints[2]).toContain('an HTTP header cannot carry');
  });
});

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

describe('forward compatibility', () => {
  it('keeps unknown fields and unknown statuses by default', async () => {
    const { transport } = scriptedTransport([() => json(200, [sampleRun({ status: 'QUEUED_FOR_GPU', gpu_type: 'h100' })])]);
    const [run] = await createDataframerClient(transport).runs.list();
    expect(run!.status).toBe('QUEUED_FOR_GPU');
    expect((run as unknown as Record<string, unknown>)['gpu_type']).toBe('h100');
  });

  it('rejects them in strict mode', async () => {
    const unknownStatus = scriptedTransport([() => json(200, [sampleRun({ status: 'QUEUED_FOR_GPU' })])], { schemas: strictSchemas });
    await expect(createDataframerClient(unknownStatus.transport).runs.list()).rejects.toThrow('[0].status');
    const extraField = scriptedTransport([() => json(200, [sampleRun({ gpu_type: 'h100' })])], { schemas: strictSchemas });
    await expect(createDataframerClient(extraField.transport).runs.list()).rejects.toThrow('[0].gpu_type');
    const good = scriptedTransport([() => json(200, [sampleRun()])], { schemas: strictSchemas });
    await expect(createDataframerClient(good.transport).runs.list()).resolves.toHaveLength(1);
  });
});

describe('logging', () => {
  it('logs each attempt and retry without the key', async () => {
    const { transport, lines } = scriptedTransport([() => json(503, { detail: `no ${FAKE_KEY}` }), () => json(200, [])]);
    const result = settle(createDataframerClient(transport).runs.list());
    await vi.advanceTimersByTimeAsync(1000);
    await result;
    expect(lines.some((l) => l.startsWith('→ GET https://api.example.test/api/dataframer/runs/ (runs.list, attempt 1/3)'))).toBe(true);
    expect(lines.some((l) => l.includes('retrying after 375 ms'))).toBe(true);
    expect(lines.join('\n')).not.toContain(FAKE_KEY);
  });
});

describe('your own ky hooks', () => {
  it('run before the key is added and never see it, on every attempt', async () => {
    const seenByHooks: Array<string | null> = [];
    const statuses: number[] = [];
    const { transport, sent } = scriptedTransport([() => json(503, {}), () => json(200, [])], {
      hooks: {
        beforeRequest: [
          (request) => {
            seenByHooks.push(request.headers.get('authorization'));
            request.headers.set('traceparent', '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01');
          },
        ],
        afterResponse: [
          (request, _options, response) => {
            seenByHooks.push(request.headers.get('authorization'));
            statuses.push(response.status);
          },
        ],
      },
    });
    const result = settle(createDataframerClient(transport).runs.list());
    await vi.advanceTimersByTimeAsync(1000);
    expect(await result).toEqual({ ok: true, value: [] });
    expect(sent.map((s) => s.headers['traceparent'])).toEqual([
      '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
      '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
    ]);
    expect(sent.every((s) => s.headers['authorization'] === `Bearer ${FAKE_KEY}`)).toBe(true);
    expect(seenByHooks).toEqual([null, null, null, null]);
    expect(statuses).toEqual([503, 200]);
  });

  it('a hook that returns a new Request still gets the key added, and a create keeps its one idempotency key', async () => {
    const { transport, sent } = scriptedTransport([() => json(429, {}, { 'retry-after': '1' }), () => json(201, NEW_RUN)], {
      hooks: {
        beforeRequest: [(request) => new Request(request, { headers: { ...Object.fromEntries(request.headers), 'x-tenant': 't1' } })],
      },
    });
    const result = settle(createDataframerClient(transport).runs.create(CREATE, { idempotencyKey: 'hook-key' }));
    await vi.advanceTimersByTimeAsync(1000);
    expect(await result).toEqual({ ok: true, value: NEW_RUN });
    expect(sent.map((s) => [s.headers['x-tenant'], s.headers['authorization'], s.headers['idempotency-key'], JSON.parse(s.body)])).toEqual([
      ['t1', `Bearer ${FAKE_KEY}`, 'hook-key', CREATE],
      ['t1', `Bearer ${FAKE_KEY}`, 'hook-key', CREATE],
    ]);
  });

  it('a hook that moves the request to plain http elsewhere gets no key: nothing is sent', async () => {
    const { transport, sent } = scriptedTransport([() => json(200, [])], {
      hooks: {
        beforeRequest: [(request) => new Request(request.url.replace('https://api.example.test', 'http://mirror.example.test'), request)],
      },
    });
    const error = await createDataframerClient(transport)
      .runs.list()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toContain('Refusing to send the API key over plain http to mirror.example.test');
    expect(sent).toHaveLength(0);
  });
});

describe('what a successful call carried', () => {
  it('hands the status, request id and headers to onResponse without changing the value returned', async () => {
    const { transport } = scriptedTransport([() => json(503, {}), () => json(200, [sampleRun()], { 'x-request-id': 'req_ok_1' })]);
    const seen: unknown[] = [];
    const result = settle(createDataframerClient(transport).runs.list({ onResponse: (info) => seen.push(info) }));
    await vi.advanceTimersByTimeAsync(1000);
    const outcome = await result;
    expect(outcome.ok && outcome.value).toHaveLength(1);
    expect(seen).toEqual([
      {
        status: 200,
        requestId: 'req_ok_1',
        headers: { 'content-type': 'application/json', 'x-request-id': 'req_ok_1' },
        request: 'GET /api/dataframer/runs/',
        attempts: 2,
      },
    ]);
  });
});

describe('errors that say what to do', () => {
  it('401 names the key that was sent, masked, where it came from, and where to get one', async () => {
    const { transport } = scriptedTransport([() => json(401, { detail: 'Invalid API key.' })], { tokenSource: () => 'DATAFRAMER_API_KEY' });
    const error = (await createDataframerClient(transport)
      .runs.list()
      .catch((e: unknown) => e)) as AuthenticationError;
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.keyHint).toBe('sk_test_…0000 from DATAFRAMER_API_KEY');
    expect(error.message).toBe(
      '401 Unauthorized from GET /api/dataframer/runs/: Invalid API key. The key sk_test_…0000 from DATAFRAMER_API_KEY was refused; API keys are under Account → API Key at app.aimon.ai',
    );
    expect(JSON.stringify([error.message, error.toJSON()])).not.toContain(FAKE_KEY);
  });

  it('403 says the key is valid but lacks permission', async () => {
    const { transport } = scriptedTransport([() => json(403, { detail: 'You do not have permission to perform this action.' })], {
      tokenSource: () => 'the apiKey option',
    });
    const error = (await createDataframerClient(transport)
      .runs.cancel('r1')
      .catch((e: unknown) => e)) as PermissionDeniedError;
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect(error.message).toContain('The key sk_test_…0000 from the apiKey option is valid but lacks permission for this request');
  });

  it('describes a JSON error body without a detail as such', async () => {
    const { transport } = scriptedTransport([() => json(409, {})]);
    const error = (await createDataframerClient(transport)
      .runs.cancel('r1')
      .catch((e: unknown) => e)) as ConflictError;
    expect(error.message).toBe(
      '409 Conflict from POST /api/dataframer/runs/r1/cancel/: the JSON body had no detail or field errors (2 bytes)',
    );
  });

  it('a 404 on a collection says the base URL is probably wrong and shows the URL requested', async () => {
    const { transport } = scriptedTransport([() => json(404, { detail: 'Not found.' })], {
      baseUrl: 'https://gateway.example.test/dataframer',
    });
    const error = (await createDataframerClient(transport)
      .specs.list()
      .catch((e: unknown) => e)) as NotFoundError;
    expect(error.message).toContain(
      'The base URL is probably wrong: https://gateway.example.test/dataframer/api/dataframer/specs/ does not exist on that server',
    );
    expect(error.message).not.toContain(FAKE_KEY);
  });

  it('the unknown-outcome error states the facts and the advice that holds for every server', async () => {
    const { transport } = scriptedTransport([() => json(502, {})], { maxRetries: 0 });
    const error = (await createDataframerClient(transport)
      .runs.create(CREATE, { idempotencyKey: 'key-12' })
      .catch((e: unknown) => e)) as OutcomeUnknownError;
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect(error).toMatchObject({ idempotencyKey: 'key-12', attempts: 1, request: 'POST /api/dataframer/runs/' });
    expect(error.cause).toBeInstanceOf(ServerError);
    expect(error.message).toContain('Check runs.list() for the run first');
    expect(error.message).toContain(
      'repeating the create with idempotencyKey "key-12" is safe only where the server honours Idempotency-Key',
    );
    expect(error.message).not.toContain('dataframer runs create');
  });
});

describe('both documented base-URL forms', () => {
  it.each([
    'https://df-api.example.test',
    'https://df-api.example.test/',
    'https://df-api.example.test/api/dataframer',
    'https://df-api.example.test/api/dataframer/',
  ])('%s reaches the same paths', async (baseUrl) => {
    const { transport, sent } = scriptedTransport([() => json(200, [])], { baseUrl });
    await createDataframerClient(transport).runs.list();
    expect(sent[0]!.url).toBe('https://df-api.example.test/api/dataframer/runs/');
  });

  it('keeps any other path as a prefix', async () => {
    const { transport, sent } = scriptedTransport([() => json(200, [])], { baseUrl: 'https://gw.example.test/teams/a/api/dataframer/' });
    await createDataframerClient(transport).runs.list();
    expect(sent[0]!.url).toBe('https://gw.example.test/teams/a/api/dataframer/runs/');
  });
});

describe('client.request: the rest of the API', () => {
  it('reaches an endpoint the SDK does not model, with the same auth, query and errors', async () => {
    const { transport, sent } = scriptedTransport([
      () => json(200, { status: 'PROCESSING', progress: 0.4 }),
      () => json(404, { detail: 'Not found.' }),
    ]);
    const client = createDataframerClient(transport);
    await expect(client.request({ method: 'GET', path: 'runs/r1/status/', query: { verbose: true, skip: undefined } })).resolves.toEqual({
      status: 'PROCESSING',
      progress: 0.4,
    });
    expect(sent[0]).toMatchObject({
      method: 'GET',
      url: 'https://api.example.test/api/dataframer/runs/r1/status/?verbose=true',
      headers: { authorization: `Bearer ${FAKE_KEY}` },
    });
    await expect(client.request({ method: 'GET', path: '/api/dataframer/runs/r1/generated-files/' })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('keeps paths under /api/dataframer/ and checks the request before sending', async () => {
    const { transport, sent } = scriptedTransport([() => json(200, {})]);
    const client = createDataframerClient(transport);
    for (const path of [
      '/health/',
      '../health/',
      'runs/../../admin/',
      '//evil.example/api/dataframer/runs/',
      'runs/?x=1',
      'runs/a b/',
      '/api/dataframer',
    ]) {
      await expect(client.request({ method: 'GET', path }), path).rejects.toThrow(RequestValidationError);
    }
    await expect(client.request({ method: 'TRACE' as 'GET', path: 'runs/' })).rejects.toThrow(
      'method must be one of GET, POST, PUT, PATCH, DELETE',
    );
    expect(sent).toHaveLength(0);
  });

  it('repeats a write only when declared idempotent', async () => {
    const once = scriptedTransport([() => json(503, {}), () => json(200, {})]);
    const first = settle(
      createDataframerClient(once.transport).request({ method: 'POST', path: 'runs/r1/evaluations/', body: { evaluation_model: 'x' } }),
    );
    await vi.advanceTimersByTimeAsync(5000);
    expect((await first).ok).toBe(false);
    expect(once.sent).toHaveLength(1);
    const twice = scriptedTransport([() => json(503, {}), () => json(200, { ok: true })]);
    const second = settle(createDataframerClient(twice.transport).request({ method: 'PUT', path: 'runs/r1/', body: {}, idempotent: true }));
    await vi.advanceTimersByTimeAsync(5000);
    expect(await second).toEqual({ ok: true, value: { ok: true } });
    expect(twice.sent).toHaveLength(2);
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
