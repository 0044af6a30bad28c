import * as v from 'valibot';
import { perMode } from './SchemaMode';

/** The models answer; the contract leaves its shape open (the service answers `{ models: [...] }`). */
export type ModelList = Record<string, unknown>;

/** The health answer; the contract leaves its shape open. */
export type Health = Record<string, unknown>;

/** Schema of a JSON object whose shape the contract leaves open (models, health). */
export const freeObjectSchema = /* @__PURE__ */ perMode<Record<string, unknown>>(() => v.record(v.string(), v.unknown()));
