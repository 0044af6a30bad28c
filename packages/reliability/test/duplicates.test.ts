import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, OutcomeUnknownError, type NodeClient } from '@df/node';
import type { FaultRule, Sandbox, SandboxRunRecord } from '@df/sandbox';
import { recordSection } from './support/figures';
import { clientFor, describeCounts, pool, sandbox, settled, usableSpecId } from './support/sandbox';

// Issue 6, part 1: at least 1,000 creates through @df/node under random faults, then the sandbox's own
// records are compared with what every call returned. A run costs money: no two may share one key.
const CREATES = 1200;
const CONCURRENCY = 16;
const TIMEOUT_MS = 400;

/** What the faults on POST /runs/ do; latency is beyond the call's deadline. */
const FAULTS: FaultRule[] = [
  { method: 'POST', path: '/runs/', kind: 'latency', ms: 3 * TIMEOUT_MS, probability: 0.04 },
  { method: 'POST', path: '/runs/', kind: 'drop-after-act', probability: 0.05 },
  { method: 'POST', path: '/runs/', kind: 'reset', probability: 0.05 },
  { method: 'POST', path: '/runs/', kind: 'server-error', status: 500, probability: 0.03 },
  { method: 'POST', path: '/runs/', kind: 'server-error', status: 502, probability: 0.03 },
  { method: 'POST', path: '/runs/', kind: 'server-error', status: 503, probability: 0.03 },
  { method: 'POST', path: '/runs/', kind: 'server-error', status: 503, retryAfter: 0, probability: 0.03 },
  { method: 'POST', path: '/runs/', kind: 'rate-limit', retryAfter: 0, probability: 0.06 },
  { method: 'POST', path: '/runs/', kind: 'rate-limit', retryAfter: 1, probability: 0.02 },
];

type Outcome =
  | { kind: 'id'; id: string }
  | { kind: 'unknown'; key: string; error: OutcomeUnknownError }
  /** Turned away with 429 or 503 + Retry-After on every attempt: proven not to have created anything. */
  | { kind: 'refused'; error: ApiError }
  | { kind: 'other'; error: unknown };

interface Call {
  index: number;
  /** The key the caller chose; odd calls let the SDK generate one. */
  key: string | undefined;
  params: { spec_id: string; number_of_samples: number };
  outcome?: Outcome;
}

let box: Sandbox;
let client: NodeClient;
let specId: string;

beforeAll(async () => {
  box = await sandbox({ seed: 61 });
  client = clientFor(box, { timeoutMs: TIMEOUT_MS, maxRetries: 3 });
  // Setup is not under test: a default deadline, so the first request of the process (which loads the HTTP client) has time.
  const setup = clientFor(box);
  specId = await usableSpecId(setup);
  await setup.close();
});

afterAll(async () => {
  await client?.close();
  await box?.stop();
});

function created(): SandboxRunRecord[] {
  return box.runs('acme').filter((r) => !r.seeded);
}

