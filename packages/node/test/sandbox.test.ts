import { startSandbox, type Sandbox } from '@df/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BadRequestError,
  createClient,
  NotFoundError,
  OutcomeUnknownError,
  strictSchemas,
  type NodeClient,
  type RunProgress,
} from '../src/index';

let sandbox: Sandbox;
let acme: NodeClient;
let globex: NodeClient;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: 7, speed: 400 });
  acme = createClient({ apiKey: sandbox.keys.acme, baseUrl: sandbox.url, env: {} });
  globex = createClient({ apiKey: sandbox.keys.globex, baseUrl: sandbox.url, env: {} });
});
afterAll(async () => {
  await acme.close();
  await globex.close();
  await sandbox.stop();
});

async function readySpecId(client: NodeClient): Promise<string> {
  const specs = await client.specs.list();
  const ready = specs.find((s) => s.status === 'READY' || s.status === 'SUCCEEDED');
  expect(ready?.id).toBeTypeOf('string');
  return ready!.id!;
}

describe('@df/node against the sandbox', () => {
  it('lists seeded runs in every status, newest first', async () => {
    const runs = await acme.runs.list();
    const statuses = new Set(runs.map((r) => r.status));
    for (const status of ['SUCCEEDED', 'FAILED', 'CANCELED']) expect(statuses).toContain(status);
    expect(statuses.has('PENDING') || statuses.has('PROCESSING')).toBe(true);
    const created = runs.map((r) => Date.parse(r.created_at!));
    expect([...created].sort((a, b) => b - a)).toEqual(created);
  });

  it('passes strict validation on run lists and details (the sandbox follows the contract exactly)', async () => {
    const strict = createClient({ apiKey: sandbox.keys.acme, baseUrl: sandbox.url, env: {}, schemas: strictSchemas });
    const runs = await strict.runs.list();
    await strict.runs.retrieve(runs[0]!.id);
    await strict.close();
  });

  it('creates a run and waits for it, reporting progress', async () => {
    const specId = await readySpecId(acme);
    const { id } = await acme.runs.create({ spec_id: specId, number_of_samples: 300 });
    const progress: RunProgress[] = [];
    const run = await acme.runs.wait(id, { onProgress: (p) => progress.push(p), intervalMs: 100, maxIntervalMs: 200, timeoutMs: 30_000 });
    expect(['SUCCEEDED', 'FAILED']).toContain(run.status);
    expect(progress.at(-1)!.terminal).toBe(true);
    expect(progress.every((p) => p.requested === 300)).toBe(true);
    const completed = progress.map((p) => p.completed);
    expect([...completed].sort((a, b) => a - b)).toEqual(completed);
    if (run.status === 'SUCCEEDED') {
      expect(run.samples_completed! + run.samples_failed!).toBe(300);
      expect(run.completed_at).not.toBeNull();
    }
  });

  it('downloads the ZIP of a finished run once it is built', async () => {
    const done = (await acme.runs.list()).find((r) => r.status === 'SUCCEEDED')!;
    const first = await acme.runs.requestFiles(done.id);
    expect(first.state).toBe('building');
    const ready = await acme.runs.waitForFiles(done.id, { intervalMs: 50, timeoutMs: 30_000 });
    const zip = await fetch(ready.download_url);
    const bytes = new Uint8Array(await zip.arrayBuffer());
    expect(zip.status).toBe(200);
    expect(bytes.length).toBe(ready.size_bytes);
    expect([...bytes.slice(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
  });

  it('pages through samples', async () => {
    const done = (await acme.runs.list()).find((r) => r.status === 'SUCCEEDED' && (r.samples_completed ?? 0) > 3)!;
    const page = await acme.runs.samples(done.id, { offset: 1, limit: 2 });
    expect(page.returned_count).toBe(2);
    expect(page.result?.generated_outputs).toHaveLength(2);
    const beyond = await acme.runs.samples(done.id, { offset: page.total_samples!, limit: 5 });
    expect(beyond.returned_count).toBe(0);
  });

  it('cancels an unfinished run and rejects cancelling it again with a readable error', async () => {
    const specId = await readySpecId(acme);
    const { id } = await acme.runs.create({ spec_id: specId, number_of_samples: 20000 });
    await acme.runs.cancel(id);
    expect((await acme.runs.retrieve(id)).status).toBe('CANCELED');
    const again = (await acme.runs.cancel(id).catch((e: unknown) => e)) as BadRequestError;
    expect(again).toBeInstanceOf(BadRequestError);
    expect(again.message).toContain('can no longer be canceled');
  });

  it('deletes a run', async () => {
    const specId = await readySpecId(acme);
    const { id } = await acme.runs.create({ spec_id: specId, number_of_samples: 5 });
    await acme.runs.delete(id);
    await expect(acme.runs.retrieve(id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('reports the server’s field errors for a spec that cannot be used', async () => {
    const specs = await acme.specs.list();
    const notReady = specs.find((s) => s.status === 'PROCESSING')!;
    const error = (await acme.runs.create({ spec_id: notReady.id!, number_of_samples: 5 }).catch((e: unknown) => e)) as BadRequestError;
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error.message).toContain('only a spec in SUCCEEDED status can be used');
  });

  it('reads specs, models and health', async () => {
    const specId = await readySpecId(acme);
    const spec = await acme.specs.retrieve(specId, { include_versions: true });
    expect(spec.id).toBe(specId);
    expect(Array.isArray(spec.versions)).toBe(true);
    expect(Object.keys(await acme.models.list()).length).toBeGreaterThan(0);
    expect(Object.keys(await acme.health()).length).toBeGreaterThan(0);
  });

  it("never shows one company another's runs", async () => {
    const mine = await acme.runs.list();
    const theirs = await globex.runs.list();
    const theirIds = new Set(theirs.map((r) => r.id));
    expect(mine.some((r) => theirIds.has(r.id))).toBe(false);
    await expect(globex.runs.retrieve(mine[0]!.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(globex.runs.cancel(mine[0]!.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(globex.runs.delete(mine[0]!.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('@df/node under sandbox faults', () => {
  it('retries a list through a 429 with Retry-After and a 503', async () => {
    const rule = sandbox.faults.add({ method: 'GET', path: '/runs/', kind: 'rate-limit', retryAfter: 1, nth: [1] });
    const rule2 = sandbox.faults.add({ method: 'GET', path: '/runs/', kind: 'server-error', status: 503, nth: [2] });
    const started = performance.now();
    await expect(acme.runs.list()).resolves.not.toHaveLength(0);
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
    sandbox.faults.remove(rule);
    sandbox.faults.remove(rule2);
  });

  it('keeps a list working when the server sends an unknown status and an extra field', async () => {
    const a = sandbox.faults.add({ method: 'GET', path: '/runs/', kind: 'unknown-status', value: 'QUEUED_FOR_GPU', nth: [1] });
    const b = sandbox.faults.add({ method: 'GET', path: '/runs/', kind: 'extra-field', field: 'gpu_pool', nth: [2] });
    try {
      const runs = await acme.runs.list();
      expect(runs.some((r) => r.status === 'QUEUED_FOR_GPU')).toBe(true);
      const more = await acme.runs.list();
      expect((more[0] as unknown as Record<string, unknown>)['gpu_pool']).toBeDefined();
    } finally {
      sandbox.faults.remove(a);
      sandbox.faults.remove(b);
    }
  });

  it('never duplicates a create whose answer was dropped: it reports the outcome as unknown, and a retry with the key finds the same run', async () => {
    const specId = await readySpecId(acme);
    const before = sandbox.runs(sandbox.keys.acme).length;
    const rule = sandbox.faults.add({ method: 'POST', path: '/runs/', kind: 'drop-after-act', nth: [1] });
    const error = (await acme.runs.create({ spec_id: specId, number_of_samples: 10 }).catch((e: unknown) => e)) as OutcomeUnknownError;
    sandbox.faults.remove(rule);
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    const made = sandbox.runs(sandbox.keys.acme).slice(before);
    expect(made).toHaveLength(1);
    expect(made[0]!.idempotencyKey).toBe(error.idempotencyKey);
    const retried = await acme.runs.create({ spec_id: specId, number_of_samples: 10 }, { idempotencyKey: error.idempotencyKey });
    expect(retried.id).toBe(made[0]!.id);
    expect(sandbox.runs(sandbox.keys.acme).length).toBe(before + 1);
  });

  it('retries a create refused with 429 under one idempotency key and makes one run', async () => {
    const specId = await readySpecId(acme);
    const before = sandbox.runs(sandbox.keys.acme).length;
    const rule = sandbox.faults.add({ method: 'POST', path: '/runs/', kind: 'rate-limit', retryAfter: 0, nth: [1, 2] });
    const { id } = await acme.runs.create({ spec_id: specId, number_of_samples: 10 });
    sandbox.faults.remove(rule);
    const made = sandbox.runs(sandbox.keys.acme).slice(before);
    expect(made.map((r) => r.id)).toEqual([id]);
  });

  it('reports malformed JSON as a contract violation, not a crash', async () => {
    const rule = sandbox.faults.add({ method: 'GET', path: '/runs/', kind: 'malformed-json' });
    await expect(acme.runs.list()).rejects.toThrow('is not valid JSON');
    sandbox.faults.remove(rule);
  });
});

describe.each([
  { optionalFields: 'null', specReadyStatus: 'SUCCEEDED' },
  { optionalFields: 'absent', specReadyStatus: 'READY' },
] as const)('@df/node against a sandbox serving optional fields as $optionalFields, specs $specReadyStatus', (settings) => {
  let box: Sandbox;
  let client: NodeClient;
  beforeAll(async () => {
    box = await startSandbox({ port: 0, seed: 9, speed: 1000, ...settings });
    client = createClient({ apiKey: box.keys.acme, baseUrl: box.url, env: {} });
  });
  afterAll(async () => {
    await client.close();
    await box.stop();
  });

  it('lists, reads, pages, waits for and downloads without error', async () => {
    const runs = await client.runs.list();
    expect(runs.length).toBeGreaterThan(0);
    for (const run of runs) expect(typeof run.id === 'string' && typeof run.status === 'string').toBe(true);
    const finished = runs.find((r) => r.status === 'SUCCEEDED')!;
    const detail = await client.runs.retrieve(finished.id);
    expect(detail.id).toBe(finished.id);
    if (settings.optionalFields === 'null') expect(detail.total_cost).toBeNull();
    else expect('total_cost' in detail).toBe(false);
    await client.runs.samples(finished.id, { limit: 5 });
    const files = await client.runs.waitForFiles(finished.id, { timeoutMs: 20_000, intervalMs: 20 });
    expect(typeof files.download_url).toBe('string');
    const specs = await client.specs.list();
    expect(specs.length).toBeGreaterThan(0);
    await client.specs.retrieve(specs[0]!.id);
    await client.models.list();
    await client.health();
  });

  it('starts a run and waits for it to the end, progress and all', async () => {
    const specs = await client.specs.list();
    let created: string | undefined;
    // With optional fields null a spec's status is unknown too: which one is usable is found by trying.
    for (const spec of specs) {
      if (spec.status && spec.status !== settings.specReadyStatus) continue;
      try {
        created = (await client.runs.create({ spec_id: spec.id, number_of_samples: 20 })).id;
        break;
      } catch (error) {
        expect(error).toBeInstanceOf(BadRequestError);
      }
    }
    expect(created).toBeTypeOf('string');
    const seen: RunProgress[] = [];
    const run = await client.runs.wait(created!, { timeoutMs: 30_000, intervalMs: 20, onProgress: (p) => seen.push(p) });
    expect(['SUCCEEDED', 'FAILED']).toContain(run.status);
    expect(seen.length).toBeGreaterThan(0);
    for (const p of seen) expect(Number.isFinite(p.completed) && Number.isFinite(p.failed)).toBe(true);
  });
});
