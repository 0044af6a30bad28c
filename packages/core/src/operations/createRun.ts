import * as v from 'valibot';
import { OutcomeUnknownError } from '../errors/errors';
import { checkParams, flagParam, integerParam, paramsObject, textListParam, textParam } from '../internal/params';
import { API_PREFIX } from '../internal/paths';
import { validateResponse } from '../internal/validateResponse';
import { createRunResultSchema, type CreateRunResult } from '../schemas/createRunResultSchema';
import { DATABRICKS_PARAMS, MAX_SAMPLES_PER_RUN, MODEL_PARAMS } from '../limits';
import { SEED_SHUFFLING_LEVELS, type GenerationModel } from '../schemas/enums';
import type { CreateCallOptions, Operation, RequestDescription, Transport } from '../types';

/** A model name: any non-empty string, typed with the documented names for completion. */
const modelParam = (name: string) => textParam(name) as v.GenericSchema<GenerationModel>;
const count = (name: string) => v.optional(integerParam(name, 0));

/**
 * The body of `POST /api/dataframer/runs/`, names as the API spells them: the type and the check of
 * `runs.create`. Fields it does not name are sent as given, for servers newer than this client.
 */
export const createRunParamsSchema = /* @__PURE__ */ buildCreateRunParamsSchema();

function buildCreateRunParamsSchema() {
  return v.pipe(
    paramsObject({
      /** The spec to generate from; it must be in SUCCEEDED status. */
      spec_id: textParam('spec_id'),
      /** How many samples to generate, 1 to 20000. */
      number_of_samples: integerParam('number_of_samples', 1, MAX_SAMPLES_PER_RUN),
      /** Spec version, at least 1; the latest when absent. */
      spec_version: v.optional(integerParam('spec_version', 1)),
      /** Default on the server: `anthropic/claude-sonnet-4-6`. A `-thinking` suffix turns thinking on. */
      generation_model: v.optional(modelParam('generation_model')),
      outline_model: v.optional(modelParam('outline_model')),
      revision_model: v.optional(modelParam('revision_model')),
      /** Required with a `databricks/` model. Never logged. */
      databricks_client_id: v.optional(textParam('databricks_client_id')),
      /** Required with a `databricks/` model. Never logged. */
      databricks_client_secret: v.optional(textParam('databricks_client_secret')),
      /** Required with a `databricks/` model. */
      databricks_api_base: v.optional(textParam('databricks_api_base')),
      max_revision_cycles: count('max_revision_cycles'),
      /** One of `SEED_SHUFFLING_LEVELS`. */
      seed_shuffling_level: v.optional(
        v.picklist(SEED_SHUFFLING_LEVELS, `seed_shuffling_level must be one of ${SEED_SHUFFLING_LEVELS.join(', ')}`),
      ),
      max_examples_in_prompt: count('max_examples_in_prompt'),
      unified_multifield: v.optional(flagParam('unified_multifield')),
      /** @deprecated Older servers only; newer ones use `revision_types`. */
      enable_revisions: v.optional(flagParam('enable_revisions')),
      /** Seen in newer runs' parameters; not confirmed as a create field. */
      revision_types: v.optional(textListParam('revision_types')),
      /** Seen in newer runs' parameters; not confirmed as a create field. */
      filtering_types: v.optional(textListParam('filtering_types')),
      generation_thinking_budget: count('generation_thinking_budget'),
      outline_thinking_budget: count('outline_thinking_budget'),
      revision_thinking_budget: count('revision_thinking_budget'),
      skip_outline: v.optional(flagParam('skip_outline')),
      tools: v.optional(textListParam('tools')),
    }),
    v.rawCheck(({ dataset, addIssue }) => {
      if (!dataset.typed) return;
      const params = dataset.value as Record<string, unknown>;
      if (!MODEL_PARAMS.some((key) => typeof params[key] === 'string' && (params[key] as string).startsWith('databricks/'))) return;
      const missing = DATABRICKS_PARAMS.filter((key) => params[key] === undefined);
      const [first] = missing;
      if (first === undefined) return;
      addIssue({
        message: `databricks/ models also need ${missing.join(', ')}`,
        path: [{ type: 'object', origin: 'value', input: params, key: first, value: undefined }],
      });
    }),
  );
}

/** Body of `POST /api/dataframer/runs/`; names as the API spells them. */
export type CreateRunParams = v.InferInput<typeof createRunParamsSchema>;

/** Checks the create body and builds `POST /api/dataframer/runs/`; throws a RequestValidationError listing every bad field. */
export function buildCreateRunRequest(params: CreateRunParams): RequestDescription {
  checkParams(createRunParamsSchema, params, 'runs.create');
  // The body is what the caller gave, unset fields left out, so fields this client does not know still reach the server.
  const body: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params)) if (value !== undefined) body[key] = value;
  return { method: 'POST', path: `${API_PREFIX}/runs/`, body, retry: 'create' };
}

/** Starts a generation run; answers at once with the new id while the run proceeds asynchronously. */
export const createRunOperation: Operation<CreateRunParams, CreateRunResult> = {
  name: 'runs.create',
  build: buildCreateRunRequest,
  parse: (response, mode) => validateResponse(createRunResultSchema(mode), response),
  idempotencyHeader: 'idempotency-key',
  ambiguous: (cause, key, attempts, request) =>
    new OutcomeUnknownError(
      `runs.create may or may not have started a run (${attempts} attempt${attempts === 1 ? '' : 's'} reached the network): ${cause.message}. It was not repeated, because runs cost money. ` +
        `Check runs.list() for the run first; repeating the create with idempotencyKey "${key}" is safe only where the server honours Idempotency-Key ` +
        '(it then answers with the run the first attempt started).',
      { cause, idempotencyKey: key, attempts, request },
    ),
};

/**
 * Starts a generation run (it costs money). Every attempt carries one `Idempotency-Key`; the create is
 * repeated only when the failure proves nothing happened, otherwise an OutcomeUnknownError says how to check.
 */
export function createRun(transport: Transport, params: CreateRunParams, options?: CreateCallOptions): Promise<CreateRunResult> {
  return transport.send(createRunOperation, params, options);
}
