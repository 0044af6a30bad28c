import { afterEach, describe, expect, it } from 'vitest';
import type { Sandbox } from '../src/index';
import { openSandbox, specIdIn } from './helpers';

let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.stop();
  sandbox = undefined;
});

/** The system error code a failed fetch carries, or the status when it was answered. */
async function attempt(url: string, init?: RequestInit): Promise<string | number> {
  try {
    return (await fetch(url, init)).status;
  } catch (error) {
    return String(((error as Error).cause as { code?: string } | undefined)?.code);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('refuse: connections refused before any request is read', () => {
  it('refuses new connections (ECONNREFUSED) while the rule is installed, idle keep-alive ones included, and records nothing', async () => {
    ({ sandbox } = await openSandbox());
    const health = `${sandbox.url}/api/dataframer/health/`;
    expect(await attempt(health)).toBe(200); // leaves an idle keep-alive connection in fetch's pool
    const before = sandbox.requests().length;
    const id = sandbox.faults.add('* * refuse ms=60000');
    expect(await attempt(health)).toBe('ECONNREFUSED');
    expect(await attempt(`${sandbox.url}/__sandbox/state`)).toBe('ECONNREFUSED');
    expect(sandbox.requests().length).toBe(before);
    expect(sandbox.faults.counts().refuse).toBe(1);
    expect(sandbox.faults.list()).toMatchObject([{ id, kind: 'refuse', method: '*', path: '*', injected: 1 }]);
    // Removing the rule ends the refusal: the same port listens again.
    sandbox.faults.remove(id);
    await sleep(50);
    expect(await attempt(health)).toBe(200);
  });

  it('ends by itself after ms, removing its rule', async () => {
    ({ sandbox } = await openSandbox({ faults: ['* * refuse ms=150'] }));
    expect(await attempt(`${sandbox.url}/api/dataframer/health/`)).toBe('ECONNREFUSED');
    await sleep(400);
    expect(await attempt(`${sandbox.url}/api/dataframer/health/`)).toBe(200);
    expect(sandbox.faults.list()).toEqual([]);
    expect(sandbox.faults.counts().refuse).toBe(1);
  });

  it('lets a create repeat safely: refused attempts reach nothing, the repeat makes exactly one run', async () => {
    const opened = await openSandbox();
    sandbox = opened.sandbox;
    const specId = await specIdIn(opened.api, 'SUCCEEDED');
    const before = sandbox.runs('acme').length;
    sandbox.faults.add('* * refuse ms=300');
    const outcomes: Array<string | number> = [];
    const started = Date.now();
    // What a client may do after a refused connection: repeat the create (a key is not even needed).
    while (Date.now() - started < 5000) {
      const outcome = await attempt(`${sandbox.url}/api/dataframer/runs/`, {
        method: 'POST',
        headers: { authorization: `Bearer ${sandbox.keys.acme}`, 'content-type': 'application/json' },
        body: JSON.stringify({ spec_id: specId, number_of_samples: 5 }),
      });
      outcomes.push(outcome);
      if (outcome !== 'ECONNREFUSED') break;
      await sleep(100);
    }
    expect(outcomes[0]).toBe('ECONNREFUSED');
    expect(outcomes.at(-1)).toBe(201);
    expect(outcomes.slice(0, -1).every((o) => o === 'ECONNREFUSED')).toBe(true);
    expect(sandbox.runs('acme').length).toBe(before + 1);
    expect(sandbox.requests().filter((r) => r.method === 'POST' && r.path === '/api/dataframer/runs/')).toHaveLength(1);
  });

  it('lets an answer in flight finish, closing its connection', async () => {
    ({ sandbox } = await openSandbox({ faults: ['GET /runs/ latency ms=300'] }));
    const pending = fetch(`${sandbox.url}/api/dataframer/runs/`, { headers: { authorization: `Bearer ${sandbox.keys.acme}` } });
    await sleep(100);
    sandbox.faults.add('* * refuse ms=60000');
    const answered = await pending;
    expect(answered.status).toBe(200);
    expect(answered.headers.get('connection')).toBe('close');
    expect(await attempt(`${sandbox.url}/api/dataframer/health/`)).toBe('ECONNREFUSED');
  });

  it('is installed over the admin API too, and stop() ends it at once', async () => {
    ({ sandbox } = await openSandbox());
    const added = await fetch(`${sandbox.url}/__sandbox/faults`, { method: 'POST', body: JSON.stringify('* * refuse ms=60000') });
    expect(added.status).toBe(201);
    expect(await attempt(`${sandbox.url}/api/dataframer/health/`)).toBe('ECONNREFUSED');
    const stopping = Date.now();
    await sandbox.stop();
    expect(Date.now() - stopping).toBeLessThan(1000);
    await sleep(50);
    expect(await attempt(`${sandbox.url}/api/dataframer/health/`)).toBe('ECONNREFUSED');
  });

  it('takes no method, path, p or nth', () => {
    return openSandbox().then(({ sandbox: s }) => {
      sandbox = s;
      for (const spec of ['POST /runs/ refuse', 'GET * refuse', '* /runs/ refuse', '* * refuse p=0.5', '* * refuse nth=1']) {
        expect(() => s.faults.add(spec), spec).toThrow(/refuse acts before any request is read/);
      }
      expect(() => s.faults.add('* * refuse ms=-1')).toThrow(/ms must be/);
      expect(s.faults.list()).toEqual([]);
    });
  });
});
