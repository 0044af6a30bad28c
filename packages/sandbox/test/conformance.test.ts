import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { Sandbox, SandboxOptions } from '../src/index';
import { createApi } from './api';
import { SILENT_CASE_STATUSES, checkExchange, checked, contractOperations, documentedAnswers } from './contract';
import { manualClock, openSandbox } from './helpers';
import { sweepDatasetsAndSpecs } from './sweepDatasetsAndSpecs';
import { sweepEvaluationsAndKeys } from './sweepEvaluationsAndKeys';

/**
 * Operations of the contract the sandbox does not serve yet, so the sweep does not call them. Serving one means
 * adding its calls to `sweep` and deleting its line here: the coverage test below then requires each of its
 * documented statuses, and fails while a swept operation is still listed.
 */
const NOT_YET_SERVED: string[] = [
  'POST /api/dataframer/red-team-specs/',
  'GET /api/dataframer/red-team-specs/',
  'GET /api/dataframer/red-team-specs/{spec_id}/',
  'PATCH /api/dataframer/red-team-specs/{spec_id}/',
  'POST /api/dataframer/red-team-runs/',
  'GET /api/dataframer/red-team-runs/',
  'GET /api/dataframer/red-team-runs/{run_id}/',
  'GET /api/dataframer/red-team-runs/{run_id}/status/',
];

const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const BAD_KEY = { key: 'sk_test_sandbox_unknown' };
const opened: Sandbox[] = [];
afterAll(() => Promise.all(opened.map((s) => s.stop())));

