import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startSandbox, type Sandbox } from '@df/sandbox';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectionError, createClient, createNodeFetch } from '../src/index';
import { startProxy, type ProxyProcess } from '../../../scripts/proxyProcess.mjs';
import { sendJson, startServer } from './server';

const settle = () => new Promise((resolve) => setTimeout(resolve, 100));

let sandbox: Sandbox;
let proxy: ProxyProcess;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: 8 });
  proxy = await startProxy(import.meta.url);
});
afterAll(async () => {
  proxy.stop();
  await sandbox.stop();
});

describe('proxies, as curl, npm and gh read them', () => {
  const target = () => new URL(sandbox.url).host;

  it.each(['HTTP_PROXY', 'http_proxy'])('sends every call through %s, and the proxy never sees the key', async (name) => {
    const before = proxy.log().length;
    const lines: string[] = [];
    const client = createClient({
      apiKey: sandbox.keys.acme,
      baseUrl: sandbox.url,
      env: { [name]: proxy.url },
      logger: { debug: (l) => lines.push(l) },
    });
    try {
      expect((await client.runs.list()).length).toBeGreaterThan(0);
    } finally {
      await client.close();
    }
    await settle();
    const seen = proxy.log().slice(before);
    expect(seen).toContain(`CONNECT ${target()}`);
    expect(seen + lines.join('\n')).not.toContain(sandbox.keys.acme);
  });

  it('takes an explicit proxy option over the environment', async () => {
    const before = proxy.log().length;
    const client = createClient({
      apiKey: sandbox.keys.acme,
      baseUrl: sandbox.url,
      proxy: proxy.url,
      env: { HTTP_PROXY: 'http://127.0.0.1:9' },
    });
    try {
      await client.models.list();
    } finally {
      await client.close();
    }
    await settle();
    expect(proxy.log().slice(before)).toContain(`CONNECT ${target()}`);
  });

  it.each(['NO_PROXY', 'no_proxy'])('goes direct to the hosts %s names', async (name) => {
    const before = proxy.log().length;
    const client = createClient({ apiKey: sandbox.keys.acme, baseUrl: sandbox.url, env: { HTTP_PROXY: proxy.url, [name]: '127.0.0.1' } });
    try {
      await client.runs.list();
    } finally {
      await client.close();
    }
    await settle();
    expect(proxy.log().slice(before)).not.toContain('CONNECT');
  });

  it('reports an unreachable proxy without its credentials', async () => {
    const client = createClient({
      apiKey: sandbox.keys.acme,
      baseUrl: sandbox.url,
      proxy: 'http://user:proxy-pass-8f3a@127.0.0.1:9',
      maxRetries: 0,
    });
    try {
      const error = await client.runs.list().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConnectionError);
      expect(JSON.stringify([(error as Error).message, (error as ConnectionError).toJSON()])).not.toContain('proxy-pass-8f3a');
    } finally {
      await client.close();
    }
  });
});

