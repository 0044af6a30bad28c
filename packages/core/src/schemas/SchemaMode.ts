import * as v from 'valibot';

/** A valibot schema whose output is `T`. */
export type Schema<T> = v.GenericSchema<unknown, T>;

/**
 * How response bodies are checked: the building blocks every schema is made of. `lenientSchemas` (the
 * default) keeps unknown fields and status values so a newer server never breaks an older client;
 * `strictSchemas` rejects anything the contract does not name and checks formats, for contract tests.
 * Strictness is a value, not a flag, so bundles that never use it leave its code out.
 */
export interface SchemaMode {
  readonly name: 'lenient' | 'strict';
  /** An object schema: unknown keys kept (lenient) or rejected (strict). */
  object(entries: v.ObjectEntries): v.GenericSchema;
  /**
   * A field the contract documents on every object and the client does not need: lenient accepts it null or
   * absent and checks its type otherwise; strict requires it, as the contract shows it.
   */
  documented(schema: v.GenericSchema): v.GenericSchema;
  /** A field the contract marks optional: lenient accepts it null or absent; strict accepts it absent only. */
  optional(schema: v.GenericSchema): v.GenericSchema;
  /** A value the contract marks nullable: strict accepts null there and only there (lenient accepts null for every field it does not need). */
  nullable(schema: v.GenericSchema): v.GenericSchema;
  /** A string that must be a uuid when strict. */
  id(): v.GenericSchema<unknown, string>;
  /** A string that must be an ISO 8601 date-time when strict. */
  dateTime(): v.GenericSchema<unknown, string>;
  /** An integer when strict, any number when lenient. */
  integer(): v.GenericSchema<unknown, number>;
  /** One of `values` when strict; any string when lenient, so a new value from the server is carried. */
  openEnum(values: readonly [string, ...string[]]): v.GenericSchema<unknown, string>;
  /** Compiles a schema into a quick in-place check for valid bodies (valibot still decides, and names, every failure). */
  precheck?(schema: object): ((value: unknown) => boolean) | null;
}

/** The quick checks `precheck` made, by schema; `validateResponse` tries them first. */
export const prechecks = new WeakMap<object, (value: unknown) => boolean>();

/**
 * The default: lenient by construction. A response is rejected only when the client cannot do its job with
 * it (a list item without its `id`, a run without a `status` string, a create answer without its `id`, a
 * ready download without its URL); every other field may be null or absent and is type-checked otherwise,
 * unknown fields are kept and unknown enum values pass as strings. All by valibot (the smallest bundle).
 */
export const lenientSchemas: SchemaMode = {
  name: 'lenient',
  object: (entries) => v.looseObject(entries),
  documented: (schema) => v.nullish(schema),
  optional: (schema) => v.nullish(schema),
  nullable: (schema) => schema,
  id: () => v.string(),
  dateTime: () => v.string(),
  integer: () => v.number(),
  openEnum: () => v.string(),
};

/** Builds a schema once per mode and reuses it. */
export function perMode<T>(build: (mode: SchemaMode) => v.GenericSchema<unknown, unknown>): (mode?: SchemaMode) => Schema<T> {
  const cache = new Map<SchemaMode, Schema<T>>();
  return (mode = lenientSchemas) => {
    let schema = cache.get(mode);
    if (!schema) {
      schema = build(mode) as Schema<T>;
      cache.set(mode, schema);
      const check = mode.precheck?.(schema);
      if (check) prechecks.set(schema, check);
    }
    return schema;
  };
}