/** Calls every operation of the contract with each of its documented answers, every exchange checked by the validators. */
async function sweep(options: SandboxOptions): Promise<void> {
  const clock = manualClock();
  const { sandbox, api } = await openSandbox({ seed: 8, now: clock.now, failureRate: 0, ...options });
  opened.push(sandbox);
  const other = createApi(sandbox.url, sandbox.keys.globex);

  await api('GET', '/health/', { key: null });
  await api('GET', '/models/');
  const specs = (await api('GET', '/specs/')).body as Array<{ id: string }>;
  for (const spec of specs) {
    await api('GET', `/specs/${spec.id}/`);
    await api('GET', `/specs/${spec.id}/?include_versions=true`);
  }
  for (const run of (await api('GET', '/runs/')).body as Array<{ id: string }>) {
    await api('GET', `/runs/${run.id}/`);
    await api('GET', `/runs/${run.id}/status/`);
    await api('GET', `/runs/${run.id}/samples/?offset=0&limit=3`);
    await api('GET', `/runs/${run.id}/generated-files/`);
  }
  // The first seeded run's spec is a SUCCEEDED one (read from the records: in the absent mode the list has no status).
  const specId = sandbox.runs('acme')[0]?.run.spec_id;
  const body = {
    spec_id: specId,
    number_of_samples: 3,
    outline_model: 'openai/gpt-oss-120b',
    max_revision_cycles: 2,
    unified_multifield: false,
  };
  const { body: created } = await api('POST', '/runs/', { body, headers: { 'Idempotency-Key': 'conformance-1' } });
  await api('POST', '/runs/', { body, headers: { 'Idempotency-Key': 'conformance-1' } });
  await api('PUT', `/runs/${created.id}/`, { body: { status: 'PENDING' } });
  await api('POST', `/runs/${created.id}/cancel/`);
  const id = (await api('POST', '/runs/', { body: { spec_id: specId, number_of_samples: 3 } })).body.id as string;
  clock.advance(60_000);
  expect((await api('GET', `/runs/${id}/files/download/`)).status).toBe(202);
  clock.advance(60_000);
  expect((await api('GET', `/runs/${id}/files/download/`)).status).toBe(200);
  await api('POST', `/runs/${id}/samples/`, { body: { indices: [2, 0, 99] } });
  const files = (await api('GET', `/runs/${id}/generated-files/`)).body.generated_files as Array<{ id: string }>;
  for (const file of files) {
    await api('GET', `/runs/${id}/generated-files/${file.id}/download/`);
    await api('GET', `/runs/${id}/generated-files/${file.id}/content/`);
  }
  await api('GET', `/runs/${id}/generated-files/download-all/`);
  await api('POST', `/runs/${id}/evaluations/`, { body: { evaluation_model: 'anthropic/claude-haiku-4-5' } });
  await api('POST', `/runs/${id}/evaluations/`);
  await api('GET', `/runs/${id}/evaluations/`);
  await api('DELETE', `/runs/${id}/`);

  // Documented errors: 400 for a bad create, 401 everywhere but health, 404 for unknown ids (or another company's).
  await api('POST', '/runs/', { body: { spec_id: specId, number_of_samples: 0 }, invalidRequest: true });
  const runPaths = [
    '/',
    '/status/',
    '/files/download/',
    '/samples/',
    '/generated-files/',
    '/generated-files/download-all/',
    '/evaluations/',
  ];
  for (const path of ['/runs/', '/specs/', '/models/', `/specs/${specId}/`, ...runPaths.map((p) => `/runs/${created.id}${p}`)]) {
    await api('GET', path, BAD_KEY);
  }
  for (const [method, path] of [
    ['POST', '/runs/'],
    ['PUT', `/runs/${created.id}/`],
    ['DELETE', `/runs/${created.id}/`],
    ['POST', `/runs/${created.id}/cancel/`],
    ['POST', `/runs/${created.id}/samples/`],
    ['POST', `/runs/${created.id}/evaluations/`],
  ] as const) {
    await api(method, path, { ...BAD_KEY, invalidRequest: true });
    await api(method, path.replace(created.id, UNKNOWN), {
      invalidRequest: true,
      ...(method === 'POST' && path.endsWith('/samples/') && { body: { indices: [0] } }),
    });
  }
  for (const path of [...runPaths, '/generated-files/x/download/', '/generated-files/x/content/']) {
    await api('GET', `/runs/${UNKNOWN}${path}`);
    await other('GET', `/runs/${created.id}${path}`);
  }
  await api('GET', `/runs/${created.id}/generated-files/x/download/`, BAD_KEY);
  await api('GET', `/runs/${created.id}/generated-files/x/content/`, BAD_KEY);
  await api('GET', `/specs/${UNKNOWN}/`);
  // 429 and 500, documented for list, create, retrieve and the run's evaluations, come from the fault injector.
  sandbox.faults.add('GET /runs/ rate-limit nth=1');
  sandbox.faults.add('GET /runs/ server-error nth=2');
  sandbox.faults.add('POST /runs/ rate-limit nth=1');
  sandbox.faults.add('POST /runs/ server-error nth=2');
  sandbox.faults.add('GET /runs/*/ rate-limit nth=1');
  sandbox.faults.add('GET /runs/*/ server-error nth=2');
  sandbox.faults.add('GET /runs/*/evaluations/ rate-limit nth=1');
  sandbox.faults.add('GET /runs/*/evaluations/ server-error nth=2');
  for (let i = 0; i < 2; i++) {
    await api('GET', '/runs/');
    await api('POST', '/runs/', { body: { spec_id: specId, number_of_samples: 1 } });
    await api('GET', `/runs/${created.id}/`);
    await api('GET', `/runs/${created.id}/evaluations/`);
  }
  await sweepDatasetsAndSpecs(sandbox, clock.advance);
  await sweepEvaluationsAndKeys(sandbox, clock.advance);
}

