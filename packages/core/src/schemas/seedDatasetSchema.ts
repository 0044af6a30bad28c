import * as v from 'valibot';
import { DATASET_TYPES } from './enums';
import { perMode, type ObjectOutput, type SchemaMode } from './SchemaMode';

/** The fields of one file of a seed dataset. */
const seedDatasetFileEntries = (mode: SchemaMode) => ({
  id: mode.optional(v.string()),
  file_type: mode.optional(v.string()),
  size_bytes: mode.optional(mode.integer()),
  path: mode.optional(v.string()),
});

/** One file of a seed dataset. */
export interface SeedDatasetFile extends ObjectOutput<ReturnType<typeof seedDatasetFileEntries>> {}

/** Whether a dataset suits short and long samples, and why not. */
export const shortSampleCompatibilityEntries = (mode: SchemaMode) => ({
  is_short_samples_compatible: mode.optional(v.boolean()),
  is_long_samples_compatible: mode.optional(v.boolean()),
  reason: mode.optional(mode.nullable(v.string())),
});

/** Whether a dataset suits short and long samples, and why not. */
export interface ShortSampleCompatibility extends ObjectOutput<ReturnType<typeof shortSampleCompatibilityEntries>> {}

/** The fields of a seed dataset; the client needs its `id`, `name` and `dataset_type`. */
const seedDatasetEntries = (mode: SchemaMode) => {
  const string = mode.optional(v.string());
  const dateTime = mode.optional(mode.dateTime());
  const integer = mode.optional(mode.integer());
  return {
    id: mode.id(),
    name: v.string(),
    dataset_type: mode.openEnum(DATASET_TYPES),
    description: mode.optional(mode.nullable(v.string())),
    created_at: dateTime,
    updated_at: dateTime,
    created_by_email: string,
    files: mode.optional(v.array(mode.object(seedDatasetFileEntries(mode)))),
    file_count: integer,
    folder_count: integer,
    short_sample_compatibility: mode.optional(mode.object(shortSampleCompatibilityEntries(mode))),
  };
};

/** A seed dataset as `POST /api/dataframer/seed-datasets/create/` and `GET /api/dataframer/seed-datasets/{id}/` return it. */
export interface SeedDataset extends ObjectOutput<ReturnType<typeof seedDatasetEntries>> {}

/** Schema of a seed dataset. */
export const seedDatasetSchema = /* @__PURE__ */ perMode<SeedDataset>((mode) => mode.object(seedDatasetEntries(mode)));
