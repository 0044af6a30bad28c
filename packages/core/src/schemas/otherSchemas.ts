import * as v from 'valibot';
import { dateTimeString, documented, idString, integerNumber, objectFor, openEnum, perMode } from './SchemaMode';

/** Body of a successful create: only the new run's id. */
export interface CreateRunResult {
  id: string;
}

/** Schema of the create response. */
export const createRunResultSchema = perMode<CreateRunResult>((mode) => objectFor(mode, { id: idString(mode) }));

/** The ZIP of a run's files is ready: a short-lived (one hour) URL and its size. */
export interface RunFilesDownload {
  download_url: string;
  size_bytes?: number;
}

/** Schema of the 200 answer of `GET /runs/{id}/files/download/`. */
export const runFilesDownloadSchema = perMode<RunFilesDownload>((mode) =>
  objectFor(mode, {
    download_url: v.string(),
    size_bytes: documented(mode, integerNumber(mode)),
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
export const sampleListSchema = perMode<SampleList>((mode) => {
  const integer = v.optional(integerNumber(mode));
  const freeObject = v.record(v.string(), v.unknown());
  return objectFor(mode, {
    task_id: v.optional(v.string()),
    status: v.optional(v.string()),
    result: v.optional(
      objectFor(mode, {
        generated_outputs: v.optional(
          v.array(
            objectFor(mode, {
              generated_sample: v.optional(freeObject),
              metadata: v.optional(v.looseObject({ finish_time: v.optional(v.number()) })),
            }),
          ),
        ),
      }),
    ),
    total_samples: integer,
    returned_count: integer,
    sample_statuses: v.optional(v.array(objectFor(mode, { index: integer, status: v.optional(v.string()) }))),
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
export const specSchema = perMode<Spec>((mode) =>
  objectFor(mode, {
    id: idString(mode),
    name: documented(mode, v.string()),
    description: v.optional(v.string()),
    status: documented(mode, openEnum(mode, SPEC_STATUSES)),
    created_at: documented(mode, dateTimeString(mode)),
    updated_at: documented(mode, dateTimeString(mode)),
    dataset_id: documented(mode, v.nullable(idString(mode))),
    dataset_name: documented(mode, v.nullable(v.string())),
    dataset_type: documented(mode, openEnum(mode, ['SINGLE_FILE', 'MULTI_FILE', 'MULTI_FOLDER'] as const)),
    created_by_email: documented(mode, v.string()),
    runtime_params: documented(mode, v.record(v.string(), v.unknown())),
    versions: v.optional(v.array(v.record(v.string(), v.unknown()))),
    content_yaml: documented(mode, v.nullable(v.string())),
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
export const specListSchema = perMode<SpecListItem[]>((mode) => {
  const optionalString = v.optional(v.string());
  const integer = v.optional(integerNumber(mode));
  return v.array(
    objectFor(mode, {
      name: v.string(),
      id: optionalString,
      datasets_id: mode === 'strict' ? v.string() : optionalString,
      status: v.optional(openEnum(mode, ['PROCESSING', 'READY', 'FAILED'] as const)),
      description: optionalString,
      dataset_name: optionalString,
      company_id: optionalString,
      company_name: optionalString,
      created_at: v.optional(dateTimeString(mode)),
      updated_at: v.optional(dateTimeString(mode)),
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
export const freeObjectSchema = perMode<Record<string, unknown>>(() => v.record(v.string(), v.unknown()));
