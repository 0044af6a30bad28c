import * as v from 'valibot';
import { DATASET_TYPES, SPEC_STATUSES } from './enums';
import { freeObject } from './freeObjectSchema';
import { perMode, type ObjectOutput, type SchemaMode } from './SchemaMode';

/** The fields of a spec; the id is all the client needs. */
export const specEntries = (mode: SchemaMode) => {
  const string = mode.optional(v.string());
  const dateTime = mode.optional(mode.dateTime());
  return {
    id: mode.id(),
    name: string,
    description: string,
    status: mode.optional(mode.openEnum(SPEC_STATUSES)),
    created_at: dateTime,
    updated_at: dateTime,
    dataset_id: mode.optional(mode.nullable(mode.id())),
    dataset_name: mode.optional(mode.nullable(v.string())),
    dataset_type: mode.optional(mode.openEnum(DATASET_TYPES)),
    created_by_email: string,
    runtime_params: mode.optional(freeObject()),
    /** Only with `include_versions: true`. */
    versions: mode.optional(v.array(freeObject())),
    content_yaml: mode.optional(mode.nullable(v.string())),
  };
};

/** A spec as returned by `GET /api/dataframer/specs/{id}/`. */
export interface Spec extends ObjectOutput<ReturnType<typeof specEntries>> {}

/** Schema of `GET /api/dataframer/specs/{id}/`. */
export const specSchema = /* @__PURE__ */ perMode<Spec>((mode) => mode.object(specEntries(mode)));

/** The parameters a spec was generated with, as the replace answer names them (the contract keeps any other). */
const specRuntimeParamsEntries = (mode: SchemaMode) => {
  const flag = mode.optional(v.boolean());
  return {
    spec_generation_model_name: mode.optional(v.string()),
    generate_distributions: flag,
    extrapolate_values: flag,
    extrapolate_axes: flag,
  };
};

/** Schema of `PUT /api/dataframer/specs/{id}/`'s answer: the spec, its parameters typed as the update page names them. */
export const replacedSpecSchema = /* @__PURE__ */ perMode<Spec>((mode) =>
  mode.object({
    ...specEntries(mode),
    // additionalProperties: true in the contract, so unknown parameters pass in every mode.
    runtime_params: mode.optional(v.looseObject(specRuntimeParamsEntries(mode))),
  }),
);
