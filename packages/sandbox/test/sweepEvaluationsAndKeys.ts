import { expect } from 'vitest';
import type { Sandbox } from '../src/index';
import { API_KEY_ROTATE_PATH, EVALUATION_MODELS, KEY_ROTATION_LIMIT } from '../src/internal/rules';
import { EVALUATION_PENDING_MS, EVALUATION_PROCESSING_MS } from '../src/internal/store/lifecycle';
import { createApi } from './api';
import { checkExchange } from './contract';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const BAD_KEY = 'sk_test_sandbox_unknown';

/** Rotates `key` with every exchange checked against the contract; answers the status and the new key, if any. */
async function rotate(sandbox: Sandbox, key: string): Promise<{ status: number; key?: string }> {
  const url = `${sandbox.url}${API_KEY_ROTATE_PATH}`;
  const requestHeaders = { authorization: `Bearer ${key}` };
  const response = await fetch(url, { method: 'POST', headers: requestHeaders });
  const body = (await response.json()) as { api_key?: string };
  checkExchange({ method: 'POST', url, requestHeaders, status: response.status, responseBody: body });
  return { status: response.status, ...(body.api_key !== undefined && { key: body.api_key }) };
}

/**
 * The conformance sweep's part for evaluations and key rotation: each operation with each of its documented answers,
 * every answer checked. It rotates the second demo company's key last, and ends with a reset that gives it back.
 */
export async function sweepEvaluationsAndKeys(sandbox: Sandbox, advance: (ms: number) => void): Promise<void> {
  const api = createApi(sandbox.url, sandbox.keys.acme);
  const other = createApi(sandbox.url, sandbox.keys.globex);
  const runs = (await api('GET', '/runs/')).body as Array<{ id: string; status: string }>;
  const succeeded = runs.find((r) => r.status === 'SUCCEEDED')?.id as string;
  const unfinished = runs.find((r) => r.status === 'PROCESSING')?.id as string;

  // Every status an evaluation shows, FAILED included.
  const created = await api('POST', '/evaluations/', { body: { run_id: succeeded, evaluation_model: EVALUATION_MODELS[0] } });
  expect(created.status).toBe(201);
  const id = created.body.id as string;
  advance(EVALUATION_PENDING_MS);
  await api('GET', `/evaluations/${id}/`);
  advance(EVALUATION_PROCESSING_MS);
  await api('GET', `/evaluations/${id}/`);
  sandbox.control.set({ evaluationFailureRate: 1 });
  const failing = await api('POST', '/evaluations/', { body: { run_id: succeeded } });
  sandbox.control.set({ evaluationFailureRate: 0 });
  advance(EVALUATION_PENDING_MS + EVALUATION_PROCESSING_MS);
  await api('GET', `/evaluations/${failing.body.id}/`);
  await api('GET', `/runs/${succeeded}/evaluations/`);

  // 400, 401 and 404 (an unknown run, or another company's).
  await api('POST', '/evaluations/', { body: { run_id: unfinished } });
  await api('POST', '/evaluations/', { body: { run_id: 'not-a-uuid' }, invalidRequest: true });
  await api('POST', '/evaluations/', { body: { run_id: succeeded }, key: BAD_KEY });
  await api('GET', `/evaluations/${id}/`, { key: BAD_KEY });
  await api('POST', '/evaluations/', { body: { run_id: UNKNOWN } });
  await other('POST', '/evaluations/', { body: { run_id: succeeded } });
  await api('GET', `/evaluations/${UNKNOWN}/`);
  await other('GET', `/evaluations/${id}/`);

  // 429 and 500 from the fault injector.
  for (const rule of ['POST /evaluations/', 'GET /evaluations/*/', `POST ${API_KEY_ROTATE_PATH}`]) {
    sandbox.faults.add(`${rule} rate-limit nth=1`);
    sandbox.faults.add(`${rule} server-error nth=2`);
  }
  for (let i = 0; i < 2; i++) {
    await api('POST', '/evaluations/', { body: { run_id: succeeded } });
    await api('GET', `/evaluations/${id}/`);
    await rotate(sandbox, sandbox.keys.globex);
  }

  // Rotation: 401, then as many rotations as the limit allows, then its 429.
  expect((await rotate(sandbox, BAD_KEY)).status).toBe(401);
  let key = sandbox.keys.globex;
  for (let i = 0; i < KEY_ROTATION_LIMIT.requests; i++) key = (await rotate(sandbox, key)).key as string;
  expect((await rotate(sandbox, key)).status).toBe(429);
  sandbox.control.reset();
}
