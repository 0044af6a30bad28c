import * as v from 'valibot';
import { perMode, type SchemaMode } from './SchemaMode';

/** Body of a successful create: only the new run's id. */
export interface CreateRunResult {
  id: string;
}

/** Schema of the create response. */
export const createRunResultSchema = /* @__PURE__ */ perMode<CreateRunResult>((mode) => mode.object({ id: mode.id() }));

/** The ZIP of a run's files is ready: a short-lived (one hour) URL and its size. */
export interface RunFilesDownload {
  download_url: string;
  size_bytes?: number;
}

/** Schema of the 200 answer of `GET /runs/{id}/files/download/`. */
export const runFilesDownloadSchema = /* @__PURE__ */ perMode<RunFilesDownload>((mode) =>
  mode.object({
    download_url: v.string(),
    size_bytes: mode.documented(mode.integer()),
  }),
);

/** One page of a run's samples, in finish-time order. */
export interface SampleList {
  task_id?: string;
  status?: string;
  result?: {
    generated_outputs?: Array<{
      generated_sample?: Record<string, unknown>;
      metadata?: { finish_time?: number; [key: string]: unknown };
    }>;
  };
  total_samples?: number;
  /** Fewer than `limit` (or 0) means the end was reached. */
  returned_count?: number;
  sample_statuses?: Array<{ index?: number; status?: string }>;
}

/** Schema of `GET /runs/{id}/samples/`; the contract only shows an example, so every field is optional. */
export const sampleListSchema = /* @__PURE__ */ perMode<SampleList>((mode) => {
  const integer = v.optional(mode.integer());
  const freeObject = v.record(v.string(), v.unknown());
  return mode.object({
    task_id: v.optional(v.string()),
    status: v.optional(v.string()),
    result: v.optional(
      mode.object({
        generated_outputs: v.optional(
          v.array(
            mode.object({
              generated_sample: v.optional(freeObject),
              metadata: v.optional(v.looseObject({ finish_time: v.optional(v.number()) })),
            }),
          ),
        ),
      }),
    ),
    total_samples: integer,
    returned_count: integer,
    sample_statuses: v.optional(v.array(mode.object({ index: integer, status: v.optional(v.string()) }))),
  });
});

/** Spec statuses the contract documents (older servers say `READY` for `SUCCEEDED`). */
export const SPEC_STATUSES = ['PROCESSING', 'SUCCEEDED', 'FAILED'] as const;

/** A spec as returned by `GET /api/dataframer/specs/{id}/`. */
export interface Spec {
  id: string;
  name?: string;
  description?: string;
  status?: (typeof SPEC_STATUSES)[number] | (string & {});
  created_at?: string;
  updated_at?: string;
  dataset_id?: string | null;
  dataset_name?: string | null;
  dataset_type?: string;
  created_by_email?: string;
  runtime_params?: Record<string, unknown>;
  /** Only with `include_versions: true`. */
  versions?: Array<Record<string, unknown>>;
  content_yaml?: string | null;
}

/** Schema of `GET /api/dataframer/specs/{id}/`. */
export const specSchema = /* @__PURE__ */ perMode<Spec>((mode) =>
  mode.object({
    id: mode.id(),
    name: mode.documented(v.string()),
    description: v.optional(v.string()),
    status: mode.documented(mode.openEnum(SPEC_STATUSES)),
    created_at: mode.documented(mode.dateTime()),
    updated_at: mode.documented(mode.dateTime()),
    dataset_id: mode.documented(v.nullable(mode.id())),
    dataset_name: mode.documented(v.nullable(v.string())),
    dataset_type: mode.documented(mode.openEnum(['SINGLE_FILE', 'MULTI_FILE', 'MULTI_FOLDER'] as const)),
    created_by_email: mode.documented(v.string()),
    runtime_params: mode.documented(v.record(v.string(), v.unknown())),
    versions: v.optional(v.array(v.record(v.string(), v.unknown()))),
    content_yaml: mode.documented(v.nullable(v.string())),
  }),
);

/** A spec as listed by `GET /api/dataframer/specs/` (the contract only knows the older SDK shape). */
export interface SpecListItem {
  name: string;
  id?: string;
  datasets_id?: string;
  status?: string;
  description?: string;
  dataset_name?: string;
  company_id?: string;
  company_name?: string;
  created_at?: string;
  updated_at?: string;
  created_by?: number;
  created_by_name?: string;
  latest_version?: number;
  version_count?: number;
  [key: string]: unknown;
}

/** Schema of the spec list; lenient mode only needs a `name` per item. */
export const specListSchema = /* @__PURE__ */ perMode<SpecListItem[]>((mode) => {
  const optionalString = v.optional(v.string());
  const integer = v.optional(mode.integer());
  return v.array(
    mode.object({
      name: v.string(),
      id: optionalString,
      datasets_id: mode.documented(v.string()),
      status: v.optional(mode.openEnum(['PROCESSING', 'READY', 'FAILED'] as const)),
      description: optionalString,
      dataset_name: optionalString,
      company_id: optionalString,
      company_name: optionalString,
      created_at: v.optional(mode.dateTime()),
      updated_at: v.optional(mode.dateTime()),
      created_by: integer,
      created_by_name: optionalString,
      data_property_variations: optionalString,
      latest_version: integer,
      latest_version_data: optionalString,
      version_count: integer,
      versions: v.optional(v.array(v.record(v.string(), v.unknown()))),
    }),
  );
});

/** The models answer; the contract leaves its shape open. */
export type ModelList = Record<string, unknown>;

/** The health answer; the contract leaves its shape open. */
export type Health = Record<string, unknown>;

/** Schema of a JSON object whose shape the contract leaves open (models, health). */
export const freeObjectSchema = /* @__PURE__ */ perMode<Record<string, unknown>>(() => v.record(v.string(), v.unknown()));
