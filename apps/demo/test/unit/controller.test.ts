import { AuthenticationError, NotFoundError, type Run, type RunDetail } from '@df/browser';
import { describe, expect, it } from 'vitest';
import { CREATE_OPEN_KEY, createController } from '../../src/controller';
import type { DashboardClient } from '../../src/dashboardClient';
import { emptyDetail, initialState, type AppState } from '../../src/state';
import { lazyEvaluations } from '../../src/lazyEvaluations';
import { createStore } from '../../src/store';
import { nullRun, run, specs } from './fixtures';

function setup(overrides: Partial<{ [K in keyof DashboardClient['runs']]: unknown }> = {}, start: Partial<AppState> = {}) {
  const calls: string[] = [];
  let runs: Run[] = [run()];
  const client = {
    runs: {
      list: async () => (calls.push('list'), runs),
      retrieve: async (id: string) => (
        calls.push(`retrieve ${id}`), { ...runs.find((r) => r.id === id), runtime_params: { number_of_samples: 20000 } } as RunDetail
      ),
      create: async (params: unknown) => (calls.push(`create ${JSON.stringify(params)}`), { id: 'new-run-id' }),
      cancel: async (id: string) => void calls.push(`cancel ${id}`),
      delete: async (id: string) => void calls.push(`delete ${id}`),
      samples: async () => ({ result: { generated_outputs: [{ generated_sample: { a: 1 }, metadata: { index: 0 } }] } }),
      waitForFiles: async () => ({ download_url: 'https://files.example/run.zip', size_bytes: null }),
      ...overrides,
    },
    specs: { list: async () => specs },
    models: { list: async () => ({ models: [{ id: 'anthropic/claude-haiku-4-5' }] }) },
  } as unknown as DashboardClient;
  const store = createStore({ ...initialState({ name: 'list' }, '', 1000), ...start });
  const pushed: string[] = [];
  const replaced: string[] = [];
  const remembered: Array<[string, string]> = [];
  let href = 'http://dash.test/';
  const controller = createController({
    client,
    store,
    evaluations: lazyEvaluations(() => Promise.reject(new Error('no evaluations here'))),
    nav: {
      href: () => href,
      push: (h) => void pushed.push((href = h)),
      go: (hash) => void (href = `http://dash.test/${hash}`),
      replace: (hash) => void replaced.push((href = `http://dash.test/${hash}`)),
    },
    remember: (key, value) => void remembered.push([key, value]),
    copy: async () => undefined,
    now: () => 5000,
    refresh: async () => void calls.push('refresh'),
    timers: { setTimeout: () => 0 },
  });
  return {
    controller,
    store,
    calls,
    pushed,
    replaced,
    remembered,
    setRuns: (next: Run[]) => (runs = next),
    setHref: (h: string) => (href = h),
  };
}

