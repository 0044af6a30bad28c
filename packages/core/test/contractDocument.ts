import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { JSONSchemaFaker } from 'json-schema-faker';
import { parse } from 'yaml';

// The contract's OpenAPI document and the ways the contract tests walk it.

export type Json = Record<string, unknown>;

const contractPath = fileURLToPath(new URL('../../../contract/dataframer-runs.openapi.yaml', import.meta.url));
export const doc = parse(readFileSync(contractPath, 'utf8')) as { paths: Record<string, Record<string, Json>>; components: Json };

/** The JSON response schema the contract gives one operation, found by its path, method and status. */
export function responseSchema(path: string, method: string, status: string): Json {
  const responses = doc.paths[path]![method]!['responses'] as Record<string, Json>;
  return (responses[status]!['content'] as Record<string, Json>)['application/json']!['schema'] as Json;
}

export function deref(schema: Json): Json {
  const ref = schema['$ref'];
  if (typeof ref !== 'string') return schema;
  return ref
    .slice(2)
    .split('/')
    .reduce<Json>((node, key) => node[key] as Json, doc as unknown as Json);
}

/** Top-level properties of an object schema (following $ref and allOf), with their declared types. */
export function properties(schema: Json): Record<string, Json> {
  const s = deref(schema);
  const own = (s['properties'] as Record<string, Json>) ?? {};
  const fromAllOf = ((s['allOf'] as Json[]) ?? []).map(properties);
  return Object.assign({}, ...fromAllOf, own);
}

/** The fields an object schema marks required (following $ref and allOf). */
export function requiredOf(schema: Json): string[] {
  const s = deref(schema);
  return [...((s['required'] as string[]) ?? []), ...((s['allOf'] as Json[]) ?? []).flatMap(requiredOf)];
}

export function typeOf(schema: Json): string | undefined {
  const s = deref(schema);
  if (typeof s['type'] === 'string') return s['type'];
  const first = (s['allOf'] as Json[] | undefined)?.[0];
  return first ? typeOf(first) : undefined;
}

export function wrongValue(type: string | undefined): unknown {
  if (type === 'string') return 12345;
  if (type === 'boolean') return 'yes';
  if (type === 'array') return { not: 'an array' };
  if (type === 'object') return 'not an object';
  return 'not a number';
}

let seed = 20261128;
function random(): number {
  seed = (seed * 16807) % 2147483647;
  return (seed - 1) / 2147483646;
}
JSONSchemaFaker.option({ alwaysFakeOptionals: true, random, minItems: 1, maxItems: 3, failOnInvalidTypes: true, fillProperties: false });

/** Replaces every $ref with the schema it names (the contract has no cycles). */
function inline(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(inline);
  if (node === null || typeof node !== 'object') return node;
  const resolved = deref(node as Json);
  return Object.fromEntries(Object.entries(resolved).map(([k, val]) => [k, inline(val)]));
}

/** A body the schema allows, every optional field filled in (seeded, so each run of a file generates the same bodies). */
export function fake(schema: Json): unknown {
  return JSONSchemaFaker.generate(inline(schema) as never);
}

export type Path = Array<string | number>;

/** One field of a generated body, with where it is and whether the contract makes it optional. */
export interface Field {
  path: Path;
  schema: Json;
  optional: boolean;
  leaf: boolean;
}

/** Every field present in `value`, at every depth (the first item of each array), walked with its schema. */
export function fieldsOf(schema: Json, value: unknown, path: Path = []): Field[] {
  const s = deref(schema);
  if (Array.isArray(value)) {
    const items = s['items'] as Json | undefined;
    return items && value.length > 0 ? fieldsOf(items, value[0], [...path, 0]) : [];
  }
  if (value === null || typeof value !== 'object') return [];
  const props = properties(s);
  const required = requiredOf(s);
  return Object.entries(props).flatMap(([key, sub]) => {
    if (!(key in (value as Json))) return [];
    const inner = (value as Json)[key];
    const leaf = inner === null || typeof inner !== 'object';
    return [{ path: [...path, key], schema: sub, optional: !required.includes(key), leaf }, ...fieldsOf(sub, inner, [...path, key])];
  });
}

export function at(body: unknown, path: Path): { parent: Json; key: string | number } {
  let node = body as Json;
  for (const key of path.slice(0, -1)) node = (node as Record<string | number, unknown>)[key] as Json;
  return { parent: node, key: path[path.length - 1]! };
}

/** A copy of `body` with each of `fields` set to null (or left out). */
export function withFields(body: unknown, fields: Field[], how: 'null' | 'absent'): unknown {
  const copy = structuredClone(body);
  // Deepest first, so a parent changed later does not hide a child.
  for (const field of [...fields].sort((a, b) => b.path.length - a.path.length)) {
    const { parent, key } = at(copy, field.path);
    if (parent === null || typeof parent !== 'object') continue;
    if (how === 'null') (parent as Record<string | number, unknown>)[key] = null;
    else delete (parent as Record<string | number, unknown>)[key];
  }
  return copy;
}

/** A path as ResponseValidationError messages spell it (`[0].runtime_params.number_of_samples`). */
export function spelled(path: Path): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out === '' ? key : `.${key}`;
  return out;
}
