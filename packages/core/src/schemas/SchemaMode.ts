import * as v from 'valibot';

/** A valibot schema whose output is `T`. */
export type Schema<T> = v.GenericSchema<unknown, T>;

/**
 * The value an object schema made of `entries` gives in the default mode, the widest (strict mode gives a subset of
 * it): each field with its schema's output, optional where that output may be undefined, and unknown fields kept.
 */
export type ObjectOutput<E extends v.ObjectEntries> = Flat<
  { [K in keyof E as undefined extends v.InferOutput<E[K]> ? never : K]: v.InferOutput<E[K]> } & {
    [K in keyof E as undefined extends v.InferOutput<E[K]> ? K : never]?: v.InferOutput<E[K]>;
  } & { [key: string]: unknown }
>;

/** One object type instead of an intersection, so hovers and type tests see plain fields. */
type Flat<T> = { [K in keyof T]: T[K] };

/**
 * How response bodies are checked: the building blocks every schema is made of. `lenientSchemas` (the
 * default) keeps unknown fields and status values so a newer server never breaks an older client;
 * `strictSchemas` checks the contract exactly, for contract tests.
 * Strictness is a value, not a flag, so bundles that never use it leave its code out. Each block's output type is
 * the lenient one, the widest; the public response types are inferred from the schemas built with them.
 */
export interface SchemaMode {
  readonly name: 'lenient' | 'strict';
  /** An object schema: unknown keys kept (lenient) or rejected (strict). */
  object<E extends v.ObjectEntries>(entries: E): Schema<ObjectOutput<E>>;
  /**
   * A field the contract's `required` lists and the client can do without: strict requires it; lenient accepts it
   * null or absent and checks its type otherwise. (A field the client needs is its plain schema, required in both.)
   */
  required<T>(schema: Schema<T>): Schema<T | null | undefined>;
  /** A field the contract's `required` does not list: strict accepts it absent; lenient null or absent. */
  optional<T>(schema: Schema<T>): Schema<T | null | undefined>;
  /** A value the contract marks nullable: strict accepts null there and only there (lenient accepts null for every field it does not need). */
  nullable<T>(schema: Schema<T>): Schema<T | null>;
  /** A string that must be a uuid when strict. */
  id(): Schema<string>;
  /** A string that must be an ISO 8601 date-time when strict. */
  dateTime(): Schema<string>;
  /** An integer when strict, any number when lenient. */
  integer(): Schema<number>;
  /** One of `values` when strict; any string when lenient, so a new value from the server is carried. */
  openEnum<T extends string>(values: readonly [T, ...T[]]): Schema<T | (string & {})>;
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
  object: <E extends v.ObjectEntries>(entries: E) => v.looseObject(entries) as Schema<ObjectOutput<E>>,
  required: v.nullish,
  optional: v.nullish,
  nullable: (schema) => schema,
  id: () => v.string(),
  dateTime: () => v.string(),
  integer: () => v.number(),
  openEnum: () => v.string(),
};

/** Builds a schema once per mode and reuses it. */
export function perMode<T>(build: (mode: SchemaMode) => Schema<T>): (mode?: SchemaMode) => Schema<T> {
  const cache = new Map<SchemaMode, Schema<T>>();
  return (mode = lenientSchemas) => {
    let schema = cache.get(mode);
    if (!schema) {
      schema = build(mode);
      cache.set(mode, schema);
      const check = mode.precheck?.(schema);
      if (check) prechecks.set(schema, check);
    }
    return schema;
  };
}
