import * as v from 'valibot';
import { perMode } from './SchemaMode';

/** Schema of a JSON object whose shape the contract leaves open (models, health). */
export const freeObjectSchema = /* @__PURE__ */ perMode(() => v.record(v.string(), v.unknown()));

/** A JSON object whose shape the contract leaves open. */
type FreeObject = v.InferOutput<ReturnType<typeof freeObjectSchema>>;

/** The models answer; the contract leaves its shape open (the service answers `{ models: [...] }`). */
export interface ModelList extends FreeObject {}

/** The health answer; the contract leaves its shape open. */
export interface Health extends FreeObject {}