describe('controller', () => {
  it('lists runs, learns each requested total once, and asks to poll again while one is unfinished', async () => {
    const { controller, store, calls } = setup();
    expect(await controller.tick()).toBe('again');
    expect(await controller.tick()).toBe('again');
    expect(calls.filter((c) => c.startsWith('retrieve'))).toHaveLength(1);
    expect(store.get().requested.get(run().id)).toBe(20000);
    expect(store.get().updatedAt).toBe(5000);
  });

  it('remembers a run whose detail has no total, so it is not fetched on every poll', async () => {
    const r = nullRun();
    const { controller, store, calls } = setup({ list: async () => [r], retrieve: async () => (calls.push('retrieve'), r) });
    await controller.tick();
    await controller.tick();
    expect(calls.filter((c) => c === 'retrieve')).toHaveLength(1);
    expect(store.get().requested.get(r.id)).toBeNull();
  });

  it('stops polling when every run is finished, and on a 401; retries later on other failures', async () => {
    const done = setup({ list: async () => [run({ status: 'SUCCEEDED' })] });
    expect(await done.controller.tick()).toBe('idle');
    const unknown = setup({ list: async () => [run({ status: 'QUEUED_FOR_GPU' })] });
    expect(await unknown.controller.tick()).toBe('again');
    const auth = setup({ list: async () => Promise.reject(new AuthenticationError('Invalid token.', { status: 401 })) });
    expect(await auth.controller.tick()).toBe('idle');
    expect(auth.store.get().listError).toBeInstanceOf(AuthenticationError);
    const down = setup({ list: async () => Promise.reject(new Error('down')) });
    expect(await down.controller.tick()).toBe('retry');
  });

  it('announces status changes between polls', async () => {
    const { controller, store, setRuns } = setup();
    await controller.tick();
    setRuns([run({ status: 'SUCCEEDED', samples_completed: 20000, samples_failed: 0, total_cost: 80 })]);
    await controller.tick();
    expect(store.get().announcement).toBe('Run 0d918362 is now succeeded: 20,000 samples, 0 failed, $80.00.');
  });

  it('polls the run page on the detail route, with a samples preview, and stops on a 404', async () => {
    const { controller, store, setHref } = setup();
    setHref(`http://dash.test/#/runs/${run().id}`);
    await controller.navigate();
    expect(store.get().route).toEqual({ name: 'detail', runId: run().id });
    expect(await controller.tick()).toBe('again');
    expect(store.get().detail?.run?.id).toBe(run().id);
    expect(store.get().detail?.samples).toEqual([{ index: 0, fields: { a: 1 } }]);

    const missing = setup({ retrieve: async () => Promise.reject(new NotFoundError('Not found.', { status: 404 })) });
    missing.setHref('http://dash.test/#/runs/nope');
    await missing.controller.navigate();
    expect(await missing.controller.tick()).toBe('idle');
    expect(missing.store.get().detail?.error).toBeInstanceOf(NotFoundError);
  });

  it('cancels and deletes only after confirmation; a delete from the run page goes back to the list', async () => {
    const { controller, store, calls, setHref } = setup();
    controller.ask('cancel', 'r1');
    expect(store.get().confirm).toEqual({ action: 'cancel', runId: 'r1' });
    controller.dismiss();
    expect(store.get().confirm).toBeUndefined();
    expect(calls.some((c) => c.startsWith('cancel'))).toBe(false);
    controller.ask('cancel', 'r1');
    await controller.confirm();
    expect(calls).toContain('cancel r1');
    expect(store.get().announcement).toBe('Run r1 canceled.');

    setHref(`http://dash.test/#/runs/${run().id}`);
    await controller.navigate();
    controller.ask('delete', run().id);
    await controller.confirm();
    expect(calls).toContain(`delete ${run().id}`);
    expect(store.get().announcement).toBe('Run 0d918362 deleted.');
  });

  it("checks the create form with core's schema, shows each issue at its field, and sends only what was filled in", async () => {
    const { controller, store, calls } = setup({}, { specs, models: [] });
    await controller.createRun({ spec_id: undefined, number_of_samples: 0, max_revision_cycles: -1 });
    const { errors } = store.get().create;
    expect(Object.keys(errors)).toEqual(['spec_id', 'number_of_samples', 'max_revision_cycles']);
    expect(errors['number_of_samples']).toBe('Must be from 1 to 20,000, got 0.');
    expect(calls.some((c) => c.startsWith('create'))).toBe(false);

    await controller.createRun({ spec_id: 's-ready', number_of_samples: 300, spec_version: 3 });
    expect(store.get().create.errors).toEqual({ spec_version: "This spec's latest version is 2." });

    await controller.createRun({
      spec_id: 's-ready',
      number_of_samples: 300,
      generation_model: 'anthropic/claude-haiku-4-5',
      seed_shuffling_level: 'field',
      skip_outline: true,
      unified_multifield: undefined,
      outline_model: undefined,
    });
    expect(calls).toContain(
      'create {"spec_id":"s-ready","number_of_samples":300,"generation_model":"anthropic/claude-haiku-4-5","seed_shuffling_level":"field","skip_outline":true}',
    );
    expect(store.get().create).toMatchObject({ phase: 'started', runId: 'new-run-id', message: 'Run new started for 300 samples.' });
    expect(store.get().requested.get('new-run-id')).toBe(300);
    expect(calls.at(-1)).toBe('refresh');
  });

  it('says what belongs to no field of the form in the form’s result line', async () => {
    const { controller, store, calls } = setup({}, { specs, models: [] });
    await controller.createRun({ number_of_samples: 10 });
    expect(store.get().create).toMatchObject({ phase: 'failed', message: 'Spec is required.', errors: {} });
    expect(calls.some((c) => c.startsWith('create'))).toBe(false);
  });

  it('prepares the ZIP and keeps a missing size as unknown', async () => {
    const { controller, store } = setup();
    await controller.prepareZip('r1');
    expect(store.get().downloads.get('r1')).toEqual({ state: 'ready', url: 'https://files.example/run.zip', size: undefined });
  });

  it('puts filters in the URL as a history entry', () => {
    const { controller, store, pushed } = setup();
    controller.setFilters({ status: 'FAILED' });
    expect(pushed).toEqual(['http://dash.test/?status=FAILED']);
    expect(store.get().search).toBe('?status=FAILED');
  });
});

