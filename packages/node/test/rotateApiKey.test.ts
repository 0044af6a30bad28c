import { afterEach, describe, expect, it } from 'vitest';
import { createClient, type NodeClientOptions } from '../src/index';
import { sendJson, startServer } from './server';

const OLD_KEY = 'sk_test_FAKE_node_rotation_0000';
// Shaped like the docs' example: 64 lowercase hex characters, no `sk_` prefix.
const NEW_KEY = 'deadbeef'.repeat(8);
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (closers.length > 0) await closers.pop()!();
});

/** A server that takes one key at a time and hands out NEW_KEY on rotation. */
async function rotatingServer() {
  let current = OLD_KEY;
  const s = await startServer((req, res) => {
    if (req.headers.authorization !== `Bearer ${current}`) return sendJson(res, 401, { detail: 'Invalid API key.' });
    if (req.url !== '/api/users/api-key/rotate') return sendJson(res, 200, []);
    current = NEW_KEY;
    return sendJson(res, 200, { api_key: NEW_KEY, masked_key: 'dead****beef', expires_at: '2027-02-19T01:24:05.000000+00:00' });
  });
  closers.push(s.close);
  return s;
}

describe('apiKeys.rotate in Node', () => {
  it.each<[string, (url: string) => NodeClientOptions]>([
    ['the apiKey option', (url) => ({ apiKey: OLD_KEY, baseUrl: url, env: { DATAFRAMER_API_KEY: OLD_KEY } })],
    ['DATAFRAMER_API_KEY', (url) => ({ env: { DATAFRAMER_API_KEY: OLD_KEY, DATAFRAMER_BASE_URL: url } })],
  ])('the key it hands out wins over %s for the rest of the client’s life', async (_source, options) => {
    const s = await rotatingServer();
    const client = createClient(options(s.url));
    closers.push(client.close);
    const { api_key } = await client.apiKeys.rotate();
    await client.runs.list();
    await client.runs.list();
    expect(api_key).toBe(NEW_KEY);
    expect(s.seen.map((r) => `${r.method} ${r.url} ${r.headers.authorization}`)).toEqual([
      `POST /api/users/api-key/rotate Bearer ${OLD_KEY}`,
      `GET /api/dataframer/runs/ Bearer ${NEW_KEY}`,
      `GET /api/dataframer/runs/ Bearer ${NEW_KEY}`,
    ]);
  });

  it('reaches the rotation path from a base URL given in its /api/dataframer form too', async () => {
    const s = await rotatingServer();
    const client = createClient({ apiKey: OLD_KEY, baseUrl: `${s.url}/api/dataframer`, env: {} });
    closers.push(client.close);
    await client.apiKeys.rotate();
    expect(s.seen.map((r) => r.url)).toEqual(['/api/users/api-key/rotate']);
  });

  it('another client of the same key keeps sending the old one: the switch belongs to the client that rotated', async () => {
    const s = await rotatingServer();
    const rotating = createClient({ apiKey: OLD_KEY, baseUrl: s.url, env: {} });
    const other = createClient({ apiKey: OLD_KEY, baseUrl: s.url, env: {} });
    closers.push(rotating.close, other.close);
    await rotating.apiKeys.rotate();
    await expect(other.runs.list()).rejects.toThrow('401 Unauthorized');
    expect(s.seen.at(-1)?.headers.authorization).toBe(`Bearer ${OLD_KEY}`);
  });
});
