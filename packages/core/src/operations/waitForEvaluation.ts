import { checkOptions, waitOptionsCheck } from '../transport/checkOptions';
import { poll, type PollIntervals } from '../internal/poll';
import { isTerminalEvaluationStatus, type EvaluationStatus } from '../schemas/enums';
import type { Evaluation } from '../schemas/evaluationSchema';
import type { Transport } from '../types';
import { retrieveEvaluation } from './retrieveEvaluation';

/** A snapshot of an evaluation, reported on every poll. */
export interface EvaluationProgress {
  evaluation: Evaluation;
  status: EvaluationStatus;
  elapsedMs: number;
  /** Whether the status is final: a success (`SUCCEEDED`, `COMPLETED`) or `FAILED`. */
  terminal: boolean;
}

/** Options of `waitForEvaluation`. */
export interface WaitForEvaluationOptions extends PollIntervals {
  signal?: AbortSignal;
  /** Deadline for the whole wait; none by default. */
  timeoutMs?: number;
  /** Called after every poll with the evaluation as last seen. */
  onProgress?: (progress: EvaluationProgress) => void;
}

const waitForEvaluationOptionsSchema = /* @__PURE__ */ buildWaitForEvaluationOptionsSchema();

function buildWaitForEvaluationOptionsSchema() {
  return waitOptionsCheck({});
}

/**
 * Polls an evaluation until it succeeded (`SUCCEEDED`, or `COMPLETED`) or `FAILED` and returns it, whatever the outcome:
 * a failed evaluation is returned, not thrown. Unknown statuses keep it waiting; a deadline ends it with a TimeoutError
 * whose `last` is the last evaluation seen.
 */
export async function waitForEvaluation(
  transport: Transport,
  evaluationId: string,
  options: WaitForEvaluationOptions = {},
): Promise<Evaluation> {
  checkOptions(waitForEvaluationOptionsSchema, options, 'evaluations.wait');
  return poll<Evaluation>({
    transport,
    name: `Waiting for evaluation ${evaluationId}`,
    ...(options.signal && { signal: options.signal }),
    ...(options.timeoutMs !== undefined && { timeoutMs: options.timeoutMs }),
    ...(options.intervalMs !== undefined && { intervalMs: options.intervalMs }),
    ...(options.maxIntervalMs !== undefined && { maxIntervalMs: options.maxIntervalMs }),
    fetch: (signal, timeoutMs) => retrieveEvaluation(transport, evaluationId, { signal, timeoutMs }),
    done: (value) => isTerminalEvaluationStatus(value.status),
    onValue: (evaluation, elapsedMs) =>
      options.onProgress?.({ evaluation, status: evaluation.status, elapsedMs, terminal: isTerminalEvaluationStatus(evaluation.status) }),
    describe: (value) => (value ? `last seen ${value.status}` : 'no answer was received yet'),
  });
}
