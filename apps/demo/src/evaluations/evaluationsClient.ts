import { createEvaluation, listRunEvaluations, retrieveEvaluation, type BrowserClient, type Transport } from '@df/browser';

/** The evaluation operations a run's page calls. */
export type EvaluationsClient = {
  runs: Pick<BrowserClient['runs'], 'evaluations'>;
  evaluations: Pick<BrowserClient['evaluations'], 'create' | 'retrieve'>;
};

/** Those operations over the dashboard's transport; loaded with a run's page, never with the list. */
export function createEvaluationsClient(transport: Transport): EvaluationsClient {
  return {
    runs: { evaluations: (runId, options) => listRunEvaluations(transport, runId, options) },
    evaluations: {
      create: (params, options) => createEvaluation(transport, params, options),
      retrieve: (evaluationId, options) => retrieveEvaluation(transport, evaluationId, options),
    },
  };
}
