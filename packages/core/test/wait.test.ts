import { describe, expect, it, vi } from 'vitest';
import { AbortError, AuthenticationError, CostLimitError, createDataframerClient, TimeoutError, type RunProgress } from '../src/index';
import { json, networkError, sampleRunDetail, scriptedTransport, settle, useFakeClock } from './helpers';

function detail(status: string, completed: number, failed = 0, cost: number | null = completed * 0.01) {
  return sampleRunDetail({ status, samples_completed: completed, samples_failed: failed, total_cost: cost });
}

useFakeClock();

describe('runs.wait', () => {
  it('polls with a growing interval until a terminal status and reports progress each time', async () => {
    const answers = [detail('PENDING', 0), detail('PROCESSING', 40, 2), detail('PROCESSING', 80, 3), detail('SUCCEEDED', 97, 3)];
    const { transport, sent } = scriptedTransport(answers.map((a) => () => json(200, a)));
    const progress: RunProgress[] = [];
    const started = Date.now();
    const result = settle(createDataframerClient(transport).runs.wait('r1', { onProgress: (p) => progress.push(p) }));
    await vi.advanceTimersByTimeAsync(10_000);
    const outcome = (await result) as { ok: true; value: { status: string } };
    expect(outcome.value.status).toBe('SUCCEEDED');
    // 1 s, then 1.5 s, then 2.25 s between polls
    expect(sent.map((s) => s.at - started)).toEqual([0, 1000, 2500, 4750]);
    expect(progress.map((p) => [p.status, p.completed, p.failed, p.requested, p.fraction, p.total_cost, p.terminal])).toEqual([
      ['PENDING', 0, 0, 100, 0, 0, false],
      ['PROCESSING', 40, 2, 100, 0.42, 0.4, false],
      ['PROCESSING', 80, 3, 100, 0.83, 0.8, false],
      ['SUCCEEDED', 97, 3, 100, 1, 0.97, true],
    ]);
  });

  it('never polls slower than maxIntervalMs, so progress arrives at least that often', async () => {
    const { transport, sent } = scriptedTransport([() => json(200, detail('PROCESSING', 1))]);
    const controller = new AbortController();
    const started = Date.now();
    const result = settle(createDataframerClient(transport).runs.wait('r1', { signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(60_000);
    controller.abort();
    await result;
    const gaps = sent.slice(1).map((s, i) => s.at - sent[i]!.at);
    expect(Math.max(...gaps)).toBe(2500);
    expect(sent.length).toBeLessThanOrEqual(40);
    expect(sent[0]!.at - started).toBe(0);
  });

  it('returns FAILED and CANCELED runs too', async () => {
    for (const status of ['FAILED', 'CANCELED']) {
      const { transport } = scriptedTransport([() => json(200, detail(status, 5))]);
      const run = await createDataframerClient(transport).runs.wait('r1');
      expect(run.status).toBe(status);
    }
  });

  it('keeps waiting through unknown statuses', async () => {
    const { transport, sent } = scriptedTransport([
      () => json(200, detail('QUEUED_FOR_GPU', 0)),
      () => json(200, detail('RUNNING', 10)),
      () => json(200, detail('SUCCEEDED', 100)),
    ]);
    const result = settle(createDataframerClient(transport).runs.wait('r1'));
    await vi.advanceTimersByTimeAsync(5000);
    expect(((await result) as { value: { status: string } }).value.status).toBe('SUCCEEDED');
    expect(sent).toHaveLength(3);
  });

  it('keeps polling through transient failures', async () => {
    const { transport } = scriptedTransport(
      [
        () => json(200, detail('PROCESSING', 1)),
        () => json(502, {}),
        () => {
          throw networkError('ECONNRESET');
        },
        () => json(200, detail('SUCCEEDED', 100)),
      ],
      { maxRetries: 0 },
    );
    const result = settle(createDataframerClient(transport).runs.wait('r1'));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(((await result) as { value: { status: string } }).value.status).toBe('SUCCEEDED');
  });

  it('stops at once on a permanent error', async () => {
    const { transport, sent } = scriptedTransport([() => json(401, { detail: 'Invalid key.' })]);
    await expect(createDataframerClient(transport).runs.wait('r1')).rejects.toBeInstanceOf(AuthenticationError);
    expect(sent).toHaveLength(1);
  });

  it('ends at its deadline with a timeout error that carries the last run seen', async () => {
    const { transport } = scriptedTransport([() => json(200, detail('PROCESSING', 42, 1, 1.5))]);
    const started = Date.now();
    let settledAt = 0;
    const result = settle(createDataframerClient(transport).runs.wait('r1', { timeoutMs: 10_000 })).finally(() => (settledAt = Date.now()));
    await vi.advanceTimersByTimeAsync(20_000);
    const outcome = (await result) as { ok: false; error: TimeoutError<{ samples_completed: number }> };
    expect(outcome.error).toBeInstanceOf(TimeoutError);
    expect(outcome.error.last?.samples_completed).toBe(42);
    expect(outcome.error.message).toBe(
      'Waiting for run r1 did not finish within its 10 s deadline: last seen PROCESSING, 42/100 samples completed, 1 failed, $1.50 so far',
    );
    expect(vi.getTimerCount()).toBe(0);
    expect(settledAt - started).toBe(10_000);
  });

  it('ends at the deadline even while a poll is stalled', async () => {
    const { transport } = scriptedTransport([() => json(200, detail('PROCESSING', 1)), () => new Promise<Response>(() => {})]);
    const result = settle(createDataframerClient(transport).runs.wait('r1', { timeoutMs: 4000 }));
    await vi.advanceTimersByTimeAsync(3999);
    expect(vi.getTimerCount()).toBeGreaterThan(0);
    await vi.advanceTimersByTimeAsync(1);
    const outcome = (await result) as { ok: false; error: TimeoutError };
    expect(outcome.error).toBeInstanceOf(TimeoutError);
    expect(outcome.error.last).toBeDefined();
  });

  it('aborts during a sleep at once', async () => {
    const { transport } = scriptedTransport([() => json(200, detail('PROCESSING', 3))]);
    const controller = new AbortController();
    const result = settle(createDataframerClient(transport).runs.wait('r1', { signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(500);
    controller.abort();
    const outcome = (await result) as { ok: false; error: AbortError };
    expect(outcome.error).toBeInstanceOf(AbortError);
    expect(outcome.error.last).toBeDefined();
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('runs.wait with a spending limit', () => {
  it('cancels the run on the first poll that shows it past maxCost, and throws with the run last seen', async () => {
    const answers = [detail('PROCESSING', 10, 0, 0.1), detail('PROCESSING', 60, 0, 0.6), detail('PROCESSING', 90, 0, 0.9)];
    const { transport, sent } = scriptedTransport([...answers.map((a) => () => json(200, a)), () => json(200, { status: 'CANCELED' })]);
    const result = settle(createDataframerClient(transport).runs.wait('r1', { maxCost: 0.5 }));
    await vi.advanceTimersByTimeAsync(10_000);
    const outcome = (await result) as { ok: false; error: CostLimitError<{ total_cost: number }> };
    expect(outcome.error).toBeInstanceOf(CostLimitError);
    expect(outcome.error).toMatchObject({ code: 'cost_limit', maxCost: 0.5, canceled: true });
    expect(outcome.error.last.total_cost).toBe(0.6);
    expect(outcome.error.message).toBe('Run r1 passed the $0.50 limit at $0.60 and was canceled');
    expect(sent.map((s) => `${s.method} ${new URL(s.url).pathname}`)).toEqual([
      'GET /api/dataframer/runs/r1/',
      'GET /api/dataframer/runs/r1/',
      'POST /api/dataframer/runs/r1/cancel/',
    ]);
  });

  it("only stops waiting with onMaxCost: 'stop', and reports a run that finished over the limit", async () => {
    const over = scriptedTransport([() => json(200, detail('PROCESSING', 60, 0, 0.6))]);
    const stopped = (await createDataframerClient(over.transport)
      .runs.wait('r1', { maxCost: 0.5, onMaxCost: 'stop' })
      .catch((e: unknown) => e)) as CostLimitError;
    expect(stopped).toMatchObject({ canceled: false, maxCost: 0.5 });
    expect(stopped.message).toContain('it is still PROCESSING (not canceled)');
    expect(over.sent).toHaveLength(1);
    const finished = scriptedTransport([() => json(200, detail('SUCCEEDED', 100, 0, 1.2))]);
    const late = (await createDataframerClient(finished.transport)
      .runs.wait('r1', { maxCost: 1 })
      .catch((e: unknown) => e)) as CostLimitError;
    expect(late).toMatchObject({ canceled: false });
    expect(late.message).toBe('Run r1 ended SUCCEEDED at $1.20, over the $1.00 limit');
    const within = scriptedTransport([() => json(200, detail('SUCCEEDED', 100, 0, 0.9))]);
    await expect(createDataframerClient(within.transport).runs.wait('r1', { maxCost: 1 })).resolves.toMatchObject({ status: 'SUCCEEDED' });
  });

  it('treats a missing or null cost as nothing spent yet, and a progress field the server sent as null as unknown', async () => {
    const { transport } = scriptedTransport([
      () =>
        json(
          200,
          sampleRunDetail({ status: 'PROCESSING', total_cost: null, samples_completed: null, samples_failed: null, runtime_params: null }),
        ),
      () => json(200, sampleRunDetail({ status: 'SUCCEEDED', total_cost: 0.2, runtime_params: { number_of_samples: null } })),
    ]);
    const progress: RunProgress[] = [];
    const result = settle(createDataframerClient(transport).runs.wait('r1', { maxCost: 1, onProgress: (p) => progress.push(p) }));
    await vi.advanceTimersByTimeAsync(2000);
    expect((await result).ok).toBe(true);
    expect(progress.map((p) => [p.completed, p.failed, p.requested, p.fraction, p.total_cost])).toEqual([
      [0, 0, undefined, undefined, undefined],
      [10, 1, undefined, undefined, 0.2],
    ]);
  });
});

describe('runs.waitForFiles', () => {
  it('polls while the server answers 202 and returns the URL', async () => {
    const { transport, sent } = scriptedTransport([
      () => new Response(null, { status: 202 }),
      () => new Response(JSON.stringify({ detail: 'building' }), { status: 202 }),
      () => json(200, { download_url: 'https://files.example.test/r1.zip', size_bytes: 99 }),
    ]);
    const result = settle(createDataframerClient(transport).runs.waitForFiles('r1'));
    await vi.advanceTimersByTimeAsync(5000);
    expect(await result).toEqual({ ok: true, value: { download_url: 'https://files.example.test/r1.zip', size_bytes: 99 } });
    expect(sent).toHaveLength(3);
  });
});