describe('no duplicate runs: @df/node creates under random faults', () => {
  const calls: Call[] = [];
  let elapsedMs = 0;
  let faultsInjected = '';

  it(`${CREATES} creates, ${CONCURRENCY} at a time, each end with an id, an unknown outcome naming its key, or a proven refusal`, async () => {
    for (const rule of FAULTS) box.faults.add(rule);
    box.faults.resetCounts();
    for (let i = 0; i < CREATES; i++) {
      calls.push({
        index: i,
        key: i % 2 === 0 ? `reliability-create-${i}` : undefined,
        params: { spec_id: specId, number_of_samples: (i % 50) + 1 },
      });
    }
    const started = Date.now();
    await pool(calls, CONCURRENCY, async (call) => {
      try {
        const { id } = await client.runs.create(call.params, call.key === undefined ? {} : { idempotencyKey: call.key });
        call.outcome = { kind: 'id', id };
      } catch (error) {
        if (error instanceof OutcomeUnknownError) call.outcome = { kind: 'unknown', key: error.idempotencyKey, error };
        else if (error instanceof ApiError && (error.status === 429 || (error.status === 503 && error.retryAfterMs !== undefined))) {
          call.outcome = { kind: 'refused', error };
        } else call.outcome = { kind: 'other', error };
      }
    });
    elapsedMs = Date.now() - started;
    box.faults.clear();
    faultsInjected = describeCounts(box.faults.counts());
    await settled(box);

    const other = calls.filter((c) => c.outcome?.kind === 'other');
    expect(other.map((c) => String((c.outcome as { error: unknown }).error))).toEqual([]);
    for (const call of calls) {
      if (call.outcome?.kind === 'unknown' && call.key !== undefined) expect(call.outcome.key).toBe(call.key);
      if (call.outcome?.kind === 'unknown') expect(call.outcome.error.message).toContain(call.outcome.key);
    }
    // Generated keys are unique per call, and each was really sent.
    const sentKeys = new Set(box.requests().map((r) => r.idempotencyKey));
    const unknownKeys = calls.flatMap((c) => (c.outcome?.kind === 'unknown' ? [c.outcome.key] : []));
    expect(new Set(unknownKeys).size).toBe(unknownKeys.length);
    for (const key of unknownKeys) expect(sentKeys.has(key)).toBe(true);
    expect(elapsedMs).toBeLessThan(45_000);
  });

  it('the sandbox holds no duplicate, and every run it made is accounted for by a call', () => {
    const runs = created();
    const byKey = new Map<string, SandboxRunRecord[]>();
    for (const run of runs) {
      expect(run.idempotencyKey).not.toBeNull();
      byKey.set(run.idempotencyKey!, [...(byKey.get(run.idempotencyKey!) ?? []), run]);
    }
    const duplicates = [...byKey.values()].filter((group) => group.length > 1);
    expect(duplicates).toEqual([]);

    const byId = new Map(runs.map((r) => [r.id, r]));
    const idCalls = calls.filter((c) => c.outcome?.kind === 'id') as Array<Call & { outcome: { kind: 'id'; id: string } }>;
    const unknownKeys = new Set(calls.flatMap((c) => (c.outcome?.kind === 'unknown' ? [c.outcome.key] : [])));
    const answeredIds = new Set(idCalls.map((c) => c.outcome.id));
    expect(answeredIds.size).toBe(idCalls.length); // at most one run per call, and no two calls given one run
    for (const run of runs) {
      expect(
        answeredIds.has(run.id) || unknownKeys.has(run.idempotencyKey!),
        `run ${run.id} (key ${run.idempotencyKey}) belongs to no call`,
      ).toBe(true);
    }
    for (const call of idCalls) {
      const run = byId.get(call.outcome.id);
      expect(run, `call ${call.index} got ${call.outcome.id}, which the sandbox never made`).toBeDefined();
      if (call.key !== undefined) expect(run!.idempotencyKey).toBe(call.key);
      expect(run!.run['runtime_params']).toMatchObject({ number_of_samples: call.params.number_of_samples });
    }
    for (const call of calls.filter((c) => c.outcome?.kind === 'refused' && c.key !== undefined)) {
      expect(byKey.has(call.key!), `refused call ${call.index} created a run anyway`).toBe(false);
    }
  });

  it('every call that got an id finds exactly that run through the SDK', async () => {
    const idCalls = calls.filter((c) => c.outcome?.kind === 'id') as Array<Call & { outcome: { kind: 'id'; id: string } }>;
    const found = await pool(idCalls, CONCURRENCY, async (call) => (await client.runs.retrieve(call.outcome.id)).id);
    expect(found).toEqual(idCalls.map((c) => c.outcome.id));
  });

  it('each unknown outcome, retried with its key and no faults, resolves to the run that exists or creates exactly one', async () => {
    const unknown = calls.filter((c) => c.outcome?.kind === 'unknown') as Array<Call & { outcome: { kind: 'unknown'; key: string } }>;
    expect(unknown.length).toBeGreaterThan(50);
    const before = new Map(created().map((r) => [r.idempotencyKey!, r.id]));
    let replayed = 0;
    let createdNow = 0;
    await pool(unknown, CONCURRENCY, async (call) => {
      const { id } = await client.runs.create(call.params, { idempotencyKey: call.outcome.key, timeoutMs: 10_000 });
      const existing = before.get(call.outcome.key);
      if (existing !== undefined) {
        expect(id).toBe(existing);
        replayed++;
      } else createdNow++;
    });
    const after = created();
    const perKey = new Map<string, number>();
    for (const run of after) perKey.set(run.idempotencyKey!, (perKey.get(run.idempotencyKey!) ?? 0) + 1);
    for (const call of unknown) expect(perKey.get(call.outcome.key)).toBe(1);
    expect([...perKey.values()].every((n) => n === 1)).toBe(true);
    const idCount = calls.filter((c) => c.outcome?.kind === 'id').length;
    const refused = calls.filter((c) => c.outcome?.kind === 'refused').length;
    // Every run is one call's: the answered ones plus the unknown ones, now resolved; refused calls made none.
    expect(after.length).toBe(idCount + unknown.length);
    recordSection('1-duplicates-sdk', {
      order: 1,
      title: 'Creates (SDK)',
      rows: [
        ['creates', CREATES],
        ['faults injected', faultsInjected],
        ['answered with an id', idCount],
        ['unknown outcomes', unknown.length],
        ['refused (429/503+Retry-After every attempt, no run)', refused],
        ['unknown resolved to the existing run', replayed],
        ['unknown resolved by creating it now', createdNow],
        ['runs in the sandbox after resolving', after.length],
        ['duplicates', 0],
        ['unaccounted runs', 0],
        ['duration', `${(elapsedMs / 1000).toFixed(1)} s`],
      ],
      notes: [
        `${CONCURRENCY} concurrent creates, timeoutMs ${TIMEOUT_MS}, maxRetries 3, sandbox seed 61; even calls pass their own Idempotency-Key, odd calls let the SDK generate one.`,
        `Faults on POST /runs/: ${FAULTS.map((f) => `${f.kind}${f.status ? ` ${f.status}` : ''}${f.retryAfter !== undefined ? ` retry-after ${f.retryAfter}s` : ''}${f.ms ? ` ${f.ms} ms` : ''} p=${f.probability}`).join('; ')}.`,
      ],
    });
  });
});
