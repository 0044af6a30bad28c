import type { EvaluationSummary } from '@df/node';

/** Orders a run's evaluations newest first; those without a creation time go last. */
export function newestFirst(a: EvaluationSummary, b: EvaluationSummary): number {
  return (Date.parse(b.created_at ?? '') || 0) - (Date.parse(a.created_at ?? '') || 0);
}
