import type { RunState } from '../store/state';
import { shapeFields } from './shapeFields';
import { iso, type ViewContext } from './ViewContext';

/** Fields of a run object kept in every mode: what a client needs to follow a run. */
const RUN_KEEP = ['id', 'status'];

/** The Run object of the list endpoint, every field present. */
function runFields({ store }: ViewContext, run: RunState): Record<string, unknown> {
  const p = store.progress(run);
  const completedAt = store.completedAt(run, p);
  return {
    id: run.id,
    status: p.status,
    spec_id: run.spec.id,
    spec_name: run.spec.name,
    spec_version: run.specVersion,
    dataset_id: run.spec.datasetId,
    dataset_name: run.spec.datasetName,
    dataset_type: run.spec.datasetType,
    samples_completed: p.completed,
    samples_failed: p.failed,
    total_cost: p.totalCost,
    created_at: iso(run.createdAt),
    created_by_email: run.createdBy,
    completed_at: completedAt === null ? null : iso(completedAt),
  };
}

/** The Run object of the list endpoint. */
export function runView(ctx: ViewContext, run: RunState): Record<string, unknown> {
  return shapeFields(runFields(ctx, run), RUN_KEEP, ctx.settings.optionalFields);
}

/** The RunDetail object of the retrieve, cancel and update endpoints. */
export function runDetailView(ctx: ViewContext, run: RunState): Record<string, unknown> {
  const view = runFields(ctx, run);
  const files =
    view.status === 'SUCCEEDED'
      ? ctx.store.files(run).map((f) => ({ id: f.id, path: f.path, file_type: f.fileType, size_bytes: f.data.length }))
      : [];
  return shapeFields({ ...view, runtime_params: { ...run.params }, generated_files: files }, RUN_KEEP, ctx.settings.optionalFields);
}

/** The status object of `GET /runs/{id}/status/` (untyped in the contract). */
export function runStatusView(ctx: ViewContext, run: RunState): Record<string, unknown> {
  const p = ctx.store.progress(run);
  const view = { id: run.id, status: p.status, samples_completed: p.completed, samples_failed: p.failed, total_cost: p.totalCost };
  return shapeFields(view, RUN_KEEP, ctx.settings.optionalFields);
}
