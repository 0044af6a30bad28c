import { evaluationProgress } from '../store/lifecycle';
import { DEFAULT_MODEL, GENERATION_MODELS } from '../store/catalog';
import type { EvaluationState } from '../store/Store';
import { shapeFields } from './shapeFields';
import { iso, type ViewContext } from './ViewContext';

/** The models answer (untyped in the contract). */
export function modelsView(ctx: ViewContext): Record<string, unknown> {
  const models = GENERATION_MODELS.map((id) =>
    shapeFields(
      {
        id,
        provider: id.split('/')[0],
        thinking: id.endsWith('-thinking'),
        requires_databricks_credentials: id.startsWith('databricks/'),
        default: id === DEFAULT_MODEL,
      },
      ['id'],
      ctx.settings.optionalFields,
    ),
  );
  return shapeFields({ models }, [], ctx.settings.optionalFields);
}

/** The health answer (untyped in the contract). */
export function healthView(ctx: ViewContext): Record<string, unknown> {
  return shapeFields({ status: 'ok', service: 'dataframer-sandbox', time: iso(ctx.store.now()) }, [], ctx.settings.optionalFields);
}

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
