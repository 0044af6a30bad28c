import type { EvaluationsPart } from './evaluations/evaluationsPart';

/**
 * The evaluation part of a run's page, loaded on first use (a chunk of its own: the list never loads it) and kept for
 * the views, which render synchronously.
 */
export function lazyEvaluations(load: () => Promise<EvaluationsPart>) {
  let loaded: EvaluationsPart | undefined;
  let loading: Promise<EvaluationsPart> | undefined;
  return {
    /** The part, loading it the first time (a failed load is tried again on the next call). */
    load(): Promise<EvaluationsPart> {
      loading ??= load().then(
        (part) => (loaded = part),
        (error: unknown) => {
          loading = undefined;
          throw error;
        },
      );
      return loading;
    },
    /** The part once loaded. */
    loaded: (): EvaluationsPart | undefined => loaded,
  };
}

/** The loader `lazyEvaluations` returns. */
export type LazyEvaluations = ReturnType<typeof lazyEvaluations>;
