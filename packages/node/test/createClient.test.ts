import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Agent, getGlobalDispatcher, setGlobalDispatcher } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigurationError, ConnectionError, createClient, NotFoundError, TimeoutError } from '../src/index';
import { sendJson, startServer } from './server';

const KEY = 'sk_test_FAKE_node_canary_0000';
const RUN = { id: 'run-1', status: 'PROCESSING', samples_completed: 1, samples_failed: 0 };
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (closers.length > 0) await closers.pop()!();
});

async function server(handle: Parameters<typeof startServer>[0]) {
  const s = await startServer(handle);
  closers.push(s.close);
  return s;
}

describe('createClient', () => {
  it('reads the key and base URL from the environment and sends a user agent', async () => {
    const s = await server((_req, res) => sendJson(res, 200, [RUN]));
    const client = createClient({ env: { DATAFRAMER_API_KEY: KEY, DATAFRAMER_BASE_URL: s.url } });
    closers.push(client.close);
    expect(await client.runs.list()).toEqual([RUN]);
    expect(s.seen[0]!.url).toBe('/api/dataframer/runs/');
    expect(s.seen[0]!.headers['authorization']).toBe(`Bearer ${KEY}`);
    expect(s.seen[0]!.headers['user-agent']).toMatch(/^dataframer-node\/\d+\.\d+\.\d+ node\/v\d+/);
  });

  it('prefers options over the environment', async () => {
    const s = await server((_req, res) => sendJson(res, 200, []));
    const client = createClient({
      apiKey: KEY,
      baseUrl: s.url,
      env: { DATAFRAMER_API_KEY: 'sk_test_other', DATAFRAMER_BASE_URL: 'https://unused.example' },
    });
    closers.push(client.close);
    await client.runs.list();
    expect(s.seen[0]!.headers['authorization']).toBe(`Bearer ${KEY}`);
  });

  it('defaults to the production server', async () => {
    const client = createClient({
      apiKey: KEY,
      env: {},
      fetch: async (request) => new Response(JSON.stringify({ url: request.url }), { status: 200 }),
    });
    expect(await client.health()).toEqual({ url: 'https://df-api.dataframer.ai/api/dataframer/health/' });
  });

  it('fails at the first call without a key, saying how to set it', async () => {
    const client = createClient({ env: {}, baseUrl: 'http://127.0.0.1:9' });
    const error = await client.runs.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toContain('Set the DATAFRAMER_API_KEY environment variable');
    expect((error as Error).message).toContain('createClient()');
  });

  it('refuses to send the key over plain http to a remote host', async () => {
    const client = createClient({ apiKey: KEY, baseUrl: 'http://api.example.invalid', env: {} });
    const error = await client.runs.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toContain('Refusing to send the API key over plain http to api.example.invalid');
    expect((error as Error).message).not.toContain(KEY);
  });

  it('reports a refused connection with its code and a hint', async () => {
    const s = await server((_req, res) => sendJson(res, 200, []));
    await s.close();
    const client = createClient({ apiKey: KEY, baseUrl: s.url, env: {}, maxRetries: 1 });
    const error = (await client.runs.list().catch((e: unknown) => e)) as ConnectionError;
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.causeCode).toBe('ECONNREFUSED');
    expect(error.attempts).toBe(2);
    expect(error.message).toContain(`check the base URL (${s.url})`);
  });

  it('maps a real 404 body to NotFoundError', async () => {
    const s = await server((_req, res) => sendJson(res, 404, { detail: 'Not found.' }, { 'x-request-id': 'req-9' }));
    const client = createClient({ apiKey: KEY, baseUrl: s.url, env: {} });
    closers.push(client.close);
    const error = (await client.runs.retrieve('missing').catch((e: unknown) => e)) as NotFoundError;
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.message).toBe('404 Not Found from GET /api/dataframer/runs/missing/: Not found. [request id req-9]');
  });

  it('times out a stalled server at its own deadline', async () => {
    const s = await server(() => {
      /* never answers */
    });
    const client = createClient({ apiKey: KEY, baseUrl: s.url, env: {}, timeoutMs: 300 });
    closers.push(client.close);
    const started = performance.now();
    const error = await client.runs.list().catch((e: unknown) => e);
    const elapsed = performance.now() - started;
    expect(error).toBeInstanceOf(TimeoutError);
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(2000);
  });
});

describe("Node's own fetch timeouts never fire before ours", () => {
  const previous = getGlobalDispatcher();
  afterEach(() => setGlobalDispatcher(previous));

  it('survives headers slower than the global dispatcher allows', async () => {
    // Stand-in for undici's 300 s headersTimeout, scaled down: a global dispatcher that gives up after 1 s.
    setGlobalDispatcher(new Agent({ headersTimeout: 1000 }));
    const s = await server((_req, res) => {
      setTimeout(() => sendJson(res, 200, []), 2500);
    });
    await expect(fetch(`${s.url}/api/dataframer/runs/`)).rejects.toThrow();
    const client = createClient({ apiKey: KEY, baseUrl: s.url, env: {}, timeoutMs: 5000 });
    closers.push(client.close);
    await expect(client.runs.list()).resolves.toEqual([]);
  });
});

describe('debug logging', () => {
  it('logs requests to stderr with DATAFRAMER_LOG=debug, never the key, and the process exits on its own', async () => {
    const s = await server((_req, res) => sendJson(res, 401, { detail: `bad key ${KEY}` }));
    const entry = fileURLToPath(new URL('../dist/index.js', import.meta.url));
    const script = `import('${entry}').then(async ({ createClient }) => {
      try { await createClient().runs.list(); } catch (e) { console.log(JSON.stringify({ message: e.message, json: e.toJSON() })); }
    });`;
    const result = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = execFile(
        process.execPath,
        ['--input-type=module', '-e', script],
        {
          env: { PATH: process.env['PATH'], DATAFRAMER_API_KEY: KEY, DATAFRAMER_BASE_URL: s.url, DATAFRAMER_LOG: 'debug' },
          timeout: 10_000,
        },
        (_error, stdout, stderr) => resolve({ status: child.exitCode, stdout, stderr }),
      );
    });
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('[dataframer] → GET');
    expect(result.stderr).toContain('401 Unauthorized');
    expect(result.stdout).toContain('bad key [REDACTED]');
    expect(result.stdout + result.stderr).not.toContain(KEY);
  });
});
