import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { JSONSchemaFaker } from 'json-schema-faker';
import * as v from 'valibot';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { fastCheck } from '../src/internal/fastCheck';
import {
  checkHealthOperation,
  createRunOperation,
  createRunResultSchema,
  freeObjectSchema,
  listModelsOperation,
  listRunSamplesOperation,
  listRunsOperation,
  listSpecsOperation,
  rawRequestOperation,
  requestRunFilesOperation,
  retrieveRunOperation,
  retrieveSpecOperation,
  runDetailSchema,
  runFilesDownloadSchema,
  runListSchema,
  sampleListSchema,
  specListSchema,
  specSchema,
  fastLenientSchemas,
  lenientSchemas,
  ResponseValidationError,
  strictSchemas,
  type Operation,
  type SchemaMode,
} from '../src/index';

const MODES = { lenient: lenientSchemas, strict: strictSchemas } as const;

type Json = Record<string, unknown>;
const contractPath = fileURLToPath(new URL('../../../contract/dataframer-runs.openapi.yaml', import.meta.url));
const doc = parse(readFileSync(contractPath, 'utf8')) as { paths: Record<string, Record<string, Json>>; components: Json };

/** The JSON response schema the contract gives one operation, found by its path, method and status. */
function responseSchema(path: string, method: string, status: string): Json {
  const responses = doc.paths[path]![method]!['responses'] as Record<string, Json>;
  return (responses[status]!['content'] as Record<string, Json>)['application/json']!['schema'] as Json;
}

function deref(schema: Json): Json {
  const ref = schema['$ref'];
  if (typeof ref !== 'string') return schema;
  return ref
    .slice(2)
    .split('/')
    .reduce<Json>((node, key) => node[key] as Json, doc as unknown as Json);
}

/** Top-level properties of an object schema (following $ref and allOf), with their declared types. */
function properties(schema: Json): Record<string, Json> {
  const s = deref(schema);
  const own = (s['properties'] as Record<string, Json>) ?? {};
  const fromAllOf = ((s['allOf'] as Json[]) ?? []).map(properties);
  return Object.assign({}, ...fromAllOf, own);
}

