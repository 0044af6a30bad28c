import * as v from 'valibot';
import type { ObjectOutput, Schema, SchemaMode } from './SchemaMode';

/** Contract-test mode: unknown fields and status values rejected, every field the contract shows on every object required, null only where it says nullable, uuid, date-time and integer formats checked. */
export const strictSchemas: SchemaMode = {
  name: 'strict',
  object: <E extends v.ObjectEntries>(entries: E) => v.strictObject(entries) as Schema<ObjectOutput<E>>,
  documented: (schema) => schema,
  optional: v.optional,
  nullable: v.nullable,
  id: () => v.pipe(v.string(), v.uuid()),
  dateTime: () => v.pipe(v.string(), v.isoTimestamp()),
  integer: () => v.pipe(v.number(), v.integer()),
  openEnum: (values) => v.picklist(values),
};
