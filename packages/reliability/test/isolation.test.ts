import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BadRequestError, NotFoundError, type NodeClient } from '@df/node';
import type { Sandbox } from '@df/sandbox';
import { recordSection } from './support/figures';
import { clientFor, sandbox, usableSpecId } from './support/sandbox';

// Issue 6, part 5: with two tenants' keys, every read and write on the other tenant's ids answers 404
// (NotFoundError), the other tenant's data is untouched, and idempotency keys do not cross tenants.
let box: Sandbox;
const clients: Record<'acme' | 'globex', NodeClient> = {} as never;
let checks = 0;
let violations = 0;

beforeAll(async () => {
  box = await sandbox({ seed: 65 });
  clients.acme = clientFor(box, { apiKey: box.keys.acme, maxRetries: 0 });
  clients.globex = clientFor(box, { apiKey: box.keys.globex, maxRetries: 0 });
  // Each tenant also gets a fresh run of its own, created under the same idempotency key.
  for (const tenant of ['acme', 'globex'] as const) {
    await clients[tenant].runs.create(
      { spec_id: await usableSpecId(clients[tenant]), number_of_samples: 50 },
      { idempotencyKey: 'shared-key-1' },
    );
  }
});
afterAll(async () => {
  await clients.acme?.close();
  await clients.globex?.close();
  await box?.stop();
});

describe('tenant isolation', () => {
  for (const [self, other] of [
    ['acme', 'globex'],
    ['globex', 'acme'],
  ] as const) {
    it(`${self} gets NotFoundError for every read and write on ${other}'s runs and specs, and changes nothing`, async () => {
      const client = clients[self];
      const theirs = box.runs(other);
      expect(theirs.length).toBeGreaterThanOrEqual(7);
      const before = JSON.stringify(box.runs(other).map((r) => [r.id, r.deleted, r.run['status'] === 'CANCELED']));
      const theirSpecs = (await clients[other].specs.list()).map((s) => s.id!);
      for (const { id } of theirs) {
        const attempts: Array<[string, () => Promise<unknown>]> = [
          ['retrieve', () => client.runs.retrieve(id)],
          ['cancel', () => client.runs.cancel(id)],
          ['delete', () => client.runs.delete(id)],
          ['samples', () => client.runs.samples(id, { limit: 5 })],
          ['requestFiles', () => client.runs.requestFiles(id)],
          ['waitForFiles', () => client.runs.waitForFiles(id, { timeoutMs: 2000 })],
          ['wait', () => client.runs.wait(id, { timeoutMs: 2000 })],
        ];
        for (const [name, call] of attempts) {
          const error = await call().catch((e: unknown) => e);
          checks++;
          if (!(error instanceof NotFoundError)) violations++;
          expect(error, `${self} ${name} on ${other}'s run ${id}`).toBeInstanceOf(NotFoundError);
          expect((error as NotFoundError).status).toBe(404);
        }
      }
      for (const specId of theirSpecs) {
        const error = await client.specs.retrieve(specId).catch((e: unknown) => e);
        checks++;
        expect(error, `${self} specs.retrieve on ${other}'s spec`).toBeInstanceOf(NotFoundError);
        // A create from their spec is refused as the sandbox documents (400, spec not found), creating nothing.
        const create = await client.runs.create({ spec_id: specId, number_of_samples: 1 }).catch((e: unknown) => e);
        checks++;
        expect(create).toBeInstanceOf(BadRequestError);
      }
      const listed = new Set((await client.runs.list()).map((r) => r.id));
      checks++;
      expect(theirs.filter((r) => listed.has(r.id))).toEqual([]);
      expect(JSON.stringify(box.runs(other).map((r) => [r.id, r.deleted, r.run['status'] === 'CANCELED']))).toBe(before);
    });
  }

  it('one idempotency key used by both tenants made two runs, each visible only to its own tenant', async () => {
    const acme = box.runs('acme').filter((r) => r.idempotencyKey === 'shared-key-1');
    const globex = box.runs('globex').filter((r) => r.idempotencyKey === 'shared-key-1');
    expect(acme).toHaveLength(1);
    expect(globex).toHaveLength(1);
    expect(acme[0]!.id).not.toBe(globex[0]!.id);
    // Replaying the key from the other tenant does not hand out the first tenant's run.
    const spec = await usableSpecId(clients.globex);
    const replay = await clients.globex.runs.create({ spec_id: spec, number_of_samples: 50 }, { idempotencyKey: 'shared-key-1' });
    expect(replay.id).toBe(globex[0]!.id);
    checks += 3;
    recordSection('5-isolation', {
      order: 5,
      title: 'Tenant isolation',
      rows: [
        ['cross-tenant calls checked', checks],
        ['answered other than NotFoundError / refused', violations],
      ],
      notes: [
        "acme and globex, each on the other's seeded and fresh runs: retrieve, cancel, delete, samples, requestFiles, waitForFiles, wait; specs.retrieve and create from the other's specs; list.",
      ],
    });
  });
});
