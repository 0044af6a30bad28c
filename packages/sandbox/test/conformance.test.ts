import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../src/index';
import { createApi } from './api';
import { SILENT_CASE_STATUSES, checkExchange, checked } from './contract';
import { manualClock, openSandbox, specIdIn } from './helpers';

/** Operations of the contract the sandbox serves; the others (legacy SDK-0.3.1-only routes) answer 404. */
const SERVED = [
  'GET /api/dataframer/runs/',
  'POST /api/dataframer/runs/',
  'GET /api/dataframer/runs/{run_id}/',
  'DELETE /api/dataframer/runs/{run_id}/',
  'POST /api/dataframer/runs/{run_id}/cancel/',
  'GET /api/dataframer/runs/{run_id}/status/',
  'GET /api/dataframer/runs/{run_id}/files/download/',
  'GET /api/dataframer/runs/{run_id}/samples/',
  'GET /api/dataframer/specs/',
  'GET /api/dataframer/specs/{spec_id}/',
  'GET /api/dataframer/models/',
  'GET /api/dataframer/health/',
];

let sandbox: Sandbox;
let api: ReturnType<typeof createApi>;
const clock = manualClock();
beforeAll(async () => {
  ({ sandbox, api } = await openSandbox({ seed: 8, now: clock.now, failureRate: 0 }));
});
afterAll(() => sandbox.stop());

describe('conformance with the OpenAPI document', () => {
  it('answers every served operation with a documented status and a body that matches its schema', async () => {
    await api('GET', '/health/', { key: null });
    await api('GET', '/models/');
    const specs = (await api('GET', '/specs/')).body as Array<{ id: string }>;
    for (const spec of specs) {
      await api('GET', `/specs/${spec.id}/`);
      await api('GET', `/specs/${spec.id}/?include_versions=true`);
    }
    const runs = (await api('GET', '/runs/')).body as Array<{ id: string; status: string }>;
    for (const run of runs) {
      await api('GET', `/runs/${run.id}/`);
      await api('GET', `/runs/${run.id}/status/`);
      await api('GET', `/runs/${run.id}/samples/?offset=0&limit=3`);
    }
    const specId = await specIdIn(api, 'SUCCEEDED');
    const { body } = await api('POST', '/runs/', { body: { spec_id: specId, number_of_samples: 3, outline_model: 'openai/gpt-oss-120b', max_revision_cycles: 2, unified_multifield: false } });
    await api('POST', `/runs/${body.id}/cancel/`);
    const other = (await api('POST', '/runs/', { body: { spec_id: specId, number_of_samples: 3 } })).body.id;
    clock.advance(60_000);
    expect((await api('GET', `/runs/${other}/files/download/`)).status).toBe(202);
    clock.advance(60_000);
    expect((await api('GET', `/runs/${other}/files/download/`)).status).toBe(200);
    await api('DELETE', `/runs/${other}/`);
    // Documented error answers.
    await api('GET', '/runs/', { key: 'sk_test_sandbox_unknown' });
    await api('GET', '/runs/00000000-0000-4000-8000-000000000000/');

    for (const key of SERVED) {
      expect(checked.some((c) => c.key === key && c.status < 300 && c.documented), `${key} was not exercised with a documented success`).toBe(true);
    }
  });

  it('uses only the listed silent-case statuses outside the document, and the README names each of them', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    for (const [key, statuses] of Object.entries(SILENT_CASE_STATUSES)) {
      const [method, path] = key.split(' ');
      const short = (path as string).replace('/api/dataframer', '').replace(/\{[^}]+\}/g, '{id}');
      for (const status of statuses) {
        const line = readme.split('\n').find((l) => l.includes(`${method} ${short}`) && l.includes(String(status)));
        expect(line, `README "Where the contract is silent" must name ${status} for ${method} ${short}`).toBeDefined();
      }
    }
  });

  it('catches what the contract forbids (the check can fail)', () => {
    const url = `${sandbox.url}/api/dataframer/runs/`;
    const run = { id: '6f1c2a9e-3b7d-4c1e-9a2b-0d4e5f6a7b8c', status: 'QUEUED_FOR_GPU', samples_completed: 1 };
    expect(() => checkExchange({ method: 'GET', url, requestHeaders: {}, status: 200, responseBody: [run] })).toThrow(/status/);
    expect(() => checkExchange({ method: 'GET', url, requestHeaders: {}, status: 200, responseBody: [{ ...run, status: 'PENDING', samples_completed: 'one' }] })).toThrow(/samples_completed/);
    expect(() => checkExchange({ method: 'GET', url, requestHeaders: {}, status: 418, responseBody: {} })).toThrow(/not documented/);
    expect(() =>
      checkExchange({ method: 'POST', url, requestHeaders: {}, requestBody: { number_of_samples: 0 }, status: 201, responseBody: { id: run.id } }),
    ).toThrow(/request/);
    expect(() => checkExchange({ method: 'GET', url: `${sandbox.url}/api/dataframer/nope/`, requestHeaders: {}, status: 200, responseBody: {} })).toThrow(
      /not an operation/,
    );
  });
});
