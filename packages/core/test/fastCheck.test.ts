import { inspect } from 'node:util';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { fastCheck } from '../src/internal/fastCheck';
import { validateResponse } from '../src/internal/validateResponse';
import * as core from '../src/index';
import { fastLenientSchemas, lenientSchemas, strictSchemas, type SchemaMode } from '../src/index';
import { sampleRun, sampleRunDetail } from './helpers';

/** Every response schema core exports (the `*Schema` builders that take a mode; parameter schemas are plain objects). */
const RESPONSE_SCHEMAS = Object.entries(core).filter(([name, value]) => name.endsWith('Schema') && typeof value === 'function') as Array<
  [string, (mode?: SchemaMode) => v.GenericSchema]
>;

/** The parts of a valibot schema the generator walks. */
interface SchemaNode {
  type: string;
  entries?: Record<string, SchemaNode>;
  item?: SchemaNode;
  wrapped?: SchemaNode;
  value?: SchemaNode;
}

/** A generated body, and whether it holds an array where the schema expects an object (valibot takes it; the fast check defers). */
interface Body {
  value: unknown;
  arrayAsObject: boolean;
}

const SEED = Number(process.env['FC_SEED'] ?? 20261204);
const BODIES_PER_SCHEMA = 400;

/** A seeded generator (mulberry32), so a failure names the seed that reproduces it. */
function randomFrom(seed: number) {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, chance: (p: number) => next() < p, pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T };
}
type Random = ReturnType<typeof randomFrom>;

const STRINGS = ['', 'x', 'PROCESSING', 'QUEUED_FOR_GPU', '2026-12-04T10:00:00Z', 'é✓\u0000', '12'];
const NUMBERS = [0, -1, 3, 0.5, 1e21, Number.MAX_SAFE_INTEGER, -0.25];

/** Any value a JSON body (or a careless server) can carry, NaN and undefined included. */
function anyValue(r: Random, depth: number): unknown {
  const kinds = depth > 2 ? 6 : 8;
  switch (Math.floor(r.next() * kinds)) {
    case 0:
      return null;
    case 1:
      return r.pick([undefined, Number.NaN]);
    case 2:
      return r.pick(NUMBERS);
    case 3:
    case 4:
      return r.pick(STRINGS);
    case 5:
      return r.chance(0.5);
    case 6:
      return Array.from({ length: Math.floor(r.next() * 3) }, () => anyValue(r, depth + 1));
    default:
      return Object.fromEntries(Array.from({ length: Math.floor(r.next() * 3) }, (_, i) => [`k${i}`, anyValue(r, depth + 1)]));
  }
}

/** A body for `node`: mostly what it accepts, and with probability `wrong` per part anything else. */
function generate(node: SchemaNode, r: Random, wrong: number, depth = 0): Body {
  // An optional object is one too: an array drawn in its place is just as much an array where an object belongs.
  let inner = node;
  while (inner.wrapped) inner = inner.wrapped;
  const objectLike = inner.type === 'loose_object' || inner.type === 'record';
  if (node.type !== 'unknown' && r.chance(wrong)) {
    // Arrays where an object belongs are drawn on purpose: the one place the two checks may differ.
    const value = objectLike && r.chance(0.3) ? [anyValue(r, depth + 1)] : anyValue(r, depth);
    return { value, arrayAsObject: objectLike && Array.isArray(value) };
  }
  const parts: Body[] = [];
  const take = (body: Body): unknown => (parts.push(body), body.value);
  let value: unknown;
  if (node.type === 'string') value = r.pick(STRINGS);
  else if (node.type === 'number') value = r.pick(NUMBERS);
  else if (node.type === 'boolean') value = r.chance(0.5);
  else if (node.type === 'unknown') value = anyValue(r, depth);
  else if (node.wrapped) value = r.chance(0.3) ? r.pick([undefined, null]) : take(generate(node.wrapped, r, wrong, depth + 1));
  else if (node.type === 'array' && node.item) {
    const item = node.item;
    value = Array.from({ length: Math.floor(r.next() * (depth > 3 ? 2 : 4)) }, () => take(generate(item, r, wrong, depth + 1)));
  } else if (node.type === 'loose_object' && node.entries) {
    const object: Record<string, unknown> = {};
    for (const [key, entry] of Object.entries(node.entries)) if (r.chance(0.85)) object[key] = take(generate(entry, r, wrong, depth + 1));
    if (r.chance(0.3)) object['x_newer_field'] = anyValue(r, depth + 1);
    value = object;
  } else if (node.type === 'record' && node.value) {
    const inner = node.value;
    value = Object.fromEntries(
      Array.from({ length: Math.floor(r.next() * 3) }, (_, i) => [`f${i}`, take(generate(inner, r, wrong, depth + 1))]),
    );
  } else value = anyValue(r, depth);
  return { value, arrayAsObject: parts.some((p) => p.arrayAsObject) };
}