function typeOf(schema: Json): string | undefined {
  const s = deref(schema);
  if (typeof s['type'] === 'string') return s['type'];
  const first = (s['allOf'] as Json[] | undefined)?.[0];
  return first ? typeOf(first) : undefined;
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

function fake(schema: Json): unknown {
  return JSONSchemaFaker.generate(inline(schema) as never);
}

/** Ids the operations' parameters name, and the document's path parameters stand for. */
const IDS: Record<string, string> = {
  run_id: '3f2b8c1e-5d4a-4b7e-9c2d-1a2b3c4d5e6f',
  spec_id: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
  file_id: '0d1e2f3a-4b5c-4d6e-8f7a-8b9c0d1e2f3a',
};

/** How the SDK reads one operation's success body. */
interface Reader {
  /** The operation that sends the request and parses its answer. */
  operation: Operation<never, unknown>;
  /** Its parameters, naming the ids above; absent for `client.request`, which gets the document's own method and path. */
  params?: unknown;
  /** The schema its parse checks the body with; absent where the SDK hands the parsed JSON back as it came. */
  schema?: (mode?: SchemaMode) => v.GenericSchema;
  /** The fields the default mode requires: only what the client cannot do its job without. */
  needs: string[];
}

const reader = (operation: Operation<never, unknown>, params: unknown, schema: Reader['schema'], needs: string[]): Reader => ({
  operation,
  params,
  schema,
  needs,
});
/** An operation the SDK does not model: `client.request()` sends it and answers its parsed JSON unchecked. */
const REQUEST: Reader = { operation: rawRequestOperation as Operation<never, unknown>, needs: [] };

/** Every operation of the document with a JSON success body, by operationId, and what in the SDK reads it. */
const READERS: Record<string, Reader> = {
  listRuns: reader(listRunsOperation, undefined, runListSchema, ['id', 'status']),
  createRun: reader(createRunOperation, { spec_id: IDS['spec_id'], number_of_samples: 10 }, createRunResultSchema, ['id']),
  getRun: reader(retrieveRunOperation, IDS['run_id'], runDetailSchema, ['id', 'status']),
  downloadAllRunFiles: reader(requestRunFilesOperation, IDS['run_id'], runFilesDownloadSchema, ['download_url']),
  listRunSamples: reader(listRunSamplesOperation, { runId: IDS['run_id'] }, sampleListSchema, []),
  listSpecs: reader(listSpecsOperation, undefined, specListSchema, ['id']),
  getSpec: reader(retrieveSpecOperation, { specId: IDS['spec_id'] }, specSchema, ['id']),
  listModels: reader(listModelsOperation, undefined, freeObjectSchema, []),
  checkHealth: reader(checkHealthOperation, undefined, freeObjectSchema, []),
  updateRun: REQUEST,
  getRunStatus: REQUEST,
  retrieveRunSamplesByIndices: REQUEST,
  listRunGeneratedFilesLegacy: REQUEST,
  downloadRunGeneratedFileLegacy: REQUEST,
  getRunGeneratedFileContentLegacy: REQUEST,
  listRunEvaluationsLegacy: REQUEST,
};

/** One success answer of the document with a JSON schema. */
interface Answer {
  operationId: string;
  method: string;
  path: string;
  status: string;
  schema: Json;
}

/** Every success answer with a JSON schema, of every operation in the document. */
const answers: Answer[] = Object.entries(doc.paths).flatMap(([path, operations]) =>
  Object.entries(operations).flatMap(([method, operation]) =>
    Object.entries((operation['responses'] as Record<string, Json> | undefined) ?? {}).flatMap(([status, response]) => {
      const schema = ((response['content'] as Record<string, Json> | undefined)?.['application/json'] as Json | undefined)?.['schema'];
      if (!/^2/.test(status) || schema === undefined) return [];
      return [{ operationId: String(operation['operationId']), method: method.toUpperCase(), path, status, schema: schema as Json }];
    }),
  ),
);

interface Case {
  name: string;
  answer: Answer;
  reader: Reader;
  schema: Json;
  /** Whether the body is an array of objects. */
  array: boolean;
  /** Whether the contract leaves the object open (no properties to check). */
  open: boolean;
}

const cases: Case[] = answers.flatMap((answer) => {
  const found = READERS[answer.operationId];
  if (!found) return [];
  const schema = answer.schema;
  const array = deref(schema)['type'] === 'array';
  const item = array ? (deref(schema)['items'] as Json) : schema;
  return [
    {
      name: `${answer.operationId} ${answer.status}`,
      answer,
      reader: found,
      schema,
      array,
      open: Object.keys(properties(item)).length === 0,
    },
  ];
});

/** The document's path with its parameters filled in from IDS. */
const concretePath = (path: string): string => path.replace(/\{(\w+)\}/g, (_, name: string) => IDS[name] ?? name);

/** The parameters the case's operation is sent with. */
function paramsOf(c: Case): unknown {
  return c.reader.operation === rawRequestOperation ? { method: c.answer.method, path: concretePath(c.answer.path) } : c.reader.params;
}

describe('contract: every documented answer has its reader in the SDK', () => {
  it('every operation of the document with a JSON success body is in the table', () => {
    const missing = answers
      .filter((a) => !(a.operationId in READERS))
      .map((a) => `${a.operationId} (${a.method} ${a.path}, ${a.status}) has no entry in READERS: add the SDK operation that parses it`);
    expect(missing).toEqual([]);
    const stale = Object.keys(READERS).filter((id) => !answers.some((a) => a.operationId === id));
    expect(stale, 'entries of READERS the document has no JSON success body for').toEqual([]);
  });

  it.each(cases)('$name: the operation it names sends the documented method and path', (c) => {
    const sent = c.reader.operation.build(paramsOf(c) as never);
    expect({ method: sent.method, path: sent.path }).toEqual({ method: c.answer.method, path: concretePath(c.answer.path) });
  });
});

const SAMPLES_PER_SCHEMA = 20;

function itemSchema(c: Case): Json {
  return c.array ? (deref(c.schema)['items'] as Json) : c.schema;
}

/** The fields an object schema marks required (following $ref and allOf). */
function requiredOf(schema: Json): string[] {
  const s = deref(schema);
  return [...((s['required'] as string[]) ?? []), ...((s['allOf'] as Json[]) ?? []).flatMap(requiredOf)];
}

function wrongValue(type: string | undefined): unknown {
  if (type === 'string') return 12345;
  if (type === 'boolean') return 'yes';
  if (type === 'array') return { not: 'an array' };
  if (type === 'object') return 'not an object';
  return 'not a number';
}

type Path = Array<string | number>;

/** One field of a generated body, with where it is and whether the contract makes it optional. */
interface Field {
  path: Path;
  schema: Json;
  optional: boolean;
  leaf: boolean;
}

/** Every field present in `value`, at every depth (the first item of each array), walked with its schema. */
function fieldsOf(schema: Json, value: unknown, path: Path = []): Field[] {
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

function at(body: unknown, path: Path): { parent: Json; key: string | number } {
  let node = body as Json;
  for (const key of path.slice(0, -1)) node = (node as Record<string | number, unknown>)[key] as Json;
  return { parent: node, key: path[path.length - 1]! };
}

/** A copy of `body` with each of `fields` set to null (or left out). */
function withFields(body: unknown, fields: Field[], how: 'null' | 'absent'): unknown {
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
function spelled(path: Path): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out === '' ? key : `.${key}`;
  return out;
}

/** What the case's operation makes of a body, as the transport hands it over. */
const check = (c: Case, mode: SchemaMode, body: unknown) =>
  c.reader.operation.parse(
    { status: c.answer.status === '2XX' ? 200 : Number(c.answer.status), body, request: `${c.answer.method} ${c.answer.path}` },
    mode,
  );

describe.each(cases.filter((c) => c.reader.schema))('contract: $name', (c) => {
  const ours = c.reader.schema!;
  const generated = Array.from({ length: SAMPLES_PER_SCHEMA }, () => fake(c.schema));

  it('accepts every object generated from the OpenAPI schema, in both modes', () => {
    for (const body of generated) {
      const first = (Array.isArray(body) ? body[0] : body) as Json;
      if (!c.open) expect(Object.keys(first).length, 'the generator produced an empty object').toBeGreaterThan(0);
      for (const mode of ['lenient', 'strict'] as const) {
        const result = v.safeParse(ours(MODES[mode]), body);
        if (mode === 'lenient' && !c.open) expect(fastCheck(ours(MODES[mode]))?.(body), 'the fast path covers lenient schemas').toBe(true);
        expect(
          result.issues?.map((i) => `${mode} ${v.getDotPath(i)}: ${i.message}`),
          JSON.stringify(body),
        ).toBeUndefined();
      }
      for (const mode of [lenientSchemas, fastLenientSchemas, strictSchemas])
        expect(() => check(c, mode, body), `${mode.name}: ${JSON.stringify(body)}`).not.toThrow();
    }
  });

  if (!c.open)
    it('rejects a wrong type in any documented field, in both modes', () => {
      const props = properties(itemSchema(c));
      expect(Object.keys(props).length).toBeGreaterThan(0);
      for (const [field, schema] of Object.entries(props)) {
        const body = structuredClone(generated[0]) as Json | Json[];
        const target = (Array.isArray(body) ? body[0] : body) as Json | undefined;
        if (!target) continue;
        target[field] = wrongValue(typeOf(schema));
        for (const mode of ['lenient', 'strict'] as const) {
          expect(v.safeParse(ours(MODES[mode]), body).success, `${mode} accepted ${field}=${JSON.stringify(target[field])}`).toBe(false);
          expect(fastCheck(ours(MODES[mode]))?.(body) ?? false, `fast check accepted ${field}`).toBe(false);
        }
      }
    });

  const required = requiredOf(itemSchema(c));
  if (required.length > 0)
    it('marks what the client needs as required in the contract, and rejects a body without it', () => {
      expect(required).toEqual(expect.arrayContaining(c.reader.needs));
      for (const field of required) {
        const body = structuredClone(generated[0]) as Json | Json[];
        const target = (Array.isArray(body) ? body[0] : body) as Json;
        delete target[field];
        // Strict checks the contract exactly; the default mode requires only what the client cannot do without.
        const modes = c.reader.needs.includes(field) ? (['lenient', 'strict'] as const) : (['strict'] as const);
        for (const mode of modes) {
          expect(v.safeParse(ours(MODES[mode]), body).success, `${mode} accepted a body without ${field}`).toBe(false);
          expect(fastCheck(ours(MODES[mode]))?.(body) ?? false, `fast check accepted a body without ${field}`).toBe(false);
        }
        if (!c.reader.needs.includes(field))
          expect(v.safeParse(ours(lenientSchemas), body).success, `lenient refused a body without ${field}`).toBe(true);
      }
    });

  describe('lenient by construction', () => {
    const body = generated[0];
    const fields = fieldsOf(c.schema, body);
    const optional = fields.filter((f) => f.optional);
    // The outermost optional fields, and separately every optional leaf under containers that stay.
    const outermost = optional.filter(
      (f) => !optional.some((o) => o !== f && o.path.length < f.path.length && o.path.every((k, i) => f.path[i] === k)),
    );
    const leaves = optional.filter((f) => f.leaf);

    it('the contract leaves optional fields to null or absence, and the test reaches them', () => {
      const documented = Object.keys(properties(itemSchema(c))).filter((key) => !requiredOf(itemSchema(c)).includes(key));
      if (documented.length > 0) expect(optional.length, 'no optional field was generated').toBeGreaterThan(0);
    });

    it.each(['null', 'absent'] as const)('accepts every optional field %s, at every depth, in the default mode', (how) => {
      for (const variant of [withFields(body, outermost, how), withFields(body, leaves, how)]) {
        expect(() => check(c, lenientSchemas, variant), JSON.stringify(variant)).not.toThrow();
        expect(() => check(c, fastLenientSchemas, variant), JSON.stringify(variant)).not.toThrow();
      }
    });

    if (!c.open)
      it('still rejects a wrong type in any present field, naming its path', () => {
        for (const field of fields) {
          const copy = structuredClone(body);
          const { parent, key } = at(copy, field.path);
          (parent as Record<string | number, unknown>)[key] = wrongValue(typeOf(field.schema));
          for (const mode of [lenientSchemas, fastLenientSchemas]) {
            let error: unknown;
            try {
              check(c, mode, copy);
            } catch (e) {
              error = e;
            }
            expect(error, `${mode.name} accepted ${spelled(field.path)}`).toBeInstanceOf(ResponseValidationError);
            expect((error as Error).message).toContain(`${spelled(field.path)}: `);
          }
        }
      });

    if (!c.open)
      it('strict mode still rejects null where the contract does not allow it', () => {
        const notNullable = outermost.filter((f) => deref(f.schema)['nullable'] !== true);
        for (const field of notNullable) {
          expect(() => check(c, strictSchemas, withFields(body, [field], 'null')), `strict accepted ${spelled(field.path)}: null`).toThrow(
            ResponseValidationError,
          );
        }
      });
  });

  if (c.open)
    it('rejects a body that is not an object', () => {
      for (const body of ['ok', 3, null]) expect(() => check(c, lenientSchemas, body)).toThrow(ResponseValidationError);
    });
});

describe.each(cases.filter((c) => !c.reader.schema))('contract: $name (not modelled: client.request)', (c) => {
  const bodies = Array.from({ length: SAMPLES_PER_SCHEMA }, () => fake(c.schema));
  // The document leaves open shapes open: anything JSON is a body it allows.
  if (c.open) bodies.push({ note: 'x', nested: { list: [1, null, 'two'] } }, ['a', 2], 'text', 0, null);
  const body = bodies[0];
  const fields = fieldsOf(c.schema, body);
  /** The parse of `client.request`, for which the shape is the caller's business. */
  const handsBack = (variant: unknown, what: string) => {
    for (const mode of [lenientSchemas, fastLenientSchemas, strictSchemas])
      expect(check(c, mode, variant), `${mode.name}: ${what}`).toEqual(variant);
  };

  it('hands back every body generated from the OpenAPI schema as it came, in every mode', () => {
    for (const generated of bodies) handsBack(generated, JSON.stringify(generated));
  });

  it.each(['null', 'absent'] as const)('hands back a body with every optional field %s, at every depth, unchanged', (how) => {
    const optional = fields.filter((f) => f.optional);
    for (const variant of [withFields(body, optional, how), withFields(body, fields, how)]) handsBack(variant, JSON.stringify(variant));
  });

  it('hands back a wrong type in any field unchanged: it checks nothing it does not model', () => {
    expect(fields.length > 0 || c.open, 'no field of a closed schema was generated').toBe(true);
    for (const field of fields) {
      const copy = structuredClone(body);
      const { parent, key } = at(copy, field.path);
      (parent as Record<string | number, unknown>)[key] = wrongValue(typeOf(field.schema));
      handsBack(copy, spelled(field.path));
    }
  });
});

describe('contract: modes', () => {
  const run = fake(responseSchema('/api/dataframer/runs/{run_id}/', 'get', '200')) as Json;

  it('accepts an unknown status and unknown fields by default, and keeps them', () => {
    const body = { ...run, status: 'QUEUED_FOR_GPU', gpu_pool: 'eu-1' };
    const result = v.safeParse(runDetailSchema(lenientSchemas), body);
    expect(result.success).toBe(true);
    expect(result.output).toMatchObject({ status: 'QUEUED_FOR_GPU', gpu_pool: 'eu-1' });
  });

  it('rejects an unknown status and unknown fields in strict mode', () => {
    expect(v.safeParse(runDetailSchema(strictSchemas), { ...run, status: 'QUEUED_FOR_GPU' }).success).toBe(false);
    expect(v.safeParse(runDetailSchema(strictSchemas), { ...run, gpu_pool: 'eu-1' }).success).toBe(false);
  });

  it('in strict mode, requires every documented run field and checks formats', () => {
    for (const field of Object.keys(properties(responseSchema('/api/dataframer/runs/', 'get', '200')['items'] as Json))) {
      const body = { ...run };
      delete body[field];
      expect(v.safeParse(runDetailSchema(strictSchemas), body).success, `strict accepted a run without ${field}`).toBe(false);
    }
    expect(v.safeParse(runDetailSchema(strictSchemas), { ...run, id: 'not-a-uuid' }).success).toBe(false);
    expect(v.safeParse(runDetailSchema(strictSchemas), { ...run, created_at: 'yesterday' }).success).toBe(false);
    expect(v.safeParse(runDetailSchema(lenientSchemas), { ...run, id: 'run_123', created_at: 'yesterday' }).success).toBe(true);
  });

  it('strict mode accepts null where the contract says nullable, and only there; the default mode anywhere it needs nothing', () => {
    const nullable = { ...run, dataset_id: null, dataset_name: null, total_cost: null, completed_at: null };
    expect(v.safeParse(runDetailSchema(strictSchemas), nullable).success).toBe(true);
    expect(v.safeParse(runDetailSchema(strictSchemas), { ...run, spec_name: null }).success).toBe(false);
    expect(v.safeParse(runDetailSchema(lenientSchemas), { ...run, spec_name: null }).success).toBe(true);
    expect(v.safeParse(runDetailSchema(lenientSchemas), { ...run, status: null }).success).toBe(false);
  });

  it('accepts older servers that omit newer fields by default', () => {
    const { total_cost: _cost, runtime_params: _params, ...older } = run;
    expect(v.safeParse(runDetailSchema(lenientSchemas), { ...older, status: 'RUNNING' }).success).toBe(true);
  });
});
