import type { Evaluation, EvaluationSummary } from '@df/browser';

/** A run's evaluations as its page shows them: the list, the full evaluations read so far, and a start on the way. */
export interface EvaluationsState {
  /** Newest first; undefined until first loaded. */
  list: EvaluationSummary[] | undefined;
  /** The full evaluation (score, explanation, analysis) of each finished one, read once it finished. */
  details: ReadonlyMap<string, Evaluation>;
  /** Why the list could not be loaded, until it can. */
  error: unknown;
  /** A create sent and not yet answered. */
  starting: boolean;
  /** Why the last start failed, in the page's words. */
  startError: string | undefined;
}

/** Before anything about a run's evaluations is known. */
export const NO_EVALUATIONS: EvaluationsState = {
  list: undefined,
  details: new Map(),
  error: undefined,
  starting: false,
  startError: undefined,
};
