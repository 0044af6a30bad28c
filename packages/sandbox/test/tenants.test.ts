import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../src/index';
import { createApi } from './api';
import { openSandbox, specIdIn } from './helpers';

let sandbox: Sandbox;
let acme: ReturnType<typeof createApi>;
let globex: ReturnType<typeof createApi>;
beforeAll(async () => {
  const opened = await openSandbox({
    seed: 21,
    tenants: [{ id: 'initech', name: 'Initech', keys: ['sk_test_sandbox_initech_one', 'sk_test_sandbox_initech_two'] }],
  });
  sandbox = opened.sandbox;
  acme = opened.api;
  globex = createApi(sandbox.url, sandbox.keys.globex);
});
afterAll(() => sandbox.stop());

describe('auth', () => {
  it('answers 401 with a detail for a missing or unknown key', async () => {
    const missing = await acme('GET', '/runs/', { key: null });
    expect(missing.status).toBe(401);
    expect(missing.body).toEqual({ detail: 'Authentication credentials were not provided.' });
    const unknown = await acme('GET', '/runs/', { key: 'sk_test_sandbox_nobody' });
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual({ detail: 'Invalid token.' });
    const notBearer = await fetch(`${sandbox.url}/api/dataframer/runs/`, { headers: { authorization: `Basic ${sandbox.keys.acme}` } });
    expect(notBearer.status).toBe(401);
    expect(notBearer.headers.get('x-request-id')).toMatch(/^req_/);
  });

  it('serves health without a key', async () => {
    const health = await acme('GET', '/health/', { key: null });
    expect(health.status).toBe(200);
    expect(health.body.status).toBe('ok');
  });

  it('ships obviously fake demo keys', () => {
    expect(sandbox.keys).toEqual({ acme: 'sk_test_sandbox_acme_demo', globex: 'sk_test_sandbox_globex_demo' });
    for (const key of Object.values(sandbox.keys)) expect(key).not.toMatch(/^sk_live_/);
  });
});

describe('tenants', () => {
  it('keeps each company to its own runs and specs', async () => {
    const acmeRuns = (await acme('GET', '/runs/')).body as Array<{ id: string }>;
    const globexRuns = (await globex('GET', '/runs/')).body as Array<{ id: string }>;
    expect(acmeRuns.length).toBeGreaterThan(0);
    expect(globexRuns.length).toBeGreaterThan(0);
    const acmeIds = new Set(acmeRuns.map((r) => r.id));
    expect(globexRuns.some((r) => acmeIds.has(r.id))).toBe(false);
    const acmeSpecs = (await acme('GET', '/specs/')).body as Array<{ id: string; company_id: string }>;
    expect(acmeSpecs.every((s) => s.company_id === 'acme')).toBe(true);
  });

  it("answers 404 for another company's run and spec ids, and touches nothing", async () => {
    const acmeRun = ((await acme('GET', '/runs/')).body as Array<{ id: string; status: string }>).find((r) => r.status === 'PROCESSING');
    const id = acmeRun?.id as string;
    expect((await globex('GET', `/runs/${id}/`)).status).toBe(404);
    expect((await globex('GET', `/runs/${id}/samples/`)).status).toBe(404);
    expect((await globex('GET', `/runs/${id}/files/download/`)).status).toBe(404);
    const cancel = await globex('POST', `/runs/${id}/cancel/`);
    expect(cancel.status).toBe(404);
    expect(cancel.body).toEqual({ detail: 'Not found.' });
    expect((await globex('DELETE', `/runs/${id}/`)).status).toBe(404);
    expect((await acme('GET', `/runs/${id}/`)).body.status).toBe('PROCESSING');
    const acmeSpec = await specIdIn(acme, 'SUCCEEDED');
    expect((await globex('GET', `/specs/${acmeSpec}/`)).status).toBe(404);
    const create = await globex('POST', '/runs/', { body: { spec_id: acmeSpec, number_of_samples: 5 } });
    expect(create.status).toBe(400);
    expect(create.body.detail).toMatch(/not found/);
  });

  it('accepts extra tenants and keys from options', async () => {
    const one = createApi(sandbox.url, 'sk_test_sandbox_initech_one');
    const two = createApi(sandbox.url, 'sk_test_sandbox_initech_two');
    const specId = await specIdIn(one, 'SUCCEEDED');
    const { body } = await one('POST', '/runs/', { body: { spec_id: specId, number_of_samples: 3 } });
    expect((await two('GET', `/runs/${body.id}/`)).status).toBe(200);
    expect((await acme('GET', `/runs/${body.id}/`)).status).toBe(404);
    expect(sandbox.runs('initech').some((r) => r.id === body.id)).toBe(true);
    expect(sandbox.runs('sk_test_sandbox_initech_two').some((r) => r.id === body.id)).toBe(true);
    expect(sandbox.runs('acme').some((r) => r.id === body.id)).toBe(false);
  });
});

describe('idempotency', () => {
  it('returns the same run for a repeated key and body, and creates nothing new', async () => {
    const specId = await specIdIn(acme, 'SUCCEEDED');
    const body = { spec_id: specId, number_of_samples: 12 };
    const headers = { 'Idempotency-Key': 'order-7731' };
    const first = await acme('POST', '/runs/', { body, headers });
    const count = sandbox.runs('acme').length;
    const second = await acme('POST', '/runs/', { body: { number_of_samples: 12, spec_id: specId }, headers });
    expect(second.status).toBe(first.status);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(sandbox.runs('acme').length).toBe(count);
    expect(sandbox.runs('acme').filter((r) => r.idempotencyKey === 'order-7731')).toHaveLength(1);
  });

  it('answers 422 for the same key with a different body', async () => {
    const specId = await specIdIn(acme, 'SUCCEEDED');
    const headers = { 'Idempotency-Key': 'order-8842' };
    await acme('POST', '/runs/', { body: { spec_id: specId, number_of_samples: 12 }, headers });
    const count = sandbox.runs('acme').length;
    const clash = await acme('POST', '/runs/', { body: { spec_id: specId, number_of_samples: 13 }, headers });
    expect(clash.status).toBe(422);
    expect(clash.body.detail).toMatch(/different request body/);
    expect(sandbox.runs('acme').length).toBe(count);
  });

  it('scopes keys to a company, and creates twice without a key', async () => {
    const headers = { 'Idempotency-Key': 'shared-key' };
    const a = await acme('POST', '/runs/', { body: { spec_id: await specIdIn(acme, 'SUCCEEDED'), number_of_samples: 4 }, headers });
    const g = await globex('POST', '/runs/', { body: { spec_id: await specIdIn(globex, 'SUCCEEDED'), number_of_samples: 4 }, headers });
    expect(a.body.id).not.toBe(g.body.id);
    const specId = await specIdIn(acme, 'SUCCEEDED');
    const x = await acme('POST', '/runs/', { body: { spec_id: specId, number_of_samples: 4 } });
    const y = await acme('POST', '/runs/', { body: { spec_id: specId, number_of_samples: 4 } });
    expect(x.body.id).not.toBe(y.body.id);
  });

  it('does not remember failed creates, so a corrected retry with the same key succeeds', async () => {
    const specId = await specIdIn(acme, 'SUCCEEDED');
    const headers = { 'Idempotency-Key': 'order-9000' };
    const bad = await acme('POST', '/runs/', { body: { spec_id: specId, number_of_samples: 0 }, headers, invalidRequest: true });
    expect(bad.status).toBe(400);
    const good = await acme('POST', '/runs/', { body: { spec_id: specId, number_of_samples: 1 }, headers });
    expect(good.status).toBe(201);
  });
});
