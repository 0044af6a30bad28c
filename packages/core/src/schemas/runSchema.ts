import * as v from 'valibot';
import { DATASET_TYPES, RUN_STATUSES, SEED_SHUFFLING_LEVELS } from './enums';
import { perMode, type ObjectOutput, type SchemaMode } from './SchemaMode';

/** The fields of a run as the list shows them, each with its check; the detail adds two. */
export const runEntries = (mode: SchemaMode) => {
  const integer = mode.optional(mode.integer());
  const string = mode.optional(v.string());
  return {
    id: mode.id(),
    /** `PENDING`, `PROCESSING`, then `SUCCEEDED`, `FAILED` or `CANCELED`; any other value counts as not finished. */
    status: mode.openEnum(RUN_STATUSES),
    spec_id: mode.optional(mode.id()),
    spec_name: string,
    spec_version: integer,
    /** Null for seedless specs. */
    dataset_id: mode.optional(mode.nullable(mode.id())),
    dataset_name: mode.optional(mode.nullable(v.string())),
    dataset_type: mode.optional(mode.openEnum(DATASET_TYPES)),
    samples_completed: integer,
    samples_failed: integer,
    /** Dollars spent so far; null before any cost is known. */
    total_cost: mode.optional(mode.nullable(v.number())),
    created_at: mode.optional(mode.dateTime()),
    created_by_email: string,
    /** Null until the run finishes. */
    completed_at: mode.optional(mode.nullable(mode.dateTime())),
  };
};

/** A run as listed by `GET /api/dataframer/runs/`; field names as the API spells them. Unknown fields are kept. */
export interface Run extends ObjectOutput<ReturnType<typeof runEntries>> {}

/** Schema of one run in the list. */
export const runSchema = /* @__PURE__ */ perMode<Run>((mode) => mode.object(runEntries(mode)));

/** Schema of the bare array `GET /api/dataframer/runs/` returns. */
export const runListSchema = /* @__PURE__ */ perMode<Run[]>((mode) => v.array(runSchema(mode)));

/** The fields of `runtime_params`, each optional, since the contract only shows an example. */
export const runtimeParamsEntries = (mode: SchemaMode) => {
  const integer = mode.optional(mode.integer());
  const strings = mode.optional(v.array(v.string()));
  const string = mode.optional(v.string());
  const boolean = mode.optional(v.boolean());
  return {
    number_of_samples: integer,
    generation_model: string,
    outline_model: string,
    revision_model: string,
    revision_types: strings,
    filtering_types: strings,
    max_revision_cycles: integer,
    seed_shuffling_level: mode.optional(mode.openEnum(SEED_SHUFFLING_LEVELS)),
    max_examples_in_prompt: integer,
    unified_multifield: boolean,
    generation_thinking_budget: integer,
    outline_thinking_budget: integer,
    revision_thinking_budget: integer,
    skip_outline: boolean,
    tools: strings,
  };
};

/** Generation parameters recorded on a run. */
export interface RuntimeParams extends ObjectOutput<ReturnType<typeof runtimeParamsEntries>> {}

/** Schema of `runtime_params`. */
export const runtimeParamsSchema = /* @__PURE__ */ perMode<RuntimeParams>((mode) => mode.object(runtimeParamsEntries(mode)));

/** The fields of one entry of `generated_files`. */
export const generatedFileEntries = (mode: SchemaMode) => ({
  id: mode.optional(v.string()),
  path: mode.optional(v.string()),
  file_type: mode.optional(v.string()),
  size_bytes: mode.optional(mode.integer()),
});

/** One generated file of a finished run. */
export interface GeneratedFile extends ObjectOutput<ReturnType<typeof generatedFileEntries>> {}

/** Schema of one entry of `generated_files`. */
export const generatedFileSchema = /* @__PURE__ */ perMode<GeneratedFile>((mode) => mode.object(generatedFileEntries(mode)));

/** The fields of `GET /api/dataframer/runs/{id}/`: the list's, plus parameters and files. */
export const runDetailEntries = (mode: SchemaMode) => ({
  ...runEntries(mode),
  runtime_params: mode.optional(runtimeParamsSchema(mode)),
  generated_files: mode.optional(v.array(generatedFileSchema(mode))),
});

/** A run as returned by `GET /api/dataframer/runs/{id}/`: the list fields plus parameters and files. */
export interface RunDetail extends ObjectOutput<ReturnType<typeof runDetailEntries>> {}

/** Schema of `GET /api/dataframer/runs/{id}/`. */
export const runDetailSchema = /* @__PURE__ */ perMode<RunDetail>((mode) => mode.object(runDetailEntries(mode)));
