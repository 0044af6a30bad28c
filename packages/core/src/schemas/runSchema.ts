import * as v from 'valibot';
import { DATASET_TYPES, RUN_STATUSES, SEED_SHUFFLING_LEVELS, type DatasetType, type RunStatus, type SeedShufflingLevel } from './enums';
import { perMode, type SchemaMode } from './SchemaMode';

/** A run as listed by `GET /api/dataframer/runs/`; field names as the API spells them. Unknown fields are kept. */
export interface Run {
  id: string;
  status: RunStatus;
  spec_id?: string | null;
  spec_name?: string | null;
  spec_version?: number | null;
  /** Null for seedless specs. */
  dataset_id?: string | null;
  dataset_name?: string | null;
  dataset_type?: DatasetType | null;
  samples_completed?: number | null;
  samples_failed?: number | null;
  /** Dollars spent so far; null before any cost is known. */
  total_cost?: number | null;
  created_at?: string | null;
  created_by_email?: string | null;
  /** Null until the run finishes. */
  completed_at?: string | null;
}

/** Generation parameters recorded on a run. */
export interface RuntimeParams {
  number_of_samples?: number | null;
  generation_model?: string | null;
  outline_model?: string | null;
  revision_model?: string | null;
  revision_types?: string[] | null;
  filtering_types?: string[] | null;
  max_revision_cycles?: number | null;
  seed_shuffling_level?: SeedShufflingLevel | (string & {}) | null;
  max_examples_in_prompt?: number | null;
  unified_multifield?: boolean | null;
  generation_thinking_budget?: number | null;
  outline_thinking_budget?: number | null;
  revision_thinking_budget?: number | null;
  skip_outline?: boolean | null;
  tools?: string[] | null;
}

/** One generated file of a finished run. */
export interface GeneratedFile {
  id?: string | null;
  path?: string | null;
  file_type?: string | null;
  size_bytes?: number | null;
}

/** A run as returned by `GET /api/dataframer/runs/{id}/`: the list fields plus parameters and files. */
export interface RunDetail extends Run {
  runtime_params?: RuntimeParams | null;
  generated_files?: GeneratedFile[] | null;
}

function runEntries(mode: SchemaMode) {
  const integer = mode.integer();
  return {
    id: mode.id(),
    status: mode.openEnum(RUN_STATUSES),
    spec_id: mode.documented(mode.id()),
    spec_name: mode.documented(v.string()),
    spec_version: mode.documented(integer),
    dataset_id: mode.documented(mode.nullable(mode.id())),
    dataset_name: mode.documented(mode.nullable(v.string())),
    dataset_type: mode.documented(mode.openEnum(DATASET_TYPES)),
    samples_completed: mode.documented(integer),
    samples_failed: mode.documented(integer),
    total_cost: mode.documented(mode.nullable(v.number())),
    created_at: mode.documented(mode.dateTime()),
    created_by_email: mode.documented(v.string()),
    completed_at: mode.documented(mode.nullable(mode.dateTime())),
  };
}

/** Schema of one run in the list. */
export const runSchema = /* @__PURE__ */ perMode<Run>((mode) => mode.object(runEntries(mode)));

/** Schema of the bare array `GET /api/dataframer/runs/` returns. */
export const runListSchema = /* @__PURE__ */ perMode<Run[]>((mode) => v.array(runSchema(mode)));

/** Schema of `runtime_params`; every field optional, since the contract only shows an example. */
export const runtimeParamsSchema = /* @__PURE__ */ perMode<RuntimeParams>((mode) => {
  const integer = mode.optional(mode.integer());
  const strings = mode.optional(v.array(v.string()));
  const string = mode.optional(v.string());
  const boolean = mode.optional(v.boolean());
  return mode.object({
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
  });
});

/** Schema of one entry of `generated_files`. */
export const generatedFileSchema = /* @__PURE__ */ perMode<GeneratedFile>((mode) =>
  mode.object({
    id: mode.optional(v.string()),
    path: mode.optional(v.string()),
    file_type: mode.optional(v.string()),
    size_bytes: mode.optional(mode.integer()),
  }),
);

/** Schema of `GET /api/dataframer/runs/{id}/`. */
export const runDetailSchema = /* @__PURE__ */ perMode<RunDetail>((mode) =>
  mode.object({
    ...runEntries(mode),
    runtime_params: mode.documented(runtimeParamsSchema(mode)),
    generated_files: mode.documented(v.array(generatedFileSchema(mode))),
  }),
);
