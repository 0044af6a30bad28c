import { describe, expect, it } from 'vitest';
import { createTimeline } from '../src/internal/store/createTimeline';
import { EVALUATION_PENDING_MS, EVALUATION_PROCESSING_MS, evaluationProgress, progress } from '../src/internal/store/lifecycle';
import { placeRun } from '../src/internal/store/placeRun';
import type { LifecycleRun } from '../src/internal/store/state';

const T0 = Date.parse('2025-03-01T12:00:00.000Z');
// 100 samples at 5 per second after 2 s PENDING: processing ends 22 s after creation.
const run: LifecycleRun = {
  samples: 100,
  createdSim: T0,
  canceledSim: null,
  fails: false,
  failFraction: 0.5,
  sampleFailRate: 0.1,
  costPerSample: 0.004,
  pendingMs: 2000,
  samplesPerSecond: 5,
};

describe('progress(run, at)', () => {
  it('is PENDING, then PROCESSING with counts and cost, then SUCCEEDED', () => {
    expect(progress(run, T0 + 1999)).toEqual({
      status: 'PENDING',
      processed: 0,
      completed: 0,
      failed: 0,
      totalCost: null,
      completedSim: null,
    });
    expect(progress(run, T0 + 6000)).toEqual({
      status: 'PROCESSING',
      processed: 20,
      completed: 18,
      failed: 2,
      totalCost: 0.08,
      completedSim: null,
    });
    expect(progress(run, T0 + 22_000)).toEqual({
      status: 'SUCCEEDED',
      processed: 100,
      completed: 90,
      failed: 10,
      totalCost: 0.4,
      completedSim: T0 + 22_000,
    });
    expect(progress(run, T0 + 99_000_000)).toEqual(progress(run, T0 + 22_000));
  });

  it('fails part-way through a failing run', () => {
    const failing = { ...run, fails: true };
    expect(progress(failing, T0 + 11_999).status).toBe('PROCESSING');
    expect(progress(failing, T0 + 12_000)).toEqual({
      status: 'FAILED',
      processed: 50,
      completed: 45,
      failed: 5,
      totalCost: 0.2,
      completedSim: T0 + 12_000,
    });
  });

  it('freezes at the cancel time, with no cost when canceled while PENDING', () => {
    const canceled = { ...run, canceledSim: T0 + 4000 };
    expect(progress(canceled, T0 + 3999).status).toBe('PROCESSING');
    expect(progress(canceled, T0 + 60_000)).toEqual({
      status: 'CANCELED',
      processed: 10,
      completed: 9,
      failed: 1,
      totalCost: 0.04,
      completedSim: T0 + 4000,
    });
    expect(progress({ ...run, canceledSim: T0 + 1000 }, T0 + 60_000)).toEqual({
      status: 'CANCELED',
      processed: 0,
      completed: 0,
      failed: 0,
      totalCost: null,
      completedSim: T0 + 1000,
    });
  });

  it('gives evaluations PENDING 1 s, PROCESSING 5 s (from when they start), then SUCCEEDED, or FAILED when they fail', () => {
    const started = T0 + EVALUATION_PENDING_MS;
    const ended = started + EVALUATION_PROCESSING_MS;
    for (const fails of [false, true]) {
      const evaluation = { createdSim: T0, fails };
      expect(evaluationProgress(evaluation, started - 1)).toEqual({ status: 'PENDING', startedSim: null, completedSim: null });
      expect(evaluationProgress(evaluation, started)).toEqual({ status: 'PROCESSING', startedSim: started, completedSim: null });
      expect(evaluationProgress(evaluation, ended - 1).status).toBe('PROCESSING');
      expect(evaluationProgress(evaluation, ended)).toEqual({
        status: fails ? 'FAILED' : 'SUCCEEDED',
        startedSim: started,
        completedSim: ended,
      });
    }
  });
});

describe('timeline', () => {
  it('runs speed times as fast, keeps what passed when the speed changes, and jumps with advance', () => {
    let now = T0;
    const timeline = createTimeline(() => now, 10);
    now += 1000;
    expect(timeline.sim()).toBe(T0 + 10_000);
    timeline.setSpeed(1);
    now += 1000;
    expect(timeline.sim()).toBe(T0 + 11_000);
    expect(timeline.speed()).toBe(1);
    timeline.advance(60_000);
    expect(timeline.sim()).toBe(T0 + 71_000);
    // Back from simulated to wall-clock time, a skipped moment at the jump.
    expect(timeline.real(T0 + 10_000)).toBe(T0 + 1000);
    expect(timeline.real(T0 + 30_000)).toBe(T0 + 2000);
    expect(timeline.real(T0 + 72_000)).toBe(T0 + 3000);
    // Before the start, the first speed applies (seeded runs).
    expect(timeline.sim(T0 - 1000)).toBe(T0 - 10_000);
  });
});

describe('placeRun', () => {
  const timeline = createTimeline(() => T0, 1);
  it('places a run so that progress shows the asked status now', () => {
    for (const status of ['PENDING', 'PROCESSING', 'SUCCEEDED', 'FAILED', 'CANCELED'] as const) {
      const placed = { ...run, ...placeRun(run, status, T0, timeline, { fraction: 0.3 }) };
      expect(progress(placed, T0).status).toBe(status);
    }
    const processing = { ...run, ...placeRun(run, 'PROCESSING', T0, timeline, { fraction: 0.3 }) };
    expect(progress(processing, T0).processed).toBe(30);
    expect(placeRun(run, 'SUCCEEDED', T0, timeline, { ageMs: 86_400_000 }).createdSim).toBe(T0 - 86_400_000);
  });
});
