import * as v from 'valibot';
import { DATASET_TYPES, SPEC_STATUSES } from './enums';
import { perMode, type ObjectOutput, type SchemaMode } from './SchemaMode';

/** The fields of a spec; the id is all the client needs. */
export const specEntries = (mode: SchemaMode) => ({
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
  /** Only with `include_versions: true`. */
  versions: mode.optional(v.array(v.record(v.string(), v.unknown()))),
  content_yaml: mode.documented(mode.nullable(v.string())),
});

/** A spec as returned by `GET /api/dataframer/specs/{id}/`. */
export interface Spec extends ObjectOutput<ReturnType<typeof specEntries>> {}

/** Schema of `GET /api/dataframer/specs/{id}/`. */
export const specSchema = /* @__PURE__ */ perMode<Spec>((mode) => mode.object(specEntries(mode)));
