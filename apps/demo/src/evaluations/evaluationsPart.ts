// Loaded with a run's page (never with the list): a run's evaluations, kept up to date while one is running.
import { AuthenticationError, isEvaluationSuccess, isTerminalEvaluationStatus, type Evaluation } from '@df/browser';
import type { TemplateResult } from 'lit-html';
import { describeError } from '../describeError';
import { shortId } from '../format';
import type { PollNext } from '../poller';
import type { AppState } from '../state';
import type { Store } from '../store';
import type { ViewActions } from '../views/ViewActions';
import type { EvaluationsClient } from './evaluationsClient';
import { NO_EVALUATIONS, type EvaluationsState } from './evaluationsState';
import { evaluationsView } from './evaluationsView';

export { createEvaluationsClient } from './evaluationsClient';

/** What the part needs: the evaluation operations, the page's store, a clock, and the live region. */
export interface EvaluationsDeps {
  client: EvaluationsClient;
  store: Store<AppState>;
  announce(text: string): void;
}

/** A run's evaluations on its page: `refresh` is one poll of them, `start` the confirmed "Evaluate", `view` their panel. */
export interface EvaluationsPart {
  refresh(runId: string): Promise<PollNext>;
  start(runId: string): Promise<void>;
  view(state: AppState, actions: ViewActions): TemplateResult;
}

/** Creates the part over its dependencies. */
export function createEvaluations({ client, store, announce }: EvaluationsDeps): EvaluationsPart {
  const update = (runId: string, change: (e: EvaluationsState) => Partial<EvaluationsState>) =>
    store.update((s) => {
      if (s.detail?.runId !== runId) return {};
      const evaluations = s.detail.evaluations ?? NO_EVALUATIONS;
      return { detail: { ...s.detail, evaluations: { ...evaluations, ...change(evaluations) } } };
    });
  const current = (runId: string) => (store.get().detail?.runId === runId ? store.get().detail?.evaluations : undefined);

  async function refresh(runId: string): Promise<PollNext> {
    try {
      const list = [...(await client.runs.evaluations(runId))].reverse();
      const known = current(runId)?.details ?? new Map<string, Evaluation>();
      const before = new Map((current(runId)?.list ?? []).map((e) => [e.id, e.status]));
      // A finished evaluation is read in full once, for its score, explanation and analysis.
      const toRead = list.filter((e) => isTerminalEvaluationStatus(e.status) && known.get(e.id)?.status !== e.status);
      const read = await Promise.all(toRead.map((e) => client.evaluations.retrieve(e.id)));
      const details = new Map(known);
      for (const evaluation of read) details.set(evaluation.id, evaluation);
      update(runId, () => ({ list, details, error: undefined }));
      for (const evaluation of read) {
        if (before.has(evaluation.id) && !isTerminalEvaluationStatus(before.get(evaluation.id))) announce(finished(evaluation));
      }
      return list.some((e) => !isTerminalEvaluationStatus(e.status)) ? 'again' : 'idle';
    } catch (error) {
      update(runId, () => ({ error }));
      return error instanceof AuthenticationError ? 'idle' : 'retry';
    }
  }

  async function start(runId: string): Promise<void> {
    update(runId, () => ({ starting: true, startError: undefined }));
    try {
      const evaluation = await client.evaluations.create({ run_id: runId });
      update(runId, (e) => ({ starting: false, list: [evaluation, ...(e.list ?? []).filter((x) => x.id !== evaluation.id)] }));
      announce(`Evaluation of run ${shortId(runId)} started.`);
    } catch (error) {
      const view = describeError(error, 'start the evaluation');
      update(runId, () => ({ starting: false, startError: `${view.title}: ${view.text}` }));
    }
  }

  return { refresh, start, view: evaluationsView };
}

function finished(evaluation: Evaluation): string {
  const run = evaluation.run_id ? ` of run ${shortId(evaluation.run_id)}` : '';
  if (isEvaluationSuccess(evaluation.status)) {
    const score = typeof evaluation.conformance_score === 'number' ? `: ${evaluation.conformance_score} out of 100` : '';
    return `Evaluation${run} finished${score}.`;
  }
  return `Evaluation${run} failed.`;
}
