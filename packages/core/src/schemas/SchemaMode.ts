import * as v from 'valibot';

/**
 * How response bodies are checked. `lenient` (the default) keeps unknown fields and unknown status
 * values so a newer server never breaks an older client; `strict` rejects anything the contract does
 * not name and checks formats (uuid, date-time), for contract tests.
 */
export type SchemaMode = 'lenient' | 'strict';

/** A valibot schema whose output is `T`. */
export type Schema<T> = v.GenericSchema<unknown, T>;

/** Builds a schema once per mode and reuses it. */
export function perMode<T>(build: (mode: SchemaMode) => v.GenericSchema<unknown, unknown>): (mode?: SchemaMode) => Schema<T> {
  const cache: Partial<Record<SchemaMode, Schema<T>>> = {};
  return (mode = 'lenient') => (cache[mode] ??= build(mode) as Schema<T>);
}

/** An object schema: unknown keys kept when lenient, rejected when strict. */
export function objectFor<E extends v.ObjectEntries>(mode: SchemaMode, entries: E) {
  return mode === 'strict' ? v.strictObject(entries) : v.looseObject(entries);
}

/** A field the contract documents but does not mark required: optional when lenient, required when strict. */
export function documented<S extends v.GenericSchema>(mode: SchemaMode, schema: S) {
  return mode === 'strict' ? schema : v.optional(schema);
}

/** A string that must be a uuid when strict. */
export function idString(mode: SchemaMode) {
  return mode === 'strict' ? v.pipe(v.string(), v.uuid()) : v.string();
}

/** A string that must be an ISO 8601 date-time when strict. */
export function dateTimeString(mode: SchemaMode) {
  return mode === 'strict' ? v.pipe(v.string(), v.isoTimestamp()) : v.string();
}

/** An integer when strict, any number when lenient. */
export function integerNumber(mode: SchemaMode) {
  return mode === 'strict' ? v.pipe(v.number(), v.integer()) : v.number();
}

/** A known enum when strict; any string when lenient, so a new value from the server is carried, not rejected. */
export function openEnum<const T extends readonly string[]>(mode: SchemaMode, values: T) {
  return mode === 'strict' ? v.picklist(values) : v.string();
}
