import { describe, expect, it } from 'vitest';
import type { SandboxOptions } from '../src/index';
import { openSandbox } from './helpers';

const FIXED = () => Date.parse('2025-06-01T09:00:00.000Z');

async function snapshot(seed: number | undefined) {
  const { sandbox, api } = await openSandbox({ ...(seed !== undefined && { seed }), now: FIXED } satisfies SandboxOptions);
  try {
    const runs = (await api('GET', '/runs/')).body as Array<{ id: string; status: string }>;
    const specs = (await api('GET', '/specs/')).body as Array<{ id: string; status: string; dataset_id: string | null }>;
    const spec = (await api('GET', `/specs/${specs[0]?.id}/?include_versions=true`)).body;
    const succeeded = runs.find((r) => r.status === 'SUCCEEDED');
    const samples = (await api('GET', `/runs/${succeeded?.id}/samples/?limit=5`)).body;
    const detail = (await api('GET', `/runs/${succeeded?.id}/`)).body;
    const created = (await api('POST', '/runs/', { body: { spec_id: specs[0]?.id, number_of_samples: 10 } })).body;
    return { runs, specs, spec, samples, detail, created };
  } finally {
    await sandbox.stop();
  }
}

describe('seeded data', () => {
  it('is the same for the same seed', async () => {
    const a = await snapshot(123);
    const b = await snapshot(123);
    expect(b).toEqual(a);
  });

  it('differs for another seed', async () => {
    const a = await snapshot(123);
    const c = await snapshot(124);
    expect(c.runs.map((r) => r.id)).not.toEqual(a.runs.map((r) => r.id));
    expect(c.created.id).not.toBe(a.created.id);
  });

  it('has new ids on every start without a seed, and otherwise the data of the default seed', async () => {
    const a = await snapshot(undefined);
    const b = await snapshot(undefined);
    const ids = (s: typeof a) => [...s.runs.map((r) => r.id), ...s.specs.map((r) => r.id), ...s.specs.map((r) => r.dataset_id)];
    expect(b.created.id).not.toBe(a.created.id);
    const seen = new Set(ids(a).filter((id) => id !== null));
    expect(ids(b).filter((id) => id !== null && seen.has(id))).toEqual([]);
    const one = await snapshot(1);
    const withoutIds = (s: typeof a) => ({
      runs: s.runs.map(({ status }) => status),
      detail: { ...s.detail, id: null, spec_id: null, dataset_id: null, generated_files: null },
      specs: s.specs.map(({ status }) => status),
    });
    expect(withoutIds(a)).toEqual(withoutIds(one));
  });

  it('has runs in every status and specs seeded, seedless, processing and failed', async () => {
    const { runs, specs } = await snapshot(5);
    expect(new Set(runs.map((r) => r.status))).toEqual(new Set(['PENDING', 'PROCESSING', 'SUCCEEDED', 'FAILED', 'CANCELED']));
    const list = specs;
    expect(list.some((s) => s.status === 'SUCCEEDED' && s.dataset_id !== null)).toBe(true);
    expect(list.some((s) => s.status === 'SUCCEEDED' && s.dataset_id === null)).toBe(true);
    expect(list.some((s) => s.status === 'PROCESSING')).toBe(true);
    expect(list.some((s) => s.status === 'FAILED')).toBe(true);
  });

  it('agrees with itself: a run shows its own spec and dataset, and a seedless spec shows no dataset name anywhere', async () => {
    const { sandbox, api } = await openSandbox({ seed: 9, now: FIXED });
    try {
      for (const key of [sandbox.keys.acme, sandbox.keys.globex]) {
        const list = (await api('GET', '/specs/', { key })).body as Array<Record<string, unknown>>;
        const specs = new Map<unknown, Record<string, unknown>>();
        for (const item of list) specs.set(item.id, (await api('GET', `/specs/${item.id}/`, { key })).body);
        const seedless = list.filter((item) => item.dataset_id === null);
        expect(seedless.length).toBeGreaterThan(0);
        for (const item of seedless) {
          expect(item.datasets_id).toBe('');
          expect(item).not.toHaveProperty('dataset_name');
          // The contract's Spec: "MULTI_FILE for seedless specs".
          expect(item.dataset_type).toBe('MULTI_FILE');
          expect(specs.get(item.id)).toMatchObject({ dataset_id: null, dataset_name: null, dataset_type: 'MULTI_FILE' });
        }
        const runs = (await api('GET', '/runs/', { key })).body as Array<Record<string, unknown>>;
        expect(runs.some((run) => specs.get(run.spec_id)?.dataset_id === null)).toBe(true);
        for (const run of runs) {
          const spec = specs.get(run.spec_id) as Record<string, unknown>;
          const detail = (await api('GET', `/runs/${run.id}/`, { key })).body as Record<string, unknown>;
          for (const shown of [run, detail]) {
            expect(shown).toMatchObject({
              spec_name: spec.name,
              dataset_id: spec.dataset_id,
              dataset_name: spec.dataset_name,
              dataset_type: spec.dataset_type,
            });
          }
        }
      }
    } finally {
      await sandbox.stop();
    }
  });
});
