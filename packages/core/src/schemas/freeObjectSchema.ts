import * as v from 'valibot';
import { perMode } from './SchemaMode';

/** A JSON object whose shape the contract leaves open (`additionalProperties: true`): checked alike in every mode. */
export const freeObject = () => v.record(v.string(), v.unknown());

/** Schema of a JSON object whose shape the contract leaves open (models, health). */
export const freeObjectSchema = /* @__PURE__ */ perMode(freeObject);

/** A JSON object whose shape the contract leaves open. */
type FreeObject = v.InferOutput<ReturnType<typeof freeObject>>;

/** The models answer; the contract leaves its shape open (the service answers `{ models: [...] }`). */
export interface ModelList extends FreeObject {}

/** The health answer; the contract leaves its shape open. */
export interface Health extends FreeObject {}
