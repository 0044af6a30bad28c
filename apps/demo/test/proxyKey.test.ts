import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { serveDemo } from '../scripts/serveDemo.mjs';

const KEY = 'sk_test_FAKE0000000000000000';

/** Every request the stand-in for Dataframer received, with the credentials it carried. */
const received: Array<{ path: string | undefined; authorization: string | undefined }> = [];
const started: Array<{ close(): Promise<void> }> = [];
let upstream: Server;
let port: number;

beforeAll(async () => {
  upstream = createServer((req, res) => {
    received.push({ path: req.url, authorization: req.headers.authorization });
    res.writeHead(200, { 'content-type': 'application/json' }).end('[]');
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  port = (upstream.address() as AddressInfo).port;
});

afterEach(async () => {
  for (const server of started.splice(0)) await server.close();
  received.length = 0;
});

afterAll(async () => {
  await new Promise((resolve) => upstream.close(resolve));
});

/** Serves the dashboard in front of `baseUrl` with the key; the error when it does not start. */
async function start(baseUrl: string): Promise<{ url?: string; error?: Error }> {
  try {
    const server = await serveDemo({ baseUrl, apiKey: KEY });
    started.push(server);
    return { url: server.url };
  } catch (error) {
    return { error: error as Error };
  }
}

/** Starts the dashboard and, when it starts, asks its proxy for the runs list as the page does. */
async function listRunsThrough(baseUrl: string): Promise<{ status?: number; error?: Error }> {
  const { url, error } = await start(baseUrl);
  if (!url) return { ...(error && { error }) };
  const answer = await fetch(`${url}/api/dataframer/runs/`);
  await answer.arrayBuffer();
  return { status: answer.status };
}

describe("the dashboard's proxy and where the key may go", () => {
  it('forwards with the key to a loopback server given in either documented form', async () => {
    const forms = [`http://127.0.0.1:${port}`, `http://127.0.0.1:${port}/api/dataframer/`];
    for (const form of forms) expect(await listRunsThrough(form), form).toEqual({ status: 200 });
    expect(received).toEqual(forms.map(() => ({ path: '/api/dataframer/runs/', authorization: `Bearer ${KEY}` })));
  });

  it('does not start with a plain-http base URL beyond this machine, so the key never leaves', async () => {
    // 0.0.0.0 is not loopback by name, yet a connection to it stays on this machine: it reaches the listener above.
    const forms = [`http://0.0.0.0:${port}`, `http://0.0.0.0:${port}/api/dataframer`];
    const outcomes = [];
    for (const form of forms) outcomes.push(await listRunsThrough(form));
    expect(received).toEqual([]);
    for (const [i, { status, error }] of outcomes.entries()) {
      expect(status, forms[i]).toBeUndefined();
      expect(error?.message, forms[i]).toMatch(new RegExp(`plain http to 0\\.0\\.0\\.0:${port}\\b.*use https`));
      expect(error?.message, forms[i]).not.toContain(KEY);
    }
  });

  it('refuses a plain-http name elsewhere before anything is looked up or sent', async () => {
    // Nothing is requested through it, even if it started: the name is never resolved from this machine.
    const { url, error } = await start('http://example.invalid');
    expect(url).toBeUndefined();
    expect(error?.message).toMatch(/plain http to example\.invalid\b.*use https \(plain http only to localhost/);
  });
});
