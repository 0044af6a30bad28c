import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { requestRunFilesOperation, strictSchemas } from '../src/index';
import { deref, doc, properties, requiredOf, spelled, typeOf, type Json, type Path } from './contractDocument';
import { cases, READERS } from './contractReaders';

// Strict mode is the contract, exactly: every rule below is read from the OpenAPI document, object by object, at every
// depth of every answer the SDK parses.

/**
 * Where the document says nothing of fields it does not name (no `additionalProperties`), strict mode rejects them:
 * a contract test then notices a field the document does not know. Only `additionalProperties: true` lets them through.
 */
const UNNAMED_FIELDS_WHERE_SILENT = false;

/** Whether the contract allows null here: OpenAPI 3.0 spells it `nullable: true`, 3.1 lists `null` among the types. */
function nullable(schema: Json): boolean {
  const s = deref(schema);
  return s['nullable'] === true || (Array.isArray(s['type']) && s['type'].includes('null'));
}

/** Whether the contract lets an object carry fields it does not name. */
function allowsUnnamed(schema: Json): boolean {
  const s = deref(schema);
  const said = [s, ...((s['allOf'] as Json[]) ?? []).map(deref)].map((part) => part['additionalProperties']).filter((x) => x !== undefined);
  return said.length === 0 ? UNNAMED_FIELDS_WHERE_SILENT : said.every((x) => x !== false);
}

/** A value for a field the object does not name: of the type `additionalProperties` gives (a map's values), or any. */
function unnamedValue(schema: Json): unknown {
  const extra = deref(schema)['additionalProperties'];
  return typeof extra === 'object' && extra !== null ? smallest(extra as Json) : 'x';
}

/** The smallest value the contract allows: an object holds only its required fields, each at its smallest. */
function smallest(schema: Json): unknown {
  const s = deref(schema);
  const type = typeOf(s);
  if (type === 'object') return Object.fromEntries(requiredOf(s).map((key) => [key, smallest(properties(s)[key]!)]));
  const parts = (s['allOf'] as Json[] | undefined) ?? [];
  if (s['type'] === undefined && parts.length > 0) return smallest(parts[0]!);
  if (Array.isArray(s['enum'])) return s['enum'][0];
  if (type === 'string')
    return s['format'] === 'uuid' ? '3f2b8c1e-5d4a-4b7e-9c2d-1a2b3c4d5e6f' : s['format'] === 'date-time' ? '2026-11-28T10:00:00Z' : 'x';
  if (type === 'integer') return 1;
  if (type === 'number') return 0.5;
  if (type === 'boolean') return true;
  if (type === 'array') return [];
  throw new Error(`no smallest value for ${JSON.stringify(s)}`);
}

/** Every object the answer's schema describes, with where it sits in a body (an array's first item stands for all). */
function objectsIn(schema: Json, path: Path = []): Array<{ path: Path; schema: Json }> {
  const s = deref(schema);
  const type = typeOf(s);
  if (type === 'array') return objectsIn(s['items'] as Json, [...path, 0]);
  if (type !== 'object') return [];
  return [{ path, schema: s }, ...Object.entries(properties(s)).flatMap(([key, sub]) => objectsIn(sub, [...path, key]))];
}

/** The smallest body with `value` at `path`, every container on the way holding its required fields. */
function placed(schema: Json, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const s = deref(schema);
  const [key, ...rest] = path;
  if (typeof key === 'number') return [placed(s['items'] as Json, rest, value)];
  return { ...(smallest(s) as Json), [key!]: placed(properties(s)[key!]!, rest, value) };
}

const without = (object: Json, key: string): Json => Object.fromEntries(Object.entries(object).filter(([k]) => k !== key));

describe.each(cases.filter((c) => c.reader.schema))('strict mode is the contract: $name', (c) => {
  const ours = c.reader.schema!(strictSchemas);
  const passes = (body: unknown) => v.safeParse(ours, body).success;
  const objects = objectsIn(c.schema).map((o) => ({ ...o, where: spelled(o.path) || 'the body' }));

  it('finds the objects of the answer', () => {
    expect(objects.length).toBeGreaterThan(0);
  });

  describe.each(objects)('$where', ({ path, schema }) => {
    const fields = properties(schema);
    const names = Object.keys(fields);
    const required = requiredOf(schema);
    const least = smallest(schema) as Json;
    /** The object with every field the contract names, each at its smallest. */
    const full: Json = { ...Object.fromEntries(names.map((name) => [name, smallest(fields[name]!)])), ...least };
    const body = (object: Json) => placed(c.schema, path, object);

    it('accepts it with only the fields the contract requires, and with every field it names', () => {
      expect(Object.keys(least).sort()).toEqual([...required].sort());
      expect(passes(body(least)), JSON.stringify(body(least))).toBe(true);
      expect(passes(body(full)), JSON.stringify(body(full))).toBe(true);
    });

    it('refuses it without a field exactly where the contract requires that field', () => {
      const refused = names.filter((name) => !passes(body(without(full, name))));
      expect(refused.sort()).toEqual([...required].sort());
    });

    it('accepts null exactly where the contract says nullable', () => {
      const acceptsNull = names.filter((name) => passes(body({ ...full, [name]: null })));
      expect(acceptsNull).toEqual(names.filter((name) => nullable(fields[name]!)));
    });

    const unnamed = allowsUnnamed(schema);
    it(`${unnamed ? 'accepts' : 'refuses'} a field the contract does not name, as the document says`, () => {
      expect(passes(body({ ...full, not_in_the_contract: unnamedValue(schema) }))).toBe(unnamed);
    });
  });
});

describe('strict mode is the contract: downloadAllRunFiles 202', () => {
  it('takes the answer while the ZIP is built whatever its body, since the document gives it none', () => {
    const operation = doc.paths['/api/dataframer/runs/{run_id}/files/download/']!['get']!;
    expect(READERS[String(operation['operationId'])]?.operation).toBe(requestRunFilesOperation);
    expect((operation['responses'] as Record<string, Json>)['202']!['content']).toBeUndefined();
    for (const body of [undefined, { detail: 'building' }, 'text'])
      expect(requestRunFilesOperation.parse({ status: 202, body, request: 'GET /files/download/' }, strictSchemas)).toEqual({
        state: 'building',
      });
  });
});
