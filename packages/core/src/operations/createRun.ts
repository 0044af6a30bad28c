import { OutcomeUnknownError } from '../errors/errors';
import { ParamChecker } from '../internal/checkParams';
import { validateResponse } from '../internal/validateResponse';
import { API_PREFIX } from '../internal/paths';
import { createRunResultSchema, type CreateRunResult } from '../schemas/otherSchemas';
import type { CreateCallOptions, Operation, RequestDescription, Transport } from './Operation';

/** Model names the contract lists; any other string is sent as given, since the list changes often. */
export type GenerationModel =
  | 'anthropic/claude-opus-4-6'
  | 'anthropic/claude-opus-4-6-thinking'
  | 'anthropic/claude-sonnet-4-6'
  | 'anthropic/claude-sonnet-4-6-thinking'
  | 'anthropic/claude-haiku-4-5'
  | 'anthropic/claude-haiku-4-5-thinking'
  | 'gemini/gemini-3-pro-preview'
  | 'gemini/gemini-3-pro-preview-thinking'
  | (string & {});

/** The most samples one run may ask for. */
export const MAX_SAMPLES_PER_RUN = 20000;

/** Body of `POST /api/dataframer/runs/`; names as the API spells them. */
export interface CreateRunParams {
  /** The spec to generate from; it must be in SUCCEEDED status. */
  spec_id: string;
  /** How many samples to generate, 1 to 20000. */
  number_of_samples: number;
  /** Spec version, at least 1; the latest when absent. */
  spec_version?: number;
  /** Default on the server: `anthropic/claude-sonnet-4-6`. A `-thinking` suffix turns thinking on. */
  generation_model?: GenerationModel;
  outline_model?: GenerationModel;
  revision_model?: string;
  /** Required with a `databricks/` model. Never logged. */
  databricks_client_id?: string;
  /** Required with a `databricks/` model. Never logged. */
  databricks_client_secret?: string;
  /** Required with a `databricks/` model. */
  databricks_api_base?: string;
  max_revision_cycles?: number;
  seed_shuffling_level?: 'none' | 'sample' | 'field' | 'prompt';
  max_examples_in_prompt?: number;
  unified_multifield?: boolean;
  /** @deprecated Older servers only; newer ones use `revision_types`. */
  enable_revisions?: boolean;
  /** Seen in newer runs' parameters; not confirmed as a create field. */
  revision_types?: string[];
  /** Seen in newer runs' parameters; not confirmed as a create field. */
  filtering_types?: string[];
  generation_thinking_budget?: number;
  outline_thinking_budget?: number;
  revision_thinking_budget?: number;
  skip_outline?: boolean;
  tools?: string[];
}

const DATABRICKS_FIELDS = ['databricks_client_id', 'databricks_client_secret', 'databricks_api_base'] as const;

/** Checks the create body and builds `POST /api/dataframer/runs/`; throws a RequestValidationError listing every bad field. */
export function buildCreateRunRequest(params: CreateRunParams): RequestDescription {
  const check = new ParamChecker('runs.create');
  const body = check.object(params);
  check.string(body, 'spec_id', true);
  check.integer(body, 'number_of_samples', 1, MAX_SAMPLES_PER_RUN, true);
  check.integer(body, 'spec_version', 1, Number.MAX_SAFE_INTEGER, false);
  for (const key of ['generation_model', 'outline_model', 'revision_model', ...DATABRICKS_FIELDS]) {
    check.string(body, key, false);
  }
  for (const key of ['max_revision_cycles', 'max_examples_in_prompt']) {
    check.integer(body, key, 0, Number.MAX_SAFE_INTEGER, false);
  }
  for (const key of ['generation_thinking_budget', 'outline_thinking_budget', 'revision_thinking_budget']) {
    check.integer(body, key, 0, Number.MAX_SAFE_INTEGER, false);
  }
  for (const key of ['unified_multifield', 'enable_revisions', 'skip_outline']) check.boolean(body, key);
  for (const key of ['revision_types', 'filtering_types', 'tools']) check.stringArray(body, key);
  const level = body['seed_shuffling_level'];
  if (level !== undefined && !['none', 'sample', 'field', 'prompt'].includes(level as string)) {
    check.fail('seed_shuffling_level', 'seed_shuffling_level must be one of none, sample, field, prompt');
  }
  const usesDatabricks = ['generation_model', 'outline_model', 'revision_model'].some(
    (key) => typeof body[key] === 'string' && (body[key] as string).startsWith('databricks/'),
  );
  if (usesDatabricks) {
    const missing = DATABRICKS_FIELDS.filter((key) => body[key] === undefined);
    if (missing.length > 0) check.fail(missing[0]!, `databricks/ models also need ${missing.join(', ')}`);
  }
  check.done();
  const clean: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) if (value !== undefined) clean[key] = value;
  return { method: 'POST', path: `${API_PREFIX}/runs/`, body: clean, retry: 'create' };
}

/** Starts a generation run; answers at once with the new id while the run proceeds asynchronously. */
export const createRunOperation: Operation<CreateRunParams, CreateRunResult> = {
  name: 'runs.create',
  build: buildCreateRunRequest,
  parse: (response, mode) => validateResponse(createRunResultSchema(mode), response),
  idempotencyHeader: 'idempotency-key',
  ambiguous: (cause, key, attempts, request) =>
    new OutcomeUnknownError(
      `runs.create may or may not have started a run: ${cause.message}. It was not retried automatically because runs cost money. ` +
        `Check with runs.list() for a new run, or repeat the create with the same idempotencyKey "${key}" ` +
        `(dataframer runs create --idempotency-key ${key}) so a server that honours Idempotency-Key returns the same run.`,
      { cause, idempotencyKey: key, attempts, request },
    ),
};

/**
 * Starts a generation run (it costs money). Every attempt carries one `Idempotency-Key`; the create is
 * repeated only when the failure proves nothing happened, otherwise an OutcomeUnknownError says how to check.
 */
export function createRun(
  transport: Transport,
  params: CreateRunParams,
  options?: CreateCallOptions,
): Promise<CreateRunResult> {
  return transport.send(createRunOperation, params, options);
}
