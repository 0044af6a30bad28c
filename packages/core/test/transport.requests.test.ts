// The transport as a caller meets it: what is sent, how it is configured, hooks, logs and the raw request.
import { describe, expect, it, vi } from 'vitest';
import { ConfigurationError, createDataframerClient, NotFoundError, RequestValidationError, strictSchemas } from '../src/index';
import { FAKE_KEY, json, sampleRun, scriptedTransport, settle, useFakeClock } from './helpers';

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
