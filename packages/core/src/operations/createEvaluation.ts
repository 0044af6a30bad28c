import * as v from 'valibot';
import { OutcomeUnknownError } from '../errors/errors';
import { checkParams, idParam, paramsObject, textParam } from '../internal/params';
import { API_PREFIX } from '../internal/paths';
import { validateResponse } from '../internal/validateResponse';
import { evaluationSchema, type Evaluation } from '../schemas/evaluationSchema';
import type { CreateCallOptions, Operation, RequestDescription, Transport } from '../types';

/**
 * The body of `POST /api/dataframer/evaluations/`, names as the API spells them: the type and the check of
 * `evaluations.create`. Fields it does not name are sent as given, for servers newer than this client.
 */
export const createEvaluationParamsSchema = /* @__PURE__ */ buildCreateEvaluationParamsSchema();

function buildCreateEvaluationParamsSchema() {
  return paramsObject({
    /** The run to evaluate; it must be in SUCCEEDED status. */
    run_id: idParam('run_id'),
    /** The model that classifies the samples; the server's default is `gemini/gemini-3-pro-preview`. */
    evaluation_model: v.optional(textParam('evaluation_model')),
  });
}

/** Body of `POST /api/dataframer/evaluations/`; names as the API spells them. */
export type CreateEvaluationParams = v.InferInput<typeof createEvaluationParamsSchema>;

/** Checks the create body and builds `POST /api/dataframer/evaluations/`; throws a RequestValidationError listing every bad field. */
export function buildCreateEvaluationRequest(params: CreateEvaluationParams): RequestDescription {
  checkParams(createEvaluationParamsSchema, params, 'evaluations.create');
  const body: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params)) if (value !== undefined) body[key] = value;
  return { method: 'POST', path: `${API_PREFIX}/evaluations/`, body, retry: 'create' };
}

/** Starts scoring a SUCCEEDED run; answers at once with the evaluation, which proceeds asynchronously. */
export const createEvaluationOperation: Operation<CreateEvaluationParams, Evaluation> = {
  name: 'evaluations.create',
  build: buildCreateEvaluationRequest,
  parse: (response, mode) => validateResponse(evaluationSchema(mode), response),
  idempotencyHeader: 'idempotency-key',
  ambiguous: (cause, key, attempts, request) =>
    new OutcomeUnknownError(
      `evaluations.create may or may not have started an evaluation (${attempts} attempt${attempts === 1 ? '' : 's'} reached the network): ${cause.message}. ` +
        'It was not repeated, because evaluations may cost money. Check runs.evaluations(runId) for an evaluation created since the call started; ' +
        `repeating the create with idempotencyKey "${key}" is safe only where the server honours Idempotency-Key.`,
      { cause, idempotencyKey: key, attempts, request },
    ),
};

/**
 * Starts an evaluation of a SUCCEEDED run. Every attempt carries one `Idempotency-Key`; the create is repeated only
 * when the failure proves nothing happened, otherwise an OutcomeUnknownError says how to check.
 */
export function createEvaluation(transport: Transport, params: CreateEvaluationParams, options?: CreateCallOptions): Promise<Evaluation> {
  return transport.send(createEvaluationOperation, params, options);
}
