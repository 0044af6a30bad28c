import { afterEach, describe, expect, it } from 'vitest';
import type { Sandbox } from '../src/index';
import { openSandbox, specIdIn } from './helpers';

let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.stop();
  sandbox = undefined;
});

/** Faults break the contract on purpose, so these calls use plain fetch rather than the contract-checked client. */
function raw(s: Sandbox, method: string, path: string, init: { body?: unknown; headers?: Record<string, string> } = {}) {
  return fetch(`${s.url}/api/dataframer${path}`, {
    method,
    headers: { authorization: `Bearer ${s.keys.acme}`, 'content-type': 'application/json', ...init.headers },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}

describe('fault injection', () => {
  it('adds latency', async () => {
    const opened = await openSandbox({ faults: ['GET /runs/ latency ms=300'] });
    sandbox = opened.sandbox;
    const started = performance.now();
    const r = await raw(sandbox, 'GET', '/runs/');
    expect(r.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    expect(sandbox.faults.counts().latency).toBe(1);
  });

  it('still acts on a delayed create after its client gave up, as a slow server would', async () => {
    const opened = await openSandbox({ faults: ['POST /runs/ latency ms=400'] });
    sandbox = opened.sandbox;
    const specId = await specIdIn(opened.api, 'SUCCEEDED');
    const gaveUp = await fetch(`${sandbox.url}/api/dataframer/runs/`, {
      method: 'POST',
      headers: { authorization: `Bearer ${sandbox.keys.acme}`, 'content-type': 'application/json', 'idempotency-key': 'slow-1' },
      body: JSON.stringify({ spec_id: specId, number_of_samples: 5 }),
      signal: AbortSignal.timeout(100),
    }).catch((e: unknown) => e);
    expect(gaveUp).toBeInstanceOf(Error);
    const end = Date.now() + 3000;
    while (Date.now() < end && sandbox.requests().some((r) => r.status === null && r.delivered))
      await new Promise((r) => setTimeout(r, 20));
    expect(sandbox.requests().at(-1)?.status).toBe(201);
    expect(sandbox.runs('acme').filter((r) => r.idempotencyKey === 'slow-1')).toHaveLength(1);
  });

  it('answers 429 with Retry-After, and 5xx with optional Retry-After, without acting', async () => {
    const opened = await openSandbox();
    sandbox = opened.sandbox;
    const specId = await specIdIn(opened.api, 'SUCCEEDED');
    const before = sandbox.runs('acme').length;
    sandbox.faults.add({ method: 'POST', path: '/runs/', kind: 'rate-limit', retryAfter: 2, nth: [1] });
    sandbox.faults.add('POST /runs/ server-error status=503 retry-after=3 nth=2');
    sandbox.faults.add('POST /runs/ server-error status=502 nth=3');
    sandbox.faults.add('POST /runs/ server-error nth=4');
    const body = { spec_id: specId, number_of_samples: 5 };
    const r1 = await raw(sandbox, 'POST', '/runs/', { body });
    expect(r1.status).toBe(429);
    expect(r1.headers.get('retry-after')).toBe('2');
    expect(await r1.json()).toHaveProperty('detail');
    const r2 = await raw(sandbox, 'POST', '/runs/', { body });
    expect(r2.status).toBe(503);
    expect(r2.headers.get('retry-after')).toBe('3');
    const r3 = await raw(sandbox, 'POST', '/runs/', { body });
    expect(r3.status).toBe(502);
    expect(r3.headers.get('retry-after')).toBeNull();
    const r4 = await raw(sandbox, 'POST', '/runs/', { body });
    expect(r4.status).toBe(500);
    expect(r4.headers.get('x-request-id')).toMatch(/^req_/);
    expect(sandbox.runs('acme').length).toBe(before);
    const r5 = await raw(sandbox, 'POST', '/runs/', { body });
    expect(r5.status).toBe(201);
    expect(sandbox.runs('acme').length).toBe(before + 1);
    expect(sandbox.faults.counts()).toMatchObject({ 'rate-limit': 1, 'server-error': 3 });
  });

  it('resets the connection before acting: fetch rejects and nothing is created', async () => {
    const opened = await openSandbox({ faults: ['POST /runs/ reset nth=1'] });
    sandbox = opened.sandbox;
    const specId = await specIdIn(opened.api, 'SUCCEEDED');
    const before = sandbox.runs('acme').length;
    await expect(
      raw(sandbox, 'POST', '/runs/', { body: { spec_id: specId, number_of_samples: 5 }, headers: { 'Idempotency-Key': 'k-reset' } }),
    ).rejects.toThrow();
    expect(sandbox.runs('acme').length).toBe(before);
    expect(sandbox.faults.counts().reset).toBe(1);
    const record = sandbox.requests().find((r) => r.idempotencyKey === 'k-reset');
    expect(record).toMatchObject({ fault: 'reset', delivered: false, status: null });
    // The server keeps serving afterwards.
    expect((await raw(sandbox, 'GET', '/runs/')).status).toBe(200);
  });

  it('drops the response after acting: fetch rejects, yet the run exists in the records with its idempotency key', async () => {
    const opened = await openSandbox({ faults: ['POST /runs/ drop-after-act nth=1'] });
    sandbox = opened.sandbox;
    const specId = await specIdIn(opened.api, 'SUCCEEDED');
    const body = { spec_id: specId, number_of_samples: 5 };
    await expect(raw(sandbox, 'POST', '/runs/', { body, headers: { 'Idempotency-Key': 'k-drop' } })).rejects.toThrow();
    const created = sandbox.runs(sandbox.keys.acme).filter((r) => r.idempotencyKey === 'k-drop');
    expect(created).toHaveLength(1);
    const record = sandbox.requests().find((r) => r.idempotencyKey === 'k-drop');
    expect(record).toMatchObject({ fault: 'drop-after-act', delivered: false, status: 201 });
    // A retry with the same key finds the run the client never heard about.
    const retry = await raw(sandbox, 'POST', '/runs/', { body, headers: { 'Idempotency-Key': 'k-drop' } });
    expect(retry.status).toBe(201);
    expect(((await retry.json()) as { id: string }).id).toBe(created[0]?.id);
    expect(sandbox.faults.counts()['drop-after-act']).toBe(1);
  });

  it('sends a malformed JSON body after acting', async () => {
    const opened = await openSandbox({ faults: ['POST /runs/ malformed-json'] });
    sandbox = opened.sandbox;
    const specId = await specIdIn(opened.api, 'SUCCEEDED');
    const before = sandbox.runs('acme').length;
    const r = await raw(sandbox, 'POST', '/runs/', { body: { spec_id: specId, number_of_samples: 5 } });
    expect(r.status).toBe(201);
    expect(r.headers.get('content-type')).toMatch(/application\/json/);
    await expect(r.json()).rejects.toThrow(SyntaxError);
    expect(sandbox.runs('acme').length).toBe(before + 1);
  });

  it('puts an unknown status value into runs', async () => {
    const opened = await openSandbox({ faults: ['GET * unknown-status'] });
    sandbox = opened.sandbox;
    const list = (await (await raw(sandbox, 'GET', '/runs/')).json()) as Array<{ id: string; status: string }>;
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((r) => r.status === 'QUEUED_FOR_GPU')).toBe(true);
    sandbox.faults.clear();
    sandbox.faults.add({ method: 'GET', path: '/runs/{id}/', kind: 'unknown-status', value: 'RUNNING' });
    const one = (await (await raw(sandbox, 'GET', `/runs/${list[0]?.id}/`)).json()) as { status: string };
    expect(one.status).toBe('RUNNING');
    // Specs are not runs: untouched.
    const specs = (await (await raw(sandbox, 'GET', '/specs/')).json()) as Array<{ status: string }>;
    expect(specs.some((s) => s.status === 'QUEUED_FOR_GPU')).toBe(false);
    expect(sandbox.faults.counts()['unknown-status']).toBe(2);
  });

  it('adds an unknown field to objects', async () => {
    const opened = await openSandbox({ faults: ['GET /runs/ extra-field field=gpu_queue_position', 'GET /runs/*/ extra-field'] });
    sandbox = opened.sandbox;
    const list = (await (await raw(sandbox, 'GET', '/runs/')).json()) as Array<Record<string, unknown>>;
    expect(list.every((r) => 'gpu_queue_position' in r)).toBe(true);
    const one = await (await raw(sandbox, 'GET', `/runs/${list[0]?.id}/`)).json();
    expect(one).toHaveProperty('x_sandbox_extra');
    expect(one).toHaveProperty('status');
    expect(sandbox.faults.counts()['extra-field']).toBe(2);
  });

  it('fires by exact sequence of matching requests', async () => {
    const opened = await openSandbox({ faults: [{ method: 'GET', path: '/runs/', kind: 'server-error', nth: [1, 3] }] });
    sandbox = opened.sandbox;
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await raw(sandbox, 'GET', '/runs/')).status);
    // Other routes do not count as matching requests.
    await raw(sandbox, 'GET', '/specs/');
    statuses.push((await raw(sandbox, 'GET', '/runs/')).status);
    expect(statuses).toEqual([500, 200, 500, 200, 200]);
    expect(sandbox.faults.list()[0]).toMatchObject({ matched: 5, injected: 2 });
  });

  it('fires by seeded probability, the same way for the same seed', async () => {
    const pattern = async (seed: number): Promise<number[]> => {
      const opened = await openSandbox({ seed, faults: ['GET /models/ server-error p=0.5'] });
      const out: number[] = [];
      for (let i = 0; i < 24; i++) out.push((await raw(opened.sandbox, 'GET', '/models/')).status);
      await opened.sandbox.stop();
      return out;
    };
    const a = await pattern(42);
    const b = await pattern(42);
    expect(a).toEqual(b);
    const failures = a.filter((s) => s === 500).length;
    expect(failures).toBeGreaterThan(2);
    expect(failures).toBeLessThan(22);
  });

  it('is controlled over the admin HTTP API', async () => {
    const opened = await openSandbox();
    sandbox = opened.sandbox;
    const admin = `${sandbox.url}/__sandbox`;
    const added = await fetch(`${admin}/faults`, {
      method: 'POST',
      body: JSON.stringify(['GET /runs/ rate-limit retry-after=7', { spec: 'GET /specs/ server-error status=503' }]),
    });
    expect(added.status).toBe(201);
    const { ids } = (await added.json()) as { ids: string[] };
    expect(ids).toHaveLength(2);
    expect((await raw(sandbox, 'GET', '/runs/')).status).toBe(429);
    expect((await raw(sandbox, 'GET', '/specs/')).status).toBe(503);
    const bad = await fetch(`${admin}/faults`, { method: 'POST', body: JSON.stringify({ kind: 'explode' }) });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { detail: string }).detail).toMatch(/kind must be one of/);
    const state = (await (await fetch(`${admin}/state`)).json()) as Record<string, any>;
    expect(state.fault_counts).toMatchObject({ 'rate-limit': 1, 'server-error': 1 });
    expect(state.faults).toHaveLength(2);
    expect(state.requests.length).toBeGreaterThanOrEqual(2);
    expect(state.runs.length).toBeGreaterThan(0);
    expect((await fetch(`${admin}/faults/${ids[0]}`, { method: 'DELETE' })).status).toBe(204);
    expect((await raw(sandbox, 'GET', '/runs/')).status).toBe(200);
    expect((await fetch(`${admin}/faults`, { method: 'DELETE' })).status).toBe(204);
    expect((await raw(sandbox, 'GET', '/specs/')).status).toBe(200);
    const listed = (await (await fetch(`${admin}/faults`)).json()) as { faults: unknown[]; counts: Record<string, number> };
    expect(listed.faults).toEqual([]);
    expect(listed.counts['server-error']).toBe(1);
    expect((await fetch(`${admin}/fault-counts/reset`, { method: 'POST' })).status).toBe(204);
    expect(sandbox.faults.counts()['server-error']).toBe(0);
  });

  it('rejects bad fault specs', async () => {
    const opened = await openSandbox();
    sandbox = opened.sandbox;
    expect(() => sandbox?.faults.add('POST /runs/')).toThrow(/METHOD PATH KIND/);
    expect(() => sandbox?.faults.add('POST /runs/ server-error status=418')).toThrow(/500, 502 or 503/);
    expect(() => sandbox?.faults.add('POST /runs/ reset p=0.5 nth=1')).toThrow(/either p or nth/);
    expect(() => sandbox?.faults.add('POST /runs/ reset when=now')).toThrow(/unknown option/);
  });
});
