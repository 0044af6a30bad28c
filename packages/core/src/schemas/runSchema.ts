import * as v from 'valibot';
import { perMode, type SchemaMode } from './SchemaMode';

/** Run statuses the contract documents. */
export const RUN_STATUSES = ['PENDING', 'PROCESSING', 'SUCCEEDED', 'FAILED', 'CANCELED'] as const;

/** Statuses after which a run never changes again. */
export const TERMINAL_RUN_STATUSES = ['SUCCEEDED', 'FAILED', 'CANCELED'] as const;

/** A documented run status, or any other string a newer (or older, `RUNNING`) server sends. */
export type RunStatus = (typeof RUN_STATUSES)[number] | (string & {});

/** A status after which the run never changes. */
export type TerminalRunStatus = (typeof TERMINAL_RUN_STATUSES)[number];

/** Dataset shapes the contract documents. */
export const DATASET_TYPES = ['SINGLE_FILE', 'MULTI_FILE', 'MULTI_FOLDER'] as const;

/** A documented dataset type, or any other string the server sends. */
export type DatasetType = (typeof DATASET_TYPES)[number] | (string & {});

/** Whether a run status is terminal (`SUCCEEDED`, `FAILED`, `CANCELED`); unknown values are not. */
export function isTerminalStatus(status: RunStatus): status is TerminalRunStatus {
  return status === 'SUCCEEDED' || status === 'FAILED' || status === 'CANCELED';
}

/** A run as listed by `GET /api/dataframer/runs/`; field names as the API spells them. Unknown fields are kept. */
export interface Run {
  id: string;
  status: RunStatus;
  spec_id?: string;
  spec_name?: string;
  spec_version?: number;
  /** Null for seedless specs. */
  dataset_id?: string | null;
  dataset_name?: string | null;
  dataset_type?: DatasetType;
  samples_completed?: number;
  samples_failed?: number;
  /** Dollars spent so far; null before any cost is known. */
  total_cost?: number | null;
  created_at?: string;
  created_by_email?: string;
  /** Null until the run finishes. */
  completed_at?: string | null;
}

/** Generation parameters recorded on a run. */
export interface RuntimeParams {
  number_of_samples?: number;
  generation_model?: string;
  outline_model?: string;
  revision_model?: string;
  revision_types?: string[];
  filtering_types?: string[];
  max_revision_cycles?: number;
  seed_shuffling_level?: string;
  max_examples_in_prompt?: number;
  unified_multifield?: boolean;
  generation_thinking_budget?: number;
  outline_thinking_budget?: number;
  revision_thinking_budget?: number;
  skip_outline?: boolean;
  tools?: string[];
}

/** One generated file of a finished run. */
export interface GeneratedFile {
  id?: string;
  path?: string;
  file_type?: string;
  size_bytes?: number;
}

/** A run as returned by `GET /api/dataframer/runs/{id}/`: the list fields plus parameters and files. */
export interface RunDetail extends Run {
  runtime_params?: RuntimeParams;
  generated_files?: GeneratedFile[];
}

function runEntries(mode: SchemaMode) {
  const integer = mode.integer();
  return {
    id: mode.id(),
    status: mode.openEnum(RUN_STATUSES),
    spec_id: mode.documented(mode.id()),
    spec_name: mode.documented(v.string()),
    spec_version: mode.documented(integer),
    dataset_id: mode.documented(v.nullable(mode.id())),
    dataset_name: mode.documented(v.nullable(v.string())),
    dataset_type: mode.documented(mode.openEnum(DATASET_TYPES)),
    samples_completed: mode.documented(integer),
    samples_failed: mode.documented(integer),
    total_cost: mode.documented(v.nullable(v.number())),
    created_at: mode.documented(mode.dateTime()),
    created_by_email: mode.documented(v.string()),
    completed_at: mode.documented(v.nullable(mode.dateTime())),
  };
}

/** Schema of one run in the list. */
export const runSchema = /* @__PURE__ */ perMode<Run>((mode) => mode.object(runEntries(mode)));

/** Schema of the bare array `GET /api/dataframer/runs/` returns. */
export const runListSchema = /* @__PURE__ */ perMode<Run[]>((mode) => v.array(runSchema(mode)));

/** Schema of `runtime_params`; every field optional, since the contract only shows an example. */
export const runtimeParamsSchema = /* @__PURE__ */ perMode<RuntimeParams>((mode) => {
  const integer = v.optional(mode.integer());
  const strings = v.optional(v.array(v.string()));
  return mode.object({
    number_of_samples: integer,
    generation_model: v.optional(v.string()),
    outline_model: v.optional(v.string()),
    revision_model: v.optional(v.string()),
    revision_types: strings,
    filtering_types: strings,
    max_revision_cycles: integer,
    seed_shuffling_level: v.optional(mode.openEnum(['none', 'sample', 'field', 'prompt'] as const)),
    max_examples_in_prompt: integer,
    unified_multifield: v.optional(v.boolean()),
    generation_thinking_budget: integer,
    outline_thinking_budget: integer,
    revision_thinking_budget: integer,
    skip_outline: v.optional(v.boolean()),
    tools: strings,
  });
});

/** Schema of one entry of `generated_files`. */
export const generatedFileSchema = /* @__PURE__ */ perMode<GeneratedFile>((mode) =>
  mode.object({
    id: v.optional(v.string()),
    path: v.optional(v.string()),
    file_type: v.optional(v.string()),
    size_bytes: v.optional(mode.integer()),
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
