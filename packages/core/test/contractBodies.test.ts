import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { fastCheck } from '../src/internal/fastCheck';
import { fastLenientSchemas, lenientSchemas, ResponseValidationError, strictSchemas } from '../src/index';
import { at, deref, fake, fieldsOf, properties, requiredOf, spelled, typeOf, withFields, wrongValue, type Json } from './contractDocument';
import { cases, check, itemSchema, MODES, type Case } from './contractReaders';

const SAMPLES_PER_SCHEMA = 20;

describe.each(cases.filter((c) => c.reader.schema))('contract: $name', (c: Case) => {
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