/** What `validateResponse` makes of a body: the value, or the error's message. */
function outcome(schema: v.GenericSchema, body: unknown): { value: unknown } | { error: string } {
  try {
    return { value: validateResponse(schema, { status: 200, body, request: 'GET /api/dataframer/x/' }) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

const shown = (body: unknown) => inspect(body, { depth: 8, breakLength: Number.POSITIVE_INFINITY });

describe('fastCheck', () => {
  it('compiles every lenient response schema core exports, and declines strict ones, which check what only valibot knows', () => {
    expect(RESPONSE_SCHEMAS.length).toBeGreaterThan(5);
    for (const [name, build] of RESPONSE_SCHEMAS) expect(fastCheck(build(lenientSchemas)), name).toBeTypeOf('function');
    const declined = RESPONSE_SCHEMAS.filter(([, build]) => fastCheck(build(strictSchemas)) === null).map(([name]) => name);
    expect(declined).toEqual(expect.arrayContaining(['runListSchema', 'runDetailSchema', 'specSchema', 'createRunResultSchema']));
  });

  describe.each(RESPONSE_SCHEMAS)('%s: generated bodies', (name, build) => {
    it.each([
      ['lenient', lenientSchemas],
      ['strict', strictSchemas],
    ] as const)(
      `%s: gives valibot's verdict on every body, except an array where an object belongs, which it leaves to valibot (seed ${SEED})`,
      (_, mode) => {
        const schema = build(mode);
        const check = fastCheck(schema);
        // A declined schema is checked by valibot alone (above): nothing to compare.
        if (check === null) return expect(mode).toBe(strictSchemas);
        const r = randomFrom(SEED + name.length * 7919);
        const tally = { accepted: 0, refused: 0, deferred: 0 };
        for (let i = 0; i < BODIES_PER_SCHEMA; i++) {
          const body = generate(schema as unknown as SchemaNode, r, r.pick([0, 0, 0.02, 0.1, 0.3]));
          const valid = v.safeParse(schema, body.value).success;
          const fast = check(body.value);
          const where = `${name}, seed ${SEED}, body ${i}: ${shown(body.value)}`;
          if (body.arrayAsObject) {
            expect(fast, where).toBe(false);
            tally.deferred++;
          } else {
            expect(fast, `${where} (valibot: ${valid})`).toBe(valid);
            tally[valid ? 'accepted' : 'refused']++;
          }
          // What callers get: the same value or the same error, with or without the fast path.
          if (mode === lenientSchemas) expect(outcome(build(fastLenientSchemas), body.value), where).toEqual(outcome(schema, body.value));
        }
        // The bodies reach all three cases, so no verdict above is vacuous.
        expect(tally.accepted, JSON.stringify(tally)).toBeGreaterThan(BODIES_PER_SCHEMA / 40);
        expect(tally.refused, JSON.stringify(tally)).toBeGreaterThan(BODIES_PER_SCHEMA / 40);
        expect(tally.deferred, JSON.stringify(tally)).toBeGreaterThan(0);
      },
    );
  });

  it('agrees with valibot on hand-picked bodies: wrong types, NaN, null where a value is needed, stray items', () => {
    const odd: unknown[] = [
      null,
      undefined,
      Number.NaN,
      'x',
      [null],
      [sampleRun({ id: 5 })],
      [sampleRun({ status: null })],
      [sampleRun({ total_cost: Number.NaN })],
      [sampleRun({ dataset_id: undefined })],
      [sampleRun({ completed_at: 0 })],
      [sampleRun(), 'run'],
      [sampleRun(), sampleRun({ status: 'NEW', extra: 1 })],
      sampleRunDetail(),
      { ...sampleRunDetail(), generated_files: [{ size_bytes: '10' }] },
      { ...sampleRunDetail(), runtime_params: { tools: ['a', 3] } },
      { result: { generated_outputs: [{ generated_sample: { any: { thing: [1] } }, metadata: { finish_time: 'late' } }] } },
    ];
    for (const [name, build] of RESPONSE_SCHEMAS) {
      const schema = build(lenientSchemas);
      const check = fastCheck(schema)!;
      for (const body of odd) {
        // A list given to an object schema is the deferred case: valibot may take it, the fast check never does.
        const deferred = Array.isArray(body) && schema.type !== 'array';
        expect(check(body), `${name}: ${shown(body)}`).toBe(deferred ? false : v.safeParse(schema, body).success);
      }
    }
  });
});