describe.each(['undici', 'node:http'] as const)("Node's own Request through the %s engine", (engine) => {
  it('keeps the method, headers and body of a POST', async () => {
    const server = await startServer((_req, res) => sendJson(res, 201, { id: 'r1' }));
    const { fetch, close } = createNodeFetch({ env: {}, engine });
    try {
      const request = new Request(`${server.url}/api/dataframer/runs/`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': 'k-1' },
        body: JSON.stringify({ spec_id: 's', number_of_samples: 2 }),
      });
      const response = await fetch(request);
      expect(response.status).toBe(201);
      expect(await response.json()).toEqual({ id: 'r1' });
      expect(server.seen[0]).toMatchObject({ method: 'POST', url: '/api/dataframer/runs/', body: '{"spec_id":"s","number_of_samples":2}' });
      expect(server.seen[0]!.headers).toMatchObject({
        'idempotency-key': 'k-1',
        'content-type': 'application/json',
        'content-length': '37',
      });
    } finally {
      await close();
      await server.close();
    }
  });

  it("stops at once when the Request's signal aborts", async () => {
    const server = await startServer(() => undefined);
    const { fetch, close } = createNodeFetch({ env: {}, engine });
    try {
      const controller = new AbortController();
      const pending = fetch(new Request(`${server.url}/api/dataframer/runs/`, { signal: controller.signal }));
      setTimeout(() => controller.abort(new Error('stop now')), 50);
      const started = performance.now();
      await expect(pending).rejects.toThrow('stop now');
      expect(performance.now() - started).toBeLessThan(1000);
    } finally {
      await close();
      await server.close();
    }
  });

  it('follows redirects as fetch does, keeping the key on the same origin only', async () => {
    const other = await startServer((_req, res) => sendJson(res, 200, { where: 'other' }));
    const server = await startServer((req, res) => {
      if (req.url === '/start/') return void res.writeHead(307, { location: '/same/' }).end();
      if (req.url === '/same/') return void res.writeHead(303, { location: `${other.url}/there/` }).end();
      sendJson(res, 404, {});
    });
    const { fetch, close } = createNodeFetch({ env: {}, engine });
    try {
      const response = await fetch(
        new Request(`${server.url}/start/`, {
          method: 'POST',
          headers: { authorization: 'Bearer sk_test_fake_redirect_0000' },
          body: '{}',
        }),
      );
      expect(await response.json()).toEqual({ where: 'other' });
      expect(server.seen.map((r) => [r.method, r.url, r.headers['authorization']])).toEqual([
        ['POST', '/start/', 'Bearer sk_test_fake_redirect_0000'],
        ['POST', '/same/', 'Bearer sk_test_fake_redirect_0000'],
      ]);
      expect(other.seen.map((r) => [r.method, r.url, r.headers['authorization']])).toEqual([['GET', '/there/', undefined]]);
    } finally {
      await close();
      await server.close();
      await other.close();
    }
  });

  it('decodes a gzip body, answers 204 without one, and fails a body cut short', async () => {
    const server = await startServer((req, res) => {
      if (req.url === '/gzip/')
        return void res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' }).end(gzipSync('{"ok":true}'));
      if (req.url === '/empty/') return void res.writeHead(204).end();
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
      res.write('[{"id":');
      setTimeout(() => res.destroy(), 20);
    });
    const { fetch, close } = createNodeFetch({ env: {}, engine });
    try {
      expect(await (await fetch(`${server.url}/gzip/`)).json()).toEqual({ ok: true });
      const empty = await fetch(`${server.url}/empty/`);
      expect([empty.status, await empty.text()]).toEqual([204, '']);
      const cut = await fetch(`${server.url}/cut/`);
      expect(cut.status).toBe(200);
      await expect(cut.text()).rejects.toThrow();
    } finally {
      await close();
      await server.close();
    }
  });
});

describe('the node:http engine with a proxy', () => {
  it('uses undici, so the proxy is honoured', async () => {
    const before = proxy.log().length;
    const { fetch, close } = createNodeFetch({ env: { HTTP_PROXY: proxy.url }, engine: 'node:http' });
    try {
      const response = await fetch(new Request(`${sandbox.url}/api/dataframer/health/`));
      expect(response.status).toBe(200);
    } finally {
      await close();
    }
    await settle();
    expect(proxy.log().slice(before)).toContain(`CONNECT ${new URL(sandbox.url).host}`);
  });
});

describe('the deadline survives garbage collection', () => {
  const fixture = fileURLToPath(new URL('./fixtures/deadline-after-gc.mjs', import.meta.url));
  const runFixture = (engine: string) =>
    new Promise<{ error: string; attempts: number; elapsed: number; closeMs: number; openSockets: number }>((resolve, reject) => {
      execFile(process.execPath, ['--expose-gc', fixture, engine], { timeout: 30_000 }, (error, stdout, stderr) =>
        error && !stdout ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(JSON.parse(stdout)),
      );
    });

  it.each(['undici', 'node:http'])(
    'a retried request (a cloned Request) still ends at its deadline and is aborted, through %s',
    async (engine) => {
      const result = await runFixture(engine);
      expect(result).toMatchObject({ error: 'TimeoutError', attempts: 3 });
      expect(result.elapsed).toBeLessThan(3000 + 250);
      expect(result.closeMs).toBeLessThan(500);
      expect(result.openSockets).toBe(0);
    },
  );

  it("ends at its deadline through Node's own fetch too", async () => {
    const result = await runFixture('global fetch');
    expect(result).toMatchObject({ error: 'TimeoutError', attempts: 3 });
    expect(result.elapsed).toBeLessThan(3000 + 250);
  });
});
