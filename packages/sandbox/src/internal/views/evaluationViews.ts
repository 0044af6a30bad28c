import { evaluationProgress } from '../store/lifecycle';
import type { EvaluationState } from '../store/state';
import { shapeFields } from './shapeFields';
import { iso, type ViewContext } from './ViewContext';

/** An evaluation of a run (the legacy run-scoped routes; untyped in the contract). */
export function evaluationView(ctx: ViewContext, evaluation: EvaluationState): Record<string, unknown> {
  const { timeline } = ctx.store;
  const p = evaluationProgress(evaluation, timeline.sim());
  const view = {
    id: evaluation.id,
    run_id: evaluation.runId,
    status: p.status,
    evaluation_model: evaluation.model,
    created_at: iso(evaluation.createdAt),
    completed_at: p.completedSim === null ? null : iso(timeline.real(p.completedSim)),
  };
  return shapeFields(view, ['id', 'status'], ctx.settings.optionalFields);
}
