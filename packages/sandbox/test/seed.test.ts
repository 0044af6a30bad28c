import { describe, expect, it } from 'vitest';
import { openSandbox } from './helpers';

const FIXED = () => Date.parse('2025-06-01T09:00:00.000Z');

async function snapshot(seed: number) {
  const { sandbox, api } = await openSandbox({ seed, now: FIXED });
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

  it('has runs in every status and specs seeded, seedless, processing and failed', async () => {
    const { runs, specs } = await snapshot(5);
    expect(new Set(runs.map((r) => r.status))).toEqual(new Set(['PENDING', 'PROCESSING', 'SUCCEEDED', 'FAILED', 'CANCELED']));
    const list = specs;
    expect(list.some((s) => s.status === 'SUCCEEDED' && s.dataset_id !== null)).toBe(true);
    expect(list.some((s) => s.status === 'SUCCEEDED' && s.dataset_id === null)).toBe(true);
    expect(list.some((s) => s.status === 'PROCESSING')).toBe(true);
    expect(list.some((s) => s.status === 'FAILED')).toBe(true);
  });
});
