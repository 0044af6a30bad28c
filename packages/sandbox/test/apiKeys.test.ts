import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../src/index';
import { API_KEY_ROTATE_PATH, KEY_ROTATION_LIMIT } from '../src/internal/rules';
import { checkExchange } from './contract';
import { manualClock, openSandbox } from './helpers';

let sandbox: Sandbox;
const clock = manualClock();
beforeAll(async () => {
  ({ sandbox } = await openSandbox({ seed: 41, now: clock.now }));
});
// A reset gives the demo keys back and forgets the rotations counted.
afterEach(() => {
  sandbox.control.reset();
  sandbox.faults.clear();
});
afterAll(() => sandbox.stop());

/** Rotates `key`, the exchange checked against the contract. */
async function rotate(key: string | null, options: { allowStatuses?: number[] } = {}) {
  const url = `${sandbox.url}${API_KEY_ROTATE_PATH}`;
  const requestHeaders: Record<string, string> = key === null ? {} : { authorization: `Bearer ${key}` };
  const response = await fetch(url, { method: 'POST', headers: requestHeaders });
  const body = (await response.json()) as Record<string, any>;
  checkExchange({ method: 'POST', url, requestHeaders, status: response.status, responseBody: body }, options);
  return { status: response.status, headers: response.headers, body };
}

/** The status of listing runs with `key`. */
async function runsStatus(key: string): Promise<number> {
  return (await fetch(`${sandbox.url}/api/dataframer/runs/`, { headers: { authorization: `Bearer ${key}` } })).status;
}

async function runIds(key: string): Promise<string[]> {
  const response = await fetch(`${sandbox.url}/api/dataframer/runs/`, { headers: { authorization: `Bearer ${key}` } });
  return ((await response.json()) as Array<{ id: string }>).map((r) => r.id);
}

describe('POST /api/users/api-key/rotate', () => {
  it('revokes the presented key at once and answers a new one that acts for the same company', async () => {
    const before = await runIds(sandbox.keys.acme);
    const rotated = await rotate(sandbox.keys.acme);
    expect(rotated.status).toBe(200);
    const { api_key: key, masked_key: masked, expires_at: expires } = rotated.body;
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(masked).toBe(`${key.slice(0, 4)}****${key.slice(-4)}`);
    expect(expires).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}\+00:00$/);
    expect(Date.parse(expires)).toBeGreaterThan(clock.now());

    expect(await runsStatus(sandbox.keys.acme)).toBe(401);
    expect(await runIds(key)).toEqual(before);
    expect(sandbox.runs(key).map((r) => r.company)).toContain('acme');
    // The other company's key is untouched.
    expect(await runsStatus(sandbox.keys.globex)).toBe(200);
    // Neither key appears in what the sandbox records of its requests.
    const records = JSON.stringify(sandbox.requests());
    expect(records).not.toContain(key);
    expect(records).not.toContain(sandbox.keys.acme);
  });

  it('needs a valid key, and a refused attempt is not counted', async () => {
    for (let i = 0; i <= KEY_ROTATION_LIMIT.requests; i++) {
      const missing = await rotate(null);
      expect(missing.status).toBe(401);
      expect(missing.body).toEqual({ detail: 'Authentication credentials were not provided.' });
      expect((await rotate('sk_test_sandbox_nobody')).body).toEqual({ detail: 'Invalid token.' });
    }
    expect((await rotate(sandbox.keys.acme)).status).toBe(200);
  });

  it(`allows ${KEY_ROTATION_LIMIT.requests} rotations per client address in an hour, then 429 with Retry-After`, async () => {
    let key: string = sandbox.keys.acme;
    for (let i = 0; i < KEY_ROTATION_LIMIT.requests; i++) {
      const rotated = await rotate(key);
      expect(rotated.status, `rotation ${i + 1}`).toBe(200);
      key = rotated.body.api_key;
    }
    clock.advance(60_000);
    const limited = await rotate(key);
    expect(limited.status).toBe(429);
    const wait = (KEY_ROTATION_LIMIT.windowMs - 60_000) / 1000;
    expect(limited.headers.get('retry-after')).toBe(String(wait));
    expect(limited.body).toEqual({ detail: `Request was throttled. Expected available in ${wait} seconds.` });
    // The refused rotation left the key as it was; once the hour has passed, it may rotate again.
    expect(await runsStatus(key)).toBe(200);
    expect((await rotate(sandbox.keys.globex)).status).toBe(429);
    clock.advance(wait * 1000);
    expect((await rotate(key)).status).toBe(200);
  });

  it('rotates and then drops the answer under a drop-after-act fault: the old key is revoked all the same', async () => {
    sandbox.faults.add(`POST ${API_KEY_ROTATE_PATH} drop-after-act`);
    const dropped = await fetch(`${sandbox.url}${API_KEY_ROTATE_PATH}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${sandbox.keys.acme}` },
    }).catch((error: unknown) => error);
    expect(dropped).toBeInstanceOf(Error);
    expect(await runsStatus(sandbox.keys.acme)).toBe(401);
    const record = sandbox.requests().find((r) => r.path === API_KEY_ROTATE_PATH && r.fault === 'drop-after-act');
    expect(record).toMatchObject({ status: 200, delivered: false, company: 'acme' });
  });

  it('takes the other faults by its full path, and no others', async () => {
    sandbox.faults.add(`POST ${API_KEY_ROTATE_PATH} server-error nth=1`);
    sandbox.faults.add('POST /runs/ rate-limit');
    const failed = await rotate(sandbox.keys.acme);
    expect(failed.status).toBe(500);
    expect(await runsStatus(sandbox.keys.acme)).toBe(200);
    expect((await rotate(sandbox.keys.acme)).status).toBe(200);
  });

  it('is served at that path only: no trailing slash, POST only', async () => {
    const slash = await fetch(`${sandbox.url}${API_KEY_ROTATE_PATH}/`, {
      method: 'POST',
      headers: { authorization: `Bearer ${sandbox.keys.acme}` },
    });
    expect(slash.status).toBe(404);
    const get = await fetch(`${sandbox.url}${API_KEY_ROTATE_PATH}`, { headers: { authorization: `Bearer ${sandbox.keys.acme}` } });
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    expect(await runsStatus(sandbox.keys.acme)).toBe(200);
  });
});
