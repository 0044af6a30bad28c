import { startSandbox, type Sandbox } from '@df/sandbox';
import { afterEach, describe, expect, it } from 'vitest';
import { AuthenticationError, createClient, isEvaluationSuccess, strictSchemas, type NodeClient } from '../src/index';

let sandbox: Sandbox;
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (closers.length > 0) await closers.pop()!();
});

async function start(options: Parameters<typeof startSandbox>[0] = {}) {
  sandbox = await startSandbox({ port: 0, seed: 11, speed: 1000, ...options });
  closers.push(() => sandbox.stop());
}

/** A client of `apiKey`, checking answers against the contract exactly unless `strict` is false (the default mode). */
function client(apiKey: string, strict = true): NodeClient {
  const c = createClient({ apiKey, baseUrl: sandbox.url, env: {}, ...(strict && { schemas: strictSchemas }) });
  closers.push(c.close);
  return c;
}

describe('evaluations and key rotation against the sandbox', () => {
  // COMPLETED is in no enum of the contract, so only the default (lenient) mode takes it; strict mode checks the rest.
  it.each([
    ['SUCCEEDED', true],
    ['COMPLETED', false],
  ] as const)('a CI gate: create, wait for %s, compare the score, find it in the run’s list', async (status, strict) => {
    await start({ evaluationSuccessStatus: status, evaluationFailureRate: 0 });
    const c = client(sandbox.keys.acme, strict);
    const run = (await c.runs.list()).find((r) => r.status === 'SUCCEEDED');
    expect(run?.id).toBeTypeOf('string');
    const created = await c.evaluations.create({ run_id: run!.id });
    const evaluation = await c.evaluations.wait(created.id, { timeoutMs: 30_000, intervalMs: 50, maxIntervalMs: 100 });
    expect(evaluation.status).toBe(status);
    expect(isEvaluationSuccess(evaluation.status)).toBe(true);
    expect(evaluation.conformance_score).toBeTypeOf('number');
    expect((await c.runs.evaluations(run!.id)).map((e) => e.id)).toContain(created.id);
  });

  it('a rotation switches this client to the new key; the old key is refused from then on', async () => {
    await start();
    const old = sandbox.keys.acme;
    const rotating = client(old);
    const { api_key } = await rotating.apiKeys.rotate();
    expect(api_key).not.toBe(old);
    expect((await rotating.runs.list()).length).toBeGreaterThan(0);
    await expect(client(old).runs.list()).rejects.toThrow(AuthenticationError);
  });
});
