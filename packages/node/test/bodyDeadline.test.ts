import { execFile } from 'node:child_process';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { ConnectionError, createClient, TimeoutError } from '../src/index';

const KEY = 'sk_test_FAKE_body_deadline_0000';
const DEADLINE_MS = 600;
// Scheduling on a shared machine, not the client: the bound a user would notice is far above this.
const SLACK_MS = 250;

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

/** A server on loopback that answers every request with `answer`. */
async function serve(answer: (res: ServerResponse) => void): Promise<string> {
  server = createServer((_req, res) => answer(res));
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** How a call ended and how long it took. */
async function timed(call: Promise<unknown>): Promise<{ error: unknown; elapsed: number }> {
  const started = performance.now();
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  return { error, elapsed: performance.now() - started };
}

describe("the deadline bounds reading an answer's body", () => {
  it('a body that stalls half-way ends at the deadline with a TimeoutError', async () => {
    const baseUrl = await serve((res) =>
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' }).write('[{"id":'),
    );
    const client = createClient({ apiKey: KEY, baseUrl, env: {} });
    const { error, elapsed } = await timed(client.runs.list({ timeoutMs: DEADLINE_MS }));
    await client.close();
    expect(error).toBeInstanceOf(TimeoutError);
    expect(elapsed).toBeGreaterThanOrEqual(DEADLINE_MS - 5);
    expect(elapsed).toBeLessThan(DEADLINE_MS + SLACK_MS);
  });

  it('a body cut off half-way is a connection failure that says the answer broke off, not retried once the headers came', async () => {
    let requests = 0;
    const baseUrl = await serve((res) => {
      requests++;
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' }).write('[{"id":', () => res.destroy());
    });
    const client = createClient({ apiKey: KEY, baseUrl, env: {} });
    const { error } = await timed(client.runs.list({ timeoutMs: 5000 }));
    await client.close();
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toContain('the answer broke off half-way');
    expect(requests).toBe(1);
  });

  const fixture = fileURLToPath(new URL('./fixtures/deadline-after-gc.mjs', import.meta.url));
  it.each(['undici', 'node:http'])('a stalled body still ends at the deadline after garbage collection, through %s', async (engine) => {
    const result = await new Promise<{ error: string; elapsed: number; openSockets: number }>((resolve, reject) => {
      execFile(process.execPath, ['--expose-gc', fixture, engine, 'body'], { timeout: 30_000 }, (error, stdout, stderr) =>
        error && !stdout ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(JSON.parse(stdout)),
      );
    });
    expect(result.error).toBe('TimeoutError');
    expect(result.elapsed).toBeLessThan(3000 + SLACK_MS);
    expect(result.openSockets).toBe(0);
  });
});
