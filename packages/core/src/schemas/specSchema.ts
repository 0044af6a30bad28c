import * as v from 'valibot';
import { DATASET_TYPES, SPEC_STATUSES, type DatasetType, type SpecStatus } from './enums';
import { perMode } from './SchemaMode';

/** A spec as returned by `GET /api/dataframer/specs/{id}/`. */
export interface Spec {
  id: string;
  name?: string | null;
  description?: string | null;
  status?: SpecStatus | null;
  created_at?: string | null;
  updated_at?: string | null;
  dataset_id?: string | null;
  dataset_name?: string | null;
  dataset_type?: DatasetType | null;
  created_by_email?: string | null;
  runtime_params?: Record<string, unknown> | null;
  /** Only with `include_versions: true`. */
  versions?: Array<Record<string, unknown>> | null;
  content_yaml?: string | null;
}

/** Schema of `GET /api/dataframer/specs/{id}/`; the id is all the client needs. */
export const specSchema = /* @__PURE__ */ perMode<Spec>((mode) =>
  mode.object({
    id: mode.id(),
    name: mode.documented(v.string()),
    description: mode.optional(v.string()),
    status: mode.documented(mode.openEnum(SPEC_STATUSES)),
    created_at: mode.documented(mode.dateTime()),
    updated_at: mode.documented(mode.dateTime()),
    dataset_id: mode.documented(mode.nullable(mode.id())),
    dataset_name: mode.documented(mode.nullable(v.string())),
    dataset_type: mode.documented(mode.openEnum(DATASET_TYPES)),
    created_by_email: mode.documented(v.string()),
    runtime_params: mode.documented(v.record(v.string(), v.unknown())),
    versions: mode.optional(v.array(v.record(v.string(), v.unknown()))),
    content_yaml: mode.documented(mode.nullable(v.string())),
  }),
);
