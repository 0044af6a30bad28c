import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, OutcomeUnknownError, type NodeClient } from '@df/node';
import type { FaultRule, IdempotencyMode, Sandbox, SandboxRunRecord } from '@df/sandbox';
import { accountCreates, type CreateAccount } from './support/accountCreates';
import { recordSection } from './support/figures';
import { clientFor, describeCounts, pool, sandbox, settled, usableSpecId } from './support/sandbox';

// At least 1,000 creates through @df/node under random faults, then the sandbox's own records are compared
// with what every call returned. A run costs money: no create may be sent again once the server acted on it.
// Against a sandbox that honours Idempotency-Key a resent create is replayed, so the count there checks the
// server's de-duplication; against one that ignores the key, a second run under one key can only come from
// the SDK resending a create that had reached the server.
const CREATES = 1200;
const CONCURRENCY = 16;
const SEED = 61;

/** What the faults on POST /runs/ do; latency is beyond the call's deadline. */
const faultsFor = (timeoutMs: number): FaultRule[] => [
  { method: 'POST', path: '/runs/', kind: 'latency', ms: 3 * timeoutMs, probability: 0.04 },
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

type IdCall = Call & { outcome: { kind: 'id'; id: string } };
type UnknownCall = Call & { outcome: { kind: 'unknown'; key: string } };

const idCalls = (calls: Call[]) => calls.filter((c): c is IdCall => c.outcome?.kind === 'id');
const unknownCalls = (calls: Call[]) => calls.filter((c): c is UnknownCall => c.outcome?.kind === 'unknown');
const count = (calls: Call[], kind: Outcome['kind']) => calls.filter((c) => c.outcome?.kind === kind).length;

const faultNote = (faults: FaultRule[]) =>
  `Faults on POST /runs/: ${faults.map((f) => `${f.kind}${f.status ? ` ${f.status}` : ''}${f.retryAfter !== undefined ? ` retry-after ${f.retryAfter}s` : ''}${f.ms ? ` ${f.ms} ms` : ''} p=${f.probability}`).join('; ')}.`;

// Where the key is ignored the deadline leaves room for one backed-off retry (0.5 s), so a create the SDK resent
// after the server acted would show as a second run under its key.
describe.each<{ idempotency: IdempotencyMode; timeoutMs: number; title: string; name: string }>([
  { idempotency: 'honour', timeoutMs: 400, title: 'Creates (SDK)', name: '1-duplicates-sdk' },
  { idempotency: 'ignore', timeoutMs: 1000, title: 'Creates (SDK, server ignoring Idempotency-Key)', name: '1-duplicates-sdk-key-ignored' },
])('no duplicate runs: @df/node creates under random faults, Idempotency-Key $idempotency', ({ idempotency, timeoutMs, title, name }) => {
  const faults = faultsFor(timeoutMs);
  let box: Sandbox;
  let client: NodeClient;
  let specId: string;
  const calls: Call[] = [];
  let elapsedMs = 0;
  let faultsInjected = '';
  /** The account right after the faulted creates, before any unknown outcome was resolved. */
  let afterFaults: CreateAccount | undefined;

  beforeAll(async () => {
    box = await sandbox({ seed: SEED, idempotency });
    client = clientFor(box, { timeoutMs, maxRetries: 3 });
    // Setup is not under test: a default deadline, so the first request of the process (which loads the HTTP client) has time.
    const setup = clientFor(box);
    specId = await usableSpecId(setup);
    await setup.close();
  });

  afterAll(async () => {
    await client?.close();
    await box?.stop();
  });

  const created = (): SandboxRunRecord[] => box.runs('acme').filter((r) => !r.seeded);
  const account = (): CreateAccount =>
    accountCreates(created(), {
      answeredIds: idCalls(calls).map((c) => c.outcome.id),
      unknownKeys: unknownCalls(calls).map((c) => c.outcome.key),
    });

  /** Writes this mode's figures, every count taken from the sandbox's records. */
  const record = (counts: CreateAccount, extra: Array<[string, string | number]>) =>
    recordSection(name, {
      order: 1,
      title,
      rows: [
        ['creates', CREATES],
        ['faults injected', faultsInjected],
        ['answered with an id', count(calls, 'id')],
        ['unknown outcomes', count(calls, 'unknown')],
        ['unknown outcomes the server had acted on', (afterFaults ?? counts).unknownThatActed],
        ['refused (429/503+Retry-After every attempt, no run)', count(calls, 'refused')],
        ...extra,
        ['runs in the sandbox', counts.runs],
        ['duplicates (runs beyond the first under one key)', counts.duplicates],
        ['unaccounted runs (no id returned, key not reported)', counts.unaccounted.length],
        ['duration', `${(elapsedMs / 1000).toFixed(1)} s`],
      ],
      notes: [
        `${CONCURRENCY} concurrent creates, timeoutMs ${timeoutMs}, maxRetries 3, sandbox seed ${SEED}, idempotency '${idempotency}'; even calls pass their own Idempotency-Key, odd calls let the SDK generate one.`,
        faultNote(faults),
      ],
    });

  it(`${CREATES} creates, ${CONCURRENCY} at a time, each end with an id, an unknown outcome naming its key, or a proven refusal`, async () => {
    for (const rule of faults) box.faults.add(rule);
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
        // A run create always carries a key; an unknown outcome without one is counted with the other failures.
        if (error instanceof OutcomeUnknownError && error.idempotencyKey !== undefined)
          call.outcome = { kind: 'unknown', key: error.idempotencyKey, error };
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
    for (const call of unknownCalls(calls)) {
      if (call.key !== undefined) expect(call.outcome.key).toBe(call.key);
      expect((call.outcome as { error: Error }).error.message).toContain(call.outcome.key);
    }
    // Generated keys are unique per call, and each was really sent.
    const sentKeys = new Set(box.requests().map((r) => r.idempotencyKey));
    const unknownKeys = unknownCalls(calls).map((c) => c.outcome.key);
    expect(new Set(unknownKeys).size).toBe(unknownKeys.length);
    for (const key of unknownKeys) expect(sentKeys.has(key)).toBe(true);
    expect(elapsedMs).toBeLessThan(45_000);
  });

  it('the sandbox holds no duplicate, and every run it made is accounted for by a call', () => {
    const counts = account();
    afterFaults = counts;
    record(counts, []);
    expect(counts.duplicateGroups, 'runs made twice under one Idempotency-Key').toEqual([]);
    expect(counts.unaccounted, 'runs no call can know of').toEqual([]);
    expect(counts.unknownToServer, 'ids returned that the sandbox never made').toEqual([]);
    // The faults did make the server act without answering: the count above had something to catch.
    expect(counts.unknownThatActed).toBeGreaterThan(0);
    expect(created().every((r) => r.idempotencyKey !== null)).toBe(true);

    const byId = new Map(created().map((r) => [r.id, r]));
    const answered = idCalls(calls);
    expect(new Set(answered.map((c) => c.outcome.id)).size).toBe(answered.length); // no two calls given one run
    for (const call of answered) {
      const run = byId.get(call.outcome.id)!;
      if (call.key !== undefined) expect(run.idempotencyKey).toBe(call.key);
      expect(run.run['runtime_params']).toMatchObject({ number_of_samples: call.params.number_of_samples });
    }
    const keysWithRuns = new Set(created().map((r) => r.idempotencyKey));
    for (const call of calls.filter((c) => c.outcome?.kind === 'refused' && c.key !== undefined)) {
      expect(keysWithRuns.has(call.key!), `refused call ${call.index} created a run anyway`).toBe(false);
    }
  });

  // Retrieval does not depend on the server's idempotency: checked once.
  if (idempotency === 'honour')
    it('every call that got an id finds exactly that run through the SDK', async () => {
      const answered = idCalls(calls);
      const found = await pool(answered, CONCURRENCY, async (call) => (await client.runs.retrieve(call.outcome.id)).id);
      expect(found).toEqual(answered.map((c) => c.outcome.id));
    });

  // Repeating a create under its key is safe only where the server honours the key.
  if (idempotency === 'honour')
    it('each unknown outcome, retried with its key and no faults, resolves to the run that exists or creates exactly one', async () => {
      const unknown = unknownCalls(calls);
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
      // Every run is now one call's: the answered ones, and the unknown ones resolved under their keys.
      const counts = account();
      record(counts, [
        ['unknown resolved to the existing run', replayed],
        ['unknown resolved by creating it now', createdNow],
      ]);
      expect(counts.duplicateGroups).toEqual([]);
      expect(counts.unaccounted).toEqual([]);
      expect(replayed).toBe(afterFaults?.unknownThatActed);
      expect(counts.runs).toBe(count(calls, 'id') + unknown.length);
    });
});
