import * as v from 'valibot';
import type { SpecStatus } from './enums';
import { perMode } from './SchemaMode';

/** A spec as listed by `GET /api/dataframer/specs/` (the contract only knows the older SDK shape); unknown fields are kept. */
export interface SpecListItem {
  id: string;
  name?: string | null;
  datasets_id?: string | null;
  status?: SpecStatus | null;
  description?: string | null;
  dataset_name?: string | null;
  company_id?: string | null;
  company_name?: string | null;
  created_at?: string | null;
  updated_at?: string | null;
  created_by?: number | null;
  created_by_name?: string | null;
  latest_version?: number | null;
  version_count?: number | null;
  [key: string]: unknown;
}

/** Statuses a listed spec may have: the SDK's older shape says `READY`, the newest docs `SUCCEEDED`. */
const LISTED_SPEC_STATUSES = ['PROCESSING', 'SUCCEEDED', 'READY', 'FAILED'] as const;

/** Schema of the spec list; each item needs only its `id`. */
export const specListSchema = /* @__PURE__ */ perMode<SpecListItem[]>((mode) => {
  const string = mode.optional(v.string());
  const integer = mode.optional(mode.integer());
  return v.array(
    mode.object({
      id: v.string(),
      name: mode.documented(v.string()),
      datasets_id: mode.documented(v.string()),
      status: mode.optional(mode.openEnum(LISTED_SPEC_STATUSES)),
      description: string,
      dataset_name: string,
      company_id: string,
      company_name: string,
      created_at: mode.optional(mode.dateTime()),
      updated_at: mode.optional(mode.dateTime()),
      created_by: integer,
      created_by_name: string,
      data_property_variations: string,
      latest_version: integer,
      latest_version_data: string,
      version_count: integer,
      versions: mode.optional(v.array(v.record(v.string(), v.unknown()))),
    }),
  );
});
