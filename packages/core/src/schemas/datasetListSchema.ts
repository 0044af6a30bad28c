import * as v from 'valibot';
import { DATASET_TYPES } from './enums';
import { shortSampleCompatibilityEntries } from './seedDatasetSchema';
import { perMode, type ObjectOutput, type SchemaMode } from './SchemaMode';

/** The fields of a listed dataset; each item needs its `id`, `name` and `dataset_type`. */
const datasetListItemEntries = (mode: SchemaMode) => {
  const string = mode.optional(v.string());
  const dateTime = mode.optional(mode.dateTime());
  const integer = mode.optional(mode.integer());
  return {
    id: v.string(),
    name: v.string(),
    dataset_type: mode.openEnum(DATASET_TYPES),
    created_at: dateTime,
    updated_at: dateTime,
    created_by_name: string,
    dataset_type_display: string,
    description: string,
    file_count: integer,
    folder_count: integer,
    short_sample_compatibility: mode.optional(mode.object(shortSampleCompatibilityEntries(mode))),
  };
};

/** A dataset as listed by `GET /api/dataframer/datasets/`; unknown fields are kept. */
export interface DatasetListItem extends ObjectOutput<ReturnType<typeof datasetListItemEntries>> {}

/** Schema of the dataset list. */
export const datasetListSchema = /* @__PURE__ */ perMode<DatasetListItem[]>((mode) => v.array(mode.object(datasetListItemEntries(mode))));
