import * as v from 'valibot';
import { OutcomeUnknownError } from '../errors/errors';
import { checkParams, flagParam, paramsObject, textParam } from '../internal/params';
import { API_PREFIX } from '../internal/paths';
import { recoverByName } from '../internal/recoverByName';
import { validateResponse } from '../internal/validateResponse';
import { createSpecResultSchema, type CreateSpecResult } from '../schemas/createSpecResultSchema';
import type { GenerationModel } from '../schemas/enums';
import type { Operation, RequestDescription, Transport, UploadCallOptions } from '../types';
import { listSpecs } from './listSpecs';

/**
 * The body of `POST /api/dataframer/specs/`, names as the API spells them: exactly one of `dataset_id` (a spec from a
 * seed dataset) and `generation_objectives` (a seedless spec). Fields it does not name are sent as given.
 */
export const createSpecParamsSchema = /* @__PURE__ */ buildCreateSpecParamsSchema();

function buildCreateSpecParamsSchema() {
  return v.pipe(
    paramsObject({
      /** Unique within the company. */
      name: textParam('name'),
      /** The seed dataset to learn from. */
      dataset_id: v.optional(textParam('dataset_id')),
      /** What to generate, for a seedless spec. */
      generation_objectives: v.optional(textParam('generation_objectives')),
      /** Default on the server: `anthropic/claude-sonnet-4-6-thinking`. */
      spec_generation_model_name: v.optional(textParam('spec_generation_model_name') as v.GenericSchema<GenerationModel>),
      /** Required with a `databricks/` model. Never logged. */
      databricks_client_id: v.optional(textParam('databricks_client_id')),
      /** Required with a `databricks/` model. Never logged. */
      databricks_client_secret: v.optional(textParam('databricks_client_secret')),
      /** Required with a `databricks/` model. */
      databricks_api_base: v.optional(textParam('databricks_api_base')),
      generate_distributions: v.optional(flagParam('generate_distributions')),
      /** Needs `generate_distributions`. */
      generate_conditional_distributions: v.optional(flagParam('generate_conditional_distributions')),
      /** Not for seedless specs. */
      extrapolate_values: v.optional(flagParam('extrapolate_values')),
      extrapolate_axes: v.optional(flagParam('extrapolate_axes')),
    }),
    v.rawCheck(({ dataset, addIssue }) => {
      const params = dataset.value as Record<string, unknown> | null;
      if (typeof params !== 'object' || params === null) return;
      const seeded = params['dataset_id'] !== undefined;
      if (seeded === (params['generation_objectives'] !== undefined))
        addIssue({
          message: seeded
            ? 'give either dataset_id (a spec from a seed dataset) or generation_objectives (a seedless spec), not both'
            : 'dataset_id (a spec from a seed dataset) or generation_objectives (a seedless spec) is required',
        });
    }),
  );
}

/** Body of `POST /api/dataframer/specs/`; names as the API spells them. */
export type CreateSpecParams = v.InferInput<typeof createSpecParamsSchema>;

/** Checks the body and builds `POST /api/dataframer/specs/`; throws a RequestValidationError listing every bad field. */
export function buildCreateSpecRequest(params: CreateSpecParams): RequestDescription {
  checkParams(createSpecParamsSchema, params, 'specs.create');
  const body: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params)) if (value !== undefined) body[key] = value;
  return { method: 'POST', path: `${API_PREFIX}/specs/`, body, retry: 'create' };
}

/** Starts generating a spec; answers with its id at once (`specs.wait` follows it). */
export const createSpecOperation: Operation<CreateSpecParams, CreateSpecResult> = {
  name: 'specs.create',
  build: buildCreateSpecRequest,
  parse: (response, mode) => validateResponse(createSpecResultSchema(mode), response),
  idempotencyHeader: 'idempotency-key',
  ambiguous: (cause, key, attempts, request) =>
    new OutcomeUnknownError(
      `specs.create may or may not have created the spec (${attempts} attempt${attempts === 1 ? '' : 's'} reached the network): ${cause.message}. It was not repeated.`,
      { cause, idempotencyKey: key, attempts, request },
    ),
  recover: (transport, params, lost) =>
    recoverByName(lost, {
      operation: 'specs.create',
      kind: 'spec',
      name: params.name,
      where: 'specs.list()',
      list: (call) => listSpecs(transport, call),
      answer: async (item) => ({ id: item.id }),
    }),
};

/**
 * Starts generating a spec from a seed dataset or from objectives, and answers its id; `specs.wait` follows it. The
 * create is repeated only when the failure proves nothing was sent; when its answer is lost, the spec is looked up
 * by its unique name (`onRecovered` says so), or an OutcomeUnknownError says what to check.
 */
export function createSpec(transport: Transport, params: CreateSpecParams, options?: UploadCallOptions): Promise<CreateSpecResult> {
  return transport.send(createSpecOperation, params, options);
}
