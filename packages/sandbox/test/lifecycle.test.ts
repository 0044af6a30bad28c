import { afterEach, describe, expect, it } from 'vitest';
import type { Sandbox } from '../src/index';
import { manualClock, openSandbox, specIdIn } from './helpers';

let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.stop();
  sandbox = undefined;
});

describe('run lifecycle', () => {
  it('moves PENDING → PROCESSING → SUCCEEDED with rising samples and cost, computed from the clock', async () => {
    const clock = manualClock();
    const opened = await openSandbox({ seed: 3, now: clock.now, failureRate: 0 });
    sandbox = opened.sandbox;
    const { api } = opened;
    const specId = await specIdIn(api, 'SUCCEEDED');
    const created = await api('POST', '/runs/', { body: { spec_id: specId, number_of_samples: 100 } });
    expect(created.status).toBe(201);
    const id = created.body.id as string;

    const pending = await api('GET', `/runs/${id}/`);
    expect(pending.body).toMatchObject({
      status: 'PENDING',
      samples_completed: 0,
      samples_failed: 0,
      total_cost: null,
      completed_at: null,
    });
    expect(pending.body.runtime_params).toMatchObject({ number_of_samples: 100, generation_model: 'anthropic/claude-sonnet-4-6' });
    expect(pending.body.generated_files).toEqual([]);

    clock.advance(2000 + 4000); // pending 2 s, then 4 s at 5 samples/s
    const early = await api('GET', `/runs/${id}/`);
    expect(early.body.status).toBe('PROCESSING');
    expect(early.body.samples_completed + early.body.samples_failed).toBe(20);
    expect(early.body.total_cost).toBeGreaterThan(0);

    clock.advance(8000);
    const later = await api('GET', `/runs/${id}/`);
    expect(later.body.status).toBe('PROCESSING');
    expect(later.body.samples_completed + later.body.samples_failed).toBe(60);
    expect(later.body.total_cost).toBeGreaterThan(early.body.total_cost);
    expect(later.body.completed_at).toBeNull();

    clock.advance(8000);
    const done = await api('GET', `/runs/${id}/`);
    expect(done.body.status).toBe('SUCCEEDED');
    expect(done.body.samples_completed + done.body.samples_failed).toBe(100);
    expect(done.body.completed_at).toBe(new Date(Date.parse('2025-03-01T12:00:00.000Z') + 22000).toISOString());
    expect(done.body.generated_files.length).toBeGreaterThan(0);
    for (const file of done.body.generated_files) {
      expect(file).toEqual({
        id: expect.any(String),
        path: expect.any(String),
        file_type: expect.any(String),
        size_bytes: expect.any(Number),
      });
    }
    // Terminal values no longer change.
    clock.advance(3_600_000);
    const after = await api('GET', `/runs/${id}/`);
    expect(after.body).toEqual(done.body);
  });

  it('fails a deterministic fraction of runs, part-way through', async () => {
    const clock = manualClock();
    const opened = await openSandbox({ seed: 3, now: clock.now, failureRate: 1 });
    sandbox = opened.sandbox;
    const { api } = opened;
    const specId = await specIdIn(api, 'SUCCEEDED');
    const { body } = await api('POST', '/runs/', { body: { spec_id: specId, number_of_samples: 1000 } });
    clock.advance(2000 + 200_000 + 1);
    const run = await api('GET', `/runs/${body.id}/`);
    expect(run.body.status).toBe('FAILED');
    expect(run.body.completed_at).not.toBeNull();
    expect(run.body.samples_completed + run.body.samples_failed).toBeLessThan(1000);
    expect(run.body.samples_completed).toBeGreaterThan(0);
    expect(run.body.generated_files).toEqual([]);
  });

  it('fails about the configured fraction of many runs', async () => {
    const clock = manualClock();
    const opened = await openSandbox({ seed: 11, now: clock.now, failureRate: 0.3 });
    sandbox = opened.sandbox;
    const { api } = opened;
    const specId = await specIdIn(api, 'SUCCEEDED');
    const ids: string[] = [];
    for (let i = 0; i < 40; i++) ids.push((await api('POST', '/runs/', { body: { spec_id: specId, number_of_samples: 5 } })).body.id);
    clock.advance(60_000);
    const list = await api('GET', '/runs/');
    const mine = (list.body as Array<{ id: string; status: string }>).filter((r) => ids.includes(r.id));
    const failed = mine.filter((r) => r.status === 'FAILED').length;
    expect(mine.every((r) => r.status === 'FAILED' || r.status === 'SUCCEEDED')).toBe(true);
    expect(failed).toBeGreaterThan(3);
    expect(failed).toBeLessThan(25);
  });

  it('finishes a 10,000-sample run within seconds at speed 1000 on the real clock', async () => {
    const opened = await openSandbox({ seed: 5, speed: 1000, failureRate: 0 });
    sandbox = opened.sandbox;
    const { api } = opened;
    const specId = await specIdIn(api, 'SUCCEEDED');
    const { body } = await api('POST', '/runs/', { body: { spec_id: specId, number_of_samples: 10000 } });
    const started = Date.now();
    const seen = new Set<string>();
    let status = 'PENDING';
    while (Date.now() - started < 8000) {
      status = (await api('GET', `/runs/${body.id}/`)).body.status;
      seen.add(status);
      if (status === 'SUCCEEDED') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toBe('SUCCEEDED');
    expect(seen.has('PROCESSING')).toBe(true);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('lists runs newest first, the created one on top', async () => {
    const clock = manualClock();
    const opened = await openSandbox({ seed: 3, now: clock.now });
    sandbox = opened.sandbox;
    const { api } = opened;
    const specId = await specIdIn(api, 'SUCCEEDED');
    clock.advance(1000);
    const { body } = await api('POST', '/runs/', { body: { spec_id: specId, number_of_samples: 10 } });
    const list = (await api('GET', '/runs/')).body as Array<{ id: string; created_at: string }>;
    expect(list[0]?.id).toBe(body.id);
    const times = list.map((r) => Date.parse(r.created_at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });
});

describe('cancel', () => {
  it('cancels PENDING and PROCESSING runs, freezes their progress, and refuses finished runs with 400', async () => {
    const clock = manualClock();
    const opened = await openSandbox({ seed: 3, now: clock.now, failureRate: 0 });
    sandbox = opened.sandbox;
    const { api } = opened;
    const specId = await specIdIn(api, 'SUCCEEDED');
    const a = (await api('POST', '/runs/', { body: { spec_id: specId, number_of_samples: 100 } })).body.id;
    const canceledPending = await api('POST', `/runs/${a}/cancel/`);
    expect(canceledPending.status).toBe(200);
    expect(canceledPending.body).toMatchObject({ id: a, status: 'CANCELED', samples_completed: 0 });

    const b = (await api('POST', '/runs/', { body: { spec_id: specId, number_of_samples: 100 } })).body.id;
    clock.advance(2000 + 2000);
    const canceledProcessing = await api('POST', `/runs/${b}/cancel/`);
    expect(canceledProcessing.status).toBe(200);
    expect(canceledProcessing.body.status).toBe('CANCELED');
    expect(canceledProcessing.body.completed_at).toBe(new Date(clock.now()).toISOString());
    const frozen = canceledProcessing.body.samples_completed + canceledProcessing.body.samples_failed;
    expect(frozen).toBe(10);
    clock.advance(60_000);
    const later = await api('GET', `/runs/${b}/`);
    expect(later.body.status).toBe('CANCELED');
    expect(later.body.samples_completed + later.body.samples_failed).toBe(frozen);

    // Cancelling a finished run (canceled, then succeeded) answers 400: a silent case in the contract.
    const again = await api('POST', `/runs/${b}/cancel/`);
    expect(again.status).toBe(400);
    expect(again.body.detail).toMatch(/CANCELED.*can no longer be canceled/);
    const c = (await api('POST', '/runs/', { body: { spec_id: specId, number_of_samples: 5 } })).body.id;
    clock.advance(60_000);
    const finished = await api('POST', `/runs/${c}/cancel/`);
    expect(finished.status).toBe(400);
    expect(finished.body.detail).toMatch(/SUCCEEDED/);
  });

  it('answers 404 for an unknown run', async () => {
    const opened = await openSandbox();
    sandbox = opened.sandbox;
    const r = await opened.api('POST', '/runs/00000000-0000-4000-8000-000000000000/cancel/');
    expect(r.status).toBe(404);
    expect(r.body).toEqual({ detail: 'Not found.' });
  });
});
