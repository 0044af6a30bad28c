import { runPath } from '../internal/paths';
import { validateResponse } from '../internal/validateResponse';
import { evaluationSummaryListSchema, type EvaluationSummary } from '../schemas/evaluationSchema';
import type { CallOptions, Operation, RequestDescription, Transport } from '../types';

/** Builds `GET /api/dataframer/runs/{id}/evaluations/`. */
export function buildListRunEvaluationsRequest(runId: string): RequestDescription {
  return { method: 'GET', path: `${runPath('runs.evaluations', runId)}evaluations/`, retry: 'safe' };
}

/** Lists the evaluations of one run (the contract documents no order or pagination). */
export const listRunEvaluationsOperation: Operation<string, EvaluationSummary[]> = {
  name: 'runs.evaluations',
  build: buildListRunEvaluationsRequest,
  parse: (response, mode) => validateResponse(evaluationSummaryListSchema(mode), response),
};

/** Lists the evaluations of one run (the contract documents no order or pagination). */
export function listRunEvaluations(transport: Transport, runId: string, options?: CallOptions): Promise<EvaluationSummary[]> {
  return transport.send(listRunEvaluationsOperation, runId, options);
}