describe('a run page opened by the short id the dashboard shows', () => {
  const other = '0d9183aa-1111-4222-8333-444455556666';
  const detailRoute = (runId: string) => ({ route: { name: 'detail' as const, runId }, detail: emptyDetail(runId) });
  const notFound = (calls: string[]) => async (id: string) => {
    calls.push(`retrieve ${id}`);
    throw new NotFoundError('Not found.', { status: 404 });
  };

  it('opens the only run whose id starts with it, and puts the full id in the URL without a history entry', async () => {
    const { controller, store, calls, replaced, pushed } = setup({}, detailRoute('0D918362'));
    expect(await controller.tick()).toBe('again');
    expect(replaced).toEqual([`http://dash.test/#/runs/${run().id}`]);
    expect(pushed).toEqual([]);
    expect(store.get().route).toEqual({ name: 'detail', runId: run().id });
    expect(store.get().detail?.run?.id).toBe(run().id);
    expect(calls.filter((c) => c.startsWith('retrieve'))).toEqual([`retrieve ${run().id}`]);
  });

  it('lists the runs it matches when it matches several, and asks the server nothing more', async () => {
    const { controller, store, calls, setRuns, replaced } = setup({}, detailRoute('0d9183'));
    setRuns([run(), run({ id: other })]);
    expect(await controller.tick()).toBe('idle');
    expect(store.get().detail?.matches).toEqual([run().id, other]);
    expect(replaced).toEqual([]);
    expect(calls.filter((c) => c.startsWith('retrieve'))).toEqual([]);
  });

  it('asks the server for an id nothing in the list starts with, so its 404 says there is no such run', async () => {
    const asked: string[] = [];
    const { controller, store, calls } = setup({ retrieve: notFound(asked) }, detailRoute('ffff'));
    expect(await controller.tick()).toBe('idle');
    expect(calls).toEqual(['list']);
    expect(asked).toEqual(['retrieve ffff']);
    expect(store.get().detail?.error).toBeInstanceOf(NotFoundError);
  });

  it('is not resolved again once its run is shown', async () => {
    const { controller, calls } = setup({}, detailRoute('0d918362'));
    await controller.tick();
    await controller.tick();
    expect(calls.filter((c) => c === 'list')).toHaveLength(1);
  });
});

describe('the create form on a narrow screen', () => {
  it('opens and closes, remembering each choice', () => {
    const { controller, store, remembered } = setup();
    expect(store.get().createOpen).toBe(false);
    controller.toggleCreate();
    expect(store.get().createOpen).toBe(true);
    controller.toggleCreate();
    expect(store.get().createOpen).toBe(false);
    expect(remembered).toEqual([
      [CREATE_OPEN_KEY, 'open'],
      [CREATE_OPEN_KEY, 'closed'],
    ]);
  });
});

describe('controller announcements', () => {
  it('adds status changes right after an action to its result instead of replacing it', async () => {
    const { controller, store, setRuns } = setup();
    await controller.tick();
    controller.ask('cancel', 'r1');
    await controller.confirm();
    setRuns([run({ status: 'SUCCEEDED' })]);
    await controller.tick();
    expect(store.get().announcement).toMatch(/^Run r1 canceled\. Run 0d918362 is now succeeded/);
  });
});
