import { type EvaluationStatus, type RunStatus, TERMINAL_RUN_STATUSES } from '../rules';
import type { EvaluationState, LifecycleRun } from './state';

/** The computed state of a run at one instant (times are simulated epoch ms). */
export interface RunProgress {
  status: RunStatus;
  processed: number;
  completed: number;
  failed: number;
  totalCost: number | null;
  completedSim: number | null;
}

/** Whether a run status is final. */
export function isTerminal(status: RunStatus): boolean {
  return TERMINAL_RUN_STATUSES.includes(status);
}

/** Simulated ms a run spends processing all its samples. */
export function processingMs(run: Pick<LifecycleRun, 'samples' | 'samplesPerSecond'>): number {
  return (run.samples / run.samplesPerSecond) * 1000;
}

/** Simulated ms from creation to the end of processing (success, or failure part-way). */
function endMs(run: LifecycleRun): number {
  return run.pendingMs + (run.fails ? run.failFraction * processingMs(run) : processingMs(run));
}

/** A run's status, counts and cost at simulated time `at`: PENDING, then PROCESSING, then SUCCEEDED or FAILED, unless CANCELED first. */
export function progress(run: LifecycleRun, at: number): RunProgress {
  const elapsed = at - run.createdSim;
  const end = endMs(run);
  const canceled = run.canceledSim !== null && run.canceledSim <= at;
  const cut = canceled ? Math.min(elapsed, (run.canceledSim as number) - run.createdSim) : elapsed;
  let status: RunStatus;
  let completedSim: number | null = null;
  if (canceled) {
    status = 'CANCELED';
    completedSim = run.canceledSim;
  } else if (elapsed < run.pendingMs) {
    status = 'PENDING';
  } else if (elapsed < end) {
    status = 'PROCESSING';
  } else {
    status = run.fails ? 'FAILED' : 'SUCCEEDED';
    completedSim = run.createdSim + end;
  }
  const counted = Math.floor(((Math.min(cut, end) - run.pendingMs) / 1000) * run.samplesPerSecond);
  const processed = status === 'SUCCEEDED' ? run.samples : status === 'PENDING' ? 0 : Math.max(0, Math.min(run.samples, counted));
  const failed = Math.floor(processed * run.sampleFailRate);
  const started = status !== 'PENDING' && !(canceled && cut < run.pendingMs);
  return {
    status,
    processed,
    completed: processed - failed,
    failed,
    totalCost: started ? Math.round(processed * run.costPerSample * 10000) / 10000 : null,
    completedSim,
  };
}

/** How long an evaluation stays PENDING, then PROCESSING, in simulated ms. */
export const EVALUATION_PENDING_MS = 1000;
export const EVALUATION_PROCESSING_MS = 5000;

/** The computed state of an evaluation at one instant (times are simulated epoch ms). */
export interface EvaluationProgress {
  status: EvaluationStatus;
  startedSim: number | null;
  completedSim: number | null;
}

/** An evaluation's status at simulated time `at`: PENDING, then PROCESSING, then SUCCEEDED or FAILED. */
export function evaluationProgress(evaluation: Pick<EvaluationState, 'createdSim' | 'fails'>, at: number): EvaluationProgress {
  const elapsed = at - evaluation.createdSim;
  if (elapsed < EVALUATION_PENDING_MS) return { status: 'PENDING', startedSim: null, completedSim: null };
  const startedSim = evaluation.createdSim + EVALUATION_PENDING_MS;
  if (elapsed < EVALUATION_PENDING_MS + EVALUATION_PROCESSING_MS) return { status: 'PROCESSING', startedSim, completedSim: null };
  return { status: evaluation.fails ? 'FAILED' : 'SUCCEEDED', startedSim, completedSim: startedSim + EVALUATION_PROCESSING_MS };
}
