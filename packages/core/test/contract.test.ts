import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { JSONSchemaFaker } from 'json-schema-faker';
import * as v from 'valibot';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { fastCheck } from '../src/internal/fastCheck';
import {
  createRunResultSchema,
  freeObjectSchema,
  runDetailSchema,
  runFilesDownloadSchema,
  runListSchema,
  sampleListSchema,
  specListSchema,
  specSchema,
  lenientSchemas,
  strictSchemas,
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

interface Case {
  name: string;
  schema: Json;
  ours: (mode?: SchemaMode) => v.GenericSchema;
  /** Fields our lenient schema requires (the contract marks few fields required). */
  required: string[];
  /** Whether the body is an array of objects. */
  array?: boolean;
  /** Whether the contract leaves the object open (no properties to check). */
  open?: boolean;
}

const cases: Case[] = [
  { name: 'listRuns', schema: responseSchema('/api/dataframer/runs/', 'get', '200'), ours: runListSchema, required: ['id', 'status'], array: true },
  { name: 'getRun', schema: responseSchema('/api/dataframer/runs/{run_id}/', 'get', '200'), ours: runDetailSchema, required: ['id', 'status'] },
  { name: 'createRun', schema: responseSchema('/api/dataframer/runs/', 'post', '2XX'), ours: createRunResultSchema, required: ['id'] },
  {
    name: 'downloadAllRunFiles',
    schema: responseSchema('/api/dataframer/runs/{run_id}/files/download/', 'get', '200'),
    ours: runFilesDownloadSchema,
    required: ['download_url'],
  },
  { name: 'listRunSamples', schema: responseSchema('/api/dataframer/runs/{run_id}/samples/', 'get', '200'), ours: sampleListSchema, required: [] },
  { name: 'listSpecs', schema: responseSchema('/api/dataframer/specs/', 'get', '200'), ours: specListSchema, required: ['name'], array: true },
  { name: 'getSpec', schema: responseSchema('/api/dataframer/specs/{spec_id}/', 'get', '200'), ours: specSchema, required: ['id'] },
  { name: 'listModels', schema: responseSchema('/api/dataframer/models/', 'get', '200'), ours: freeObjectSchema, required: [], open: true },
  { name: 'checkHealth', schema: responseSchema('/api/dataframer/health/', 'get', '200'), ours: freeObjectSchema, required: [], open: true },
];

const SAMPLES_PER_SCHEMA = 20;

function itemSchema(c: Case): Json {
  return c.array ? (deref(c.schema)['items'] as Json) : c.schema;
}

function wrongValue(type: string | undefined): unknown {
  return type === 'string' ? 12345 : type === 'boolean' ? 'yes' : type === 'array' ? { not: 'an array' } : 'not a number';
}

describe.each(cases)('contract: $name', (c) => {
  const generated = Array.from({ length: SAMPLES_PER_SCHEMA }, () => fake(c.schema));

  it('accepts every object generated from the OpenAPI schema, in both modes', () => {
    for (const body of generated) {
      const first = (Array.isArray(body) ? body[0] : body) as Json;
      if (!c.open) expect(Object.keys(first).length, 'the generator produced an empty object').toBeGreaterThan(0);
      for (const mode of ['lenient', 'strict'] as const) {
        const result = v.safeParse(c.ours(MODES[mode]), body);
        if (mode === 'lenient' && !c.open) expect(fastCheck(c.ours(MODES[mode]))?.(body), 'the fast path covers lenient schemas').toBe(true);
        expect(result.issues?.map((i) => `${mode} ${v.getDotPath(i)}: ${i.message}`), JSON.stringify(body)).toBeUndefined();
      }
    }
  });

  if (!c.open) it('rejects a wrong type in any documented field, in both modes', () => {
    const props = properties(itemSchema(c));
    expect(Object.keys(props).length).toBeGreaterThan(0);
    for (const [field, schema] of Object.entries(props)) {
      const body = structuredClone(generated[0]) as Json | Json[];
      const target = (Array.isArray(body) ? body[0] : body) as Json | undefined;
      if (!target) continue;
      target[field] = wrongValue(typeOf(schema));
      for (const mode of ['lenient', 'strict'] as const) {
        expect(v.safeParse(c.ours(MODES[mode]), body).success, `${mode} accepted ${field}=${JSON.stringify(target[field])}`).toBe(false);
        expect(fastCheck(c.ours(MODES[mode]))?.(body) ?? false, `fast check accepted ${field}`).toBe(false);
      }
    }
  });

  if (c.required.length > 0) it('rejects a missing required field, in both modes', () => {
    for (const field of c.required) {
      const body = structuredClone(generated[0]) as Json | Json[];
      const target = (Array.isArray(body) ? body[0] : body) as Json;
      delete target[field];
      for (const mode of ['lenient', 'strict'] as const) {
        expect(v.safeParse(c.ours(MODES[mode]), body).success, `${mode} accepted a body without ${field}`).toBe(false);
        expect(fastCheck(c.ours(MODES[mode]))?.(body) ?? false, `fast check accepted a body without ${field}`).toBe(false);
      }
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

  it('accepts null where the contract says nullable, and only there', () => {
    const nullable = { ...run, dataset_id: null, dataset_name: null, total_cost: null, completed_at: null };
    expect(v.safeParse(runDetailSchema(strictSchemas), nullable).success).toBe(true);
    expect(v.safeParse(runDetailSchema(lenientSchemas), { ...run, spec_name: null }).success).toBe(false);
  });

  it('accepts older servers that omit newer fields by default', () => {
    const { total_cost: _cost, runtime_params: _params, ...older } = run;
    expect(v.safeParse(runDetailSchema(lenientSchemas), { ...older, status: 'RUNNING' }).success).toBe(true);
  });
});
