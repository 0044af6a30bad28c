import { evaluationProgress } from '../store/lifecycle';
import { createRandom, hashSeed } from '../store/random';
import type { EvaluationState } from '../store/state';
import { shapeFields } from './shapeFields';
import { iso, type ViewContext } from './ViewContext';

/** Fields of an evaluation kept in every mode: what a client needs to follow it. */
const EVALUATION_KEEP = ['id', 'status'];

const STATUS_DISPLAY: Record<string, string> = {
  PENDING: 'Pending',
  PROCESSING: 'Processing',
  SUCCEEDED: 'Succeeded',
  COMPLETED: 'Completed',
  FAILED: 'Failed',
};

/** A uuid and a user number that stay the same for a company id (the sandbox's companies have short ids). */
const companyUuid = (companyId: string): string => createRandom(hashSeed(`company:${companyId}`)).uuid();
const companyUser = (companyId: string): number => 100 + (hashSeed(`user:${companyId}`) % 900);

/** An evaluation's status and times now, the success status spelled as the settings say, times in wall-clock ms. */
function evaluationFacts({ store, settings }: ViewContext, evaluation: EvaluationState) {
  const { timeline } = store;
  const p = evaluationProgress(evaluation, timeline.sim());
  const startedAt = p.startedSim === null ? null : timeline.real(p.startedSim);
  const completedAt = p.completedSim === null ? null : timeline.real(p.completedSim);
  const status = p.status === 'SUCCEEDED' ? settings.evaluationSuccessStatus : p.status;
  return { succeeded: p.status === 'SUCCEEDED', failed: p.status === 'FAILED', status, startedAt, completedAt };
}

/** The EvaluationSummary of a run's evaluations list. */
export function evaluationSummaryView(ctx: ViewContext, evaluation: EvaluationState): Record<string, unknown> {
  const facts = evaluationFacts(ctx, evaluation);
  const view = {
    id: evaluation.id,
    run_id: evaluation.runId,
    status: facts.status,
    conformance_score: facts.succeeded ? ctx.store.evaluationResult(evaluation).result.score : null,
    started_at: facts.startedAt === null ? null : iso(facts.startedAt),
    completed_at: facts.completedAt === null ? null : iso(facts.completedAt),
    created_by_email: evaluation.createdBy,
    created_at: iso(evaluation.createdAt),
    status_display: STATUS_DISPLAY[facts.status],
  };
  return shapeFields(view, EVALUATION_KEEP, ctx.settings.optionalFields);
}

/** The full Evaluation of create and retrieve: the analysis once SUCCEEDED, an error message once FAILED. */
export function evaluationView(ctx: ViewContext, evaluation: EvaluationState): Record<string, unknown> {
  const facts = evaluationFacts(ctx, evaluation);
  const found = facts.succeeded ? ctx.store.evaluationResult(evaluation) : null;
  const result = found?.result ?? null;
  const analyzed = result?.classifications.length ?? 0;
  const now = ctx.store.now();
  // Until it ends, the duration so far: 0 while PENDING.
  const durationMs = facts.startedAt === null ? 0 : (facts.completedAt ?? now) - facts.startedAt;
  const completedIso = facts.completedAt === null ? null : iso(facts.completedAt);
  const view = {
    id: evaluation.id,
    run_id: evaluation.runId,
    status: facts.status,
    conformance_score: result?.score ?? null,
    conformance_explanation: result?.explanation ?? '',
    distribution_analysis:
      result?.distributions.map((d) => ({
        property_name: d.property,
        total_samples: found?.totalSamples,
        requested_distributions: d.requested,
        expected_distributions: d.requested,
        evaluated_distributions: d.evaluated,
        total_samples_analyzed: analyzed,
      })) ?? null,
    sample_classifications: (result?.classifications ?? []).map((classifications, i) => ({
      id: createRandom(hashSeed(`${evaluation.id}:${i}`)).uuid(),
      evaluation_id: evaluation.id,
      sample_identifier: `sample_${i + 1}`,
      classifications,
      created_at: completedIso,
    })),
    started_at: facts.startedAt === null ? null : iso(facts.startedAt),
    completed_at: completedIso,
    error_message: facts.failed
      ? `The evaluation model ${evaluation.model} did not return a classification for every sample; start a new evaluation.`
      : null,
    created_by_email: evaluation.createdBy,
    created_at: iso(evaluation.createdAt),
    duration_seconds: Math.round(durationMs) / 1000,
    company_id: companyUuid(evaluation.companyId),
    status_display: STATUS_DISPLAY[facts.status],
    conformant_areas: result?.conformantAreas ?? '',
    non_conformant_areas: result?.nonConformantAreas ?? '',
    trace: { task_id: evaluation.taskId, evaluation_model: evaluation.model },
    created_by: companyUser(evaluation.companyId),
    updated_at: iso(Math.max(evaluation.createdAt, facts.startedAt ?? 0, facts.completedAt ?? 0)),
  };
  return shapeFields(view, EVALUATION_KEEP, ctx.settings.optionalFields);
}

/** The answer of the legacy run-scoped create (its shape is untyped in the contract). */
export function legacyEvaluationView(ctx: ViewContext, evaluation: EvaluationState): Record<string, unknown> {
  const facts = evaluationFacts(ctx, evaluation);
  const view = {
    id: evaluation.id,
    run_id: evaluation.runId,
    status: facts.status,
    evaluation_model: evaluation.model,
    created_at: iso(evaluation.createdAt),
    completed_at: facts.completedAt === null ? null : iso(facts.completedAt),
  };
  return shapeFields(view, EVALUATION_KEEP, ctx.settings.optionalFields);
}
