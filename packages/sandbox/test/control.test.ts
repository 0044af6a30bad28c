import { DEFAULT_DATASET_PATHS, DEFAULT_EVALUATION_SUCCESS_STATUS, DEFAULT_FAILURE_RATE } from '../src/internal/rules';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setupSandbox, type Sandbox } from '../src/index';
import { manualClock, openSandbox } from './helpers';

let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.stop();
  sandbox = undefined;
});

async function run(s: Sandbox, id: string): Promise<any> {
  return (await fetch(`${s.url}/api/dataframer/runs/${id}/`, { headers: { authorization: `Bearer ${s.keys.acme}` } })).json();
}

describe('control: time', () => {
  it('changes the speed without losing progress, and moves time forward with advance', async () => {
    const clock = manualClock();
    ({ sandbox } = await openSandbox({ now: clock.now, failureRate: 0 }));
    const { control } = sandbox;
    const id = control.seedRun({ status: 'PENDING', samples: 1000 });
    clock.advance(2000 + 10_000); // speed 1: 50 processed
    const at1 = await run(sandbox, id);
    expect(at1.samples_completed + at1.samples_failed).toBe(50);
    control.setSpeed(10);
    expect((await run(sandbox, id)).samples_completed).toBe(at1.samples_completed); // nothing jumps
    clock.advance(1000); // 10 s simulated: 50 more
    const at2 = await run(sandbox, id);
    expect(at2.samples_completed + at2.samples_failed).toBe(100);
    control.advance(400_000);
    const done = await run(sandbox, id);
    expect(done.status).toBe('SUCCEEDED');
    expect(Date.parse(done.completed_at)).toBeLessThanOrEqual(clock.now());
    // Evaluations fail as often as runs unless told otherwise.
    expect(control.settings()).toEqual({
      speed: 10,
      specReadyStatus: 'SUCCEEDED',
      optionalFields: 'present',
      datasetPaths: DEFAULT_DATASET_PATHS,
      evaluationSuccessStatus: DEFAULT_EVALUATION_SUCCESS_STATUS,
      evaluationFailureRate: 0,
    });
    expect(() => control.setSpeed(0)).toThrow(/speed must be a positive number/);
    expect(() => control.advance(-5)).toThrow(/ms must be a number >= 0/);
  });
});

describe('control: seeded runs and reset', () => {
  it('seeds a run that shows the asked status now, for any company', async () => {
    ({ sandbox } = await openSandbox());
    const { control } = sandbox;
    for (const status of ['PENDING', 'PROCESSING', 'SUCCEEDED', 'FAILED', 'CANCELED'] as const) {
      const id = control.seedRun({ status, samples: 300 });
      expect((await run(sandbox, id)).status, status).toBe(status);
    }
    const half = await run(sandbox, control.seedRun({ status: 'PROCESSING', samples: 1000, progress: 0.5 }));
    expect(half.samples_completed + half.samples_failed).toBe(500);
    const globex = control.seedRun({ status: 'SUCCEEDED', company: sandbox.keys.globex });
    expect(sandbox.runs('globex').map((r) => r.id)).toContain(globex);
    expect(() => control.seedRun({ status: 'DONE' as 'FAILED' })).toThrow(/status must be one of/);
    expect(() => control.seedRun({ status: 'FAILED', company: 'nobody' })).toThrow(/unknown company/);
    expect(() => control.seedRun({ status: 'FAILED', samples: 0 })).toThrow(/samples must be/);
    expect(() => control.seedRun({ status: 'FAILED', specId: '00000000-0000-4000-8000-000000000000' })).toThrow(/not a SUCCEEDED spec/);
  });

  it('resets to the seeded data (of another seed too), forgetting created runs and idempotency keys, keeping faults', async () => {
    ({ sandbox } = await openSandbox({ seed: 5 }));
    const seeded = sandbox.runs().map((r) => r.id);
    sandbox.control.seedRun({ status: 'FAILED' });
    sandbox.faults.add('GET /models/ server-error');
    sandbox.control.reset();
    expect(sandbox.runs().map((r) => r.id)).toEqual(seeded);
    expect(sandbox.faults.list()).toHaveLength(1);
    sandbox.control.reset({ seed: 6 });
    expect(sandbox.runs().map((r) => r.id)).not.toEqual(seeded);
    expect(sandbox.runs()).toHaveLength(seeded.length);
  });

  it('is driven over the admin API: clock, seeded runs, reset', async () => {
    ({ sandbox } = await openSandbox({ seed: 5 }));
    const admin = `${sandbox.url}/__sandbox`;
    const seeded = await fetch(`${admin}/runs`, {
      method: 'POST',
      body: JSON.stringify({ status: 'PROCESSING', samples: 100, progress: 0.1 }),
    });
    expect(seeded.status).toBe(201);
    const { id } = (await seeded.json()) as { id: string };
    expect((await run(sandbox, id)).status).toBe('PROCESSING');
    expect((await fetch(`${admin}/clock/advance`, { method: 'POST', body: JSON.stringify({ ms: 60_000 }) })).status).toBe(204);
    expect((await run(sandbox, id)).status).toBe('SUCCEEDED');
    const bad = await fetch(`${admin}/runs`, { method: 'POST', body: JSON.stringify({ status: 'SOON' }) });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { detail: string }).detail).toMatch(/status must be one of/);
    expect((await fetch(`${admin}/clock/advance`, { method: 'POST', body: '{"ms": "soon"}' })).status).toBe(400);
    expect((await fetch(`${admin}/reset`, { method: 'POST' })).status).toBe(204);
    expect(sandbox.runs().some((r) => r.id === id)).toBe(false);
    expect((await fetch(`${admin}/reset`, { method: 'POST', body: '[]' })).status).toBe(400);
    const state = (await (await fetch(`${admin}/state`)).json()) as { settings: unknown };
    expect(state.settings).toEqual({
      speed: 1,
      spec_ready_status: 'SUCCEEDED',
      optional_fields: 'present',
      dataset_paths: DEFAULT_DATASET_PATHS,
      evaluation_success_status: DEFAULT_EVALUATION_SUCCESS_STATUS,
      evaluation_failure_rate: DEFAULT_FAILURE_RATE,
    });
  });
});

describe('setupSandbox', () => {
  const hooks: { before?: () => Promise<void>; after?: () => Promise<void> } = {};
  const box = setupSandbox({ beforeAll: (fn) => (hooks.before = fn), afterAll: (fn) => (hooks.after = fn), seed: 3, speed: 500 });
  let url = '';
  beforeAll(() => hooks.before?.());
  afterAll(() => hooks.after?.());

  it('hands back the base URL, the demo key and the control once started', async () => {
    url = box.baseUrl;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(box.apiKey).toBe('sk_test_sandbox_acme_demo');
    expect(box.control.settings().speed).toBe(500);
    expect(box.sandbox.url).toBe(url);
    const runs = await fetch(`${box.baseUrl}/api/dataframer/runs/`, { headers: { authorization: `Bearer ${box.apiKey}` } });
    expect(runs.status).toBe(200);
  });

  it('stops it after the suite and says so when read outside it', async () => {
    await hooks.after?.();
    expect(() => box.baseUrl).toThrow(/not running: read baseUrl, apiKey and control inside a test/);
    await expect(fetch(`${url}/api/dataframer/health/`)).rejects.toThrow();
  });
});
