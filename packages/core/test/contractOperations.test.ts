import { describe, expect, it } from 'vitest';
import { fastLenientSchemas, lenientSchemas, rawRequestOperation, strictSchemas } from '../src/index';
import { API_PREFIX } from '../src/internal/paths';
import { at, fake, fieldsOf, spelled, typeOf, withFields, wrongValue } from './contractDocument';
import { answers, cases, check, concretePath, paramsOf, READERS, type Case } from './contractReaders';

const SAMPLES_PER_SCHEMA = 20;

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
    const send = () => c.reader.operation.build(paramsOf(c) as never);
    // `client.request()` keeps to the API's prefix: a path outside it (key rotation) is reached only once modelled.
    if (c.reader.operation === rawRequestOperation && !c.answer.path.startsWith(`${API_PREFIX}/`)) {
      expect(send).toThrow(`path must be a path under ${API_PREFIX}/`);
      return;
    }
    const sent = send();
    expect({ method: sent.method, path: sent.path }).toEqual({ method: c.answer.method, path: concretePath(c.answer.path) });
  });
});

describe.each(cases.filter((c) => !c.reader.schema))('contract: $name (not modelled: client.request)', (c: Case) => {
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
