import * as v from 'valibot';
import { freeObject } from './freeObjectSchema';
import { perMode, type ObjectOutput, type SchemaMode } from './SchemaMode';

/** Statuses a listed spec may have: the SDK's older shape says `READY`, the newest docs `SUCCEEDED`. */
const LISTED_SPEC_STATUSES = ['PROCESSING', 'SUCCEEDED', 'READY', 'FAILED'] as const;

/** The fields of a listed spec (the contract only knows the older SDK shape); each item needs only its `id`. */
export const specListItemEntries = (mode: SchemaMode) => {
  const string = mode.optional(v.string());
  const integer = mode.optional(mode.integer());
  const dateTime = mode.optional(mode.dateTime());
  return {
    id: v.string(),
    name: mode.required(v.string()),
    datasets_id: mode.required(v.string()),
    status: mode.optional(mode.openEnum(LISTED_SPEC_STATUSES)),
    description: string,
    dataset_name: string,
    company_id: string,
    company_name: string,
    created_at: dateTime,
    updated_at: dateTime,
    created_by: integer,
    created_by_name: string,
    data_property_variations: string,
    latest_version: integer,
    latest_version_data: string,
    version_count: integer,
    versions: mode.optional(v.array(freeObject())),
  };
};

/** A spec as listed by `GET /api/dataframer/specs/`; unknown fields are kept. */
export interface SpecListItem extends ObjectOutput<ReturnType<typeof specListItemEntries>> {}

/** Schema of the spec list. */
export const specListSchema = /* @__PURE__ */ perMode<SpecListItem[]>((mode) => v.array(mode.object(specListItemEntries(mode))));
