import * as v from 'valibot';
import type { ObjectOutput, Schema, SchemaMode } from './SchemaMode';

/**
 * Contract-test mode: the contract exactly. A field is required where the contract's `required` lists it and may be
 * absent anywhere else; null passes only where the contract says `nullable`, and a value outside an enum never does;
 * uuid, date-time and integer formats are checked. Fields the contract does not name pass only where it says
 * `additionalProperties: true`: it says nothing of them on most objects, and rejecting them there lets a contract test
 * see a field the document lacks.
 */
export const strictSchemas: SchemaMode = {
  name: 'strict',
  object: <E extends v.ObjectEntries>(entries: E) => v.strictObject(entries) as Schema<ObjectOutput<E>>,
  required: (schema) => schema,
  optional: v.optional,
  nullable: v.nullable,
  id: () => v.pipe(v.string(), v.uuid()),
  dateTime: () => v.pipe(v.string(), v.isoTimestamp()),
  integer: () => v.pipe(v.number(), v.integer()),
  openEnum: (values) => v.picklist(values),
};