describe('conformance with the OpenAPI document', () => {
  const modes: Array<[string, SandboxOptions]> = [
    ['by default', {}],
    ['with specReadyStatus READY', { specReadyStatus: 'READY' }],
    ['with optionalFields absent', { optionalFields: 'absent' }],
  ];
  it.each(modes)(
    'answers every operation with bodies matching the schemas %s',
    async (_, options) => {
      const before = checked.length;
      await sweep(options);
      expect(checked.length - before).toBeGreaterThan(100);
    },
    30_000,
  );

  it('lists as not yet served only operations of the contract, each once', () => {
    expect(NOT_YET_SERVED.filter((key) => !contractOperations.includes(key))).toEqual([]);
    expect(new Set(NOT_YET_SERVED).size).toBe(NOT_YET_SERVED.length);
  });

  it('checked no operation it lists as not yet served: one the sweep calls leaves NOT_YET_SERVED', () => {
    const swept = new Set(checked.map((c) => c.key));
    expect(NOT_YET_SERVED.filter((key) => swept.has(key))).toEqual([]);
  });

  it('has answered each operation with each of its documented statuses, but those not yet served', () => {
    const served = contractOperations.filter((key) => !NOT_YET_SERVED.includes(key));
    expect(served.length).toBeGreaterThan(0);
    const missing = documentedAnswers.filter(
      ({ key, status }) =>
        !NOT_YET_SERVED.includes(key) &&
        !checked.some(
          (c) => c.key === key && c.documented && (status.endsWith('XX') ? String(c.status)[0] === status[0] : String(c.status) === status),
        ),
    );
    expect(missing.map(({ key, status }) => `${status} ${key}`)).toEqual([]);
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
    const url = 'http://127.0.0.1:1/api/dataframer/runs/';
    const run = { id: '6f1c2a9e-3b7d-4c1e-9a2b-0d4e5f6a7b8c', status: 'QUEUED_FOR_GPU', samples_completed: 1 };
    expect(() => checkExchange({ method: 'GET', url, requestHeaders: {}, status: 200, responseBody: [run] })).toThrow(/status/);
    expect(() =>
      checkExchange({
        method: 'GET',
        url,
        requestHeaders: {},
        status: 200,
        responseBody: [{ ...run, status: 'PENDING', samples_completed: 'one' }],
      }),
    ).toThrow(/samples_completed/);
    expect(() => checkExchange({ method: 'GET', url, requestHeaders: {}, status: 418, responseBody: {} })).toThrow(/not documented/);
    expect(() =>
      checkExchange({
        method: 'POST',
        url,
        requestHeaders: {},
        requestBody: { number_of_samples: 0 },
        status: 201,
        responseBody: { id: run.id },
      }),
    ).toThrow(/request/);
    expect(() =>
      checkExchange({ method: 'GET', url: 'http://127.0.0.1:1/api/dataframer/nope/', requestHeaders: {}, status: 200, responseBody: {} }),
    ).toThrow(/not an operation/);
    // The null mode breaks the document on purpose: the checker notices.
    const nulled = { id: run.id, status: 'PENDING', spec_id: null, samples_completed: null };
    expect(() => checkExchange({ method: 'GET', url, requestHeaders: {}, status: 200, responseBody: [nulled] })).toThrow(
      /spec_id|samples_completed/,
    );
    const specs = 'http://127.0.0.1:1/api/dataframer/specs/';
    expect(() =>
      checkExchange({
        method: 'GET',
        url: specs,
        requestHeaders: {},
        status: 200,
        responseBody: [{ name: 'x', datasets_id: '', status: 'DONE' }],
      }),
    ).toThrow(/status/);
    // A SINGLE_FILE upload holds exactly one file, whatever the body's "Minimum array length: 2"; none is refused.
    const upload = {
      method: 'POST',
      url: 'http://127.0.0.1:1/api/dataframer/seed-datasets/create/',
      requestHeaders: { 'content-type': 'multipart/form-data; boundary=b' },
      status: 201,
      responseBody: { id: run.id, name: 'n', dataset_type: 'SINGLE_FILE' },
    };
    expect(() => checkExchange({ ...upload, requestBody: { name: 'n', dataset_type: 'SINGLE_FILE', files: ['a.csv'] } })).not.toThrow();
    expect(() => checkExchange({ ...upload, requestBody: { name: 'n', dataset_type: 'SINGLE_FILE', files: [] } })).toThrow(/request/);
  });
});
