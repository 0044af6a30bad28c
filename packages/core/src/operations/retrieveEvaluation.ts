import { checkParams, idParam } from '../internal/params';
import { API_PREFIX, segment } from '../internal/paths';
import { validateResponse } from '../internal/validateResponse';
import { evaluationSchema, type Evaluation } from '../schemas/evaluationSchema';
import type { CallOptions, Operation, RequestDescription, Transport } from '../types';

const evaluationIdParam = /* @__PURE__ */ idParam('the evaluation id');

/** Builds `GET /api/dataframer/evaluations/{id}/`. */
export function buildRetrieveEvaluationRequest(evaluationId: string): RequestDescription {
  const id = checkParams(evaluationIdParam, evaluationId, 'evaluations.retrieve', 'evaluationId');
  return { method: 'GET', path: `${API_PREFIX}/evaluations/${segment(id)}/`, retry: 'safe' };
}

/** Fetches one evaluation: its status, and once it succeeded its score, analysis and classifications. */
export const retrieveEvaluationOperation: Operation<string, Evaluation> = {
  name: 'evaluations.retrieve',
  build: buildRetrieveEvaluationRequest,
  parse: (response, mode) => validateResponse(evaluationSchema(mode), response),
};

/** Fetches one evaluation: its status, and once it succeeded its score, analysis and classifications. */
export function retrieveEvaluation(transport: Transport, evaluationId: string, options?: CallOptions): Promise<Evaluation> {
  return transport.send(retrieveEvaluationOperation, evaluationId, options);
}
