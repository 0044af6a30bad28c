import type { RunState } from '../store/state';
import { shapeFields } from './shapeFields';
import type { ViewContext } from './ViewContext';

/** One generated output as the samples endpoints list it. */
function output(ctx: ViewContext, run: RunState, index: number): Record<string, unknown> {
  const { sample, finishTime } = ctx.store.sampleAt(run, index);
  return { generated_sample: sample, metadata: { finish_time: finishTime, index } };
}

/** The samples answer for the given finish-time positions; positions not completed yet are `null` and `out_of_range`. */
export function samplesView(
  ctx: ViewContext,
  run: RunState,
  indices: readonly number[],
  options: { skipMissing: boolean },
): Record<string, unknown> {
  const p = ctx.store.progress(run);
  const outputs: Array<Record<string, unknown> | null> = [];
  const statuses: Array<{ index: number; status: string }> = [];
  for (const index of indices) {
    const done = index < p.completed;
    if (!done && options.skipMissing) continue;
    outputs.push(done ? output(ctx, run, index) : null);
    statuses.push({ index, status: done ? 'completed' : 'out_of_range' });
  }
  const view = {
    task_id: run.id,
    status: p.status === 'SUCCEEDED' ? 'COMPLETED' : p.status,
    result: { generated_outputs: outputs },
    total_samples: p.completed,
    returned_count: outputs.filter((o) => o !== null).length,
    sample_statuses: statuses,
  };
  return shapeFields(view, [], ctx.settings.optionalFields);
}

/** Positions `offset` to `offset + limit - 1` that exist (the paginated list). */
export function pageIndices(ctx: ViewContext, run: RunState, offset: number, limit: number): number[] {
  const end = Math.min(ctx.store.progress(run).completed, offset + limit);
  return Array.from({ length: Math.max(0, end - offset) }, (_, i) => offset + i);
}
