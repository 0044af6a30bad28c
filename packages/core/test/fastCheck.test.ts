import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { fastCheck } from '../src/internal/fastCheck';
import { lenientSchemas, runDetailSchema, runListSchema, sampleListSchema, strictSchemas } from '../src/index';
import { sampleRun, sampleRunDetail } from './helpers';

const odd: unknown[] = [
  null,
  undefined,
  0,
  Number.NaN,
  '',
  'x',
  true,
  [],
  {},
  [null],
  [{}],
  [sampleRun({ id: 5 })],
  [sampleRun({ status: null })],
  [sampleRun({ total_cost: Number.NaN })],
  [sampleRun({ dataset_id: undefined })],
  [sampleRun({ completed_at: 0 })],
  [sampleRun(), 'run'],
  { ...sampleRunDetail(), generated_files: [{ size_bytes: '10' }] },
  { ...sampleRunDetail(), runtime_params: [] },
  { ...sampleRunDetail(), runtime_params: { tools: ['a', 3] } },
  { result: { generated_outputs: [{ generated_sample: { any: { thing: [1] } }, metadata: { finish_time: 'late' } }] } },
];

describe('fastCheck', () => {
  it('accepts only what valibot accepts, and every valid body, for lenient schemas', () => {
    for (const schema of [runListSchema(lenientSchemas), runDetailSchema(lenientSchemas), sampleListSchema(lenientSchemas)]) {
      const check = fastCheck(schema)!;
      expect(check).toBeTypeOf('function');
      for (const value of [...odd, [sampleRun()], sampleRunDetail()]) {
        const valid = v.safeParse(schema, value).success;
        // Never looser than valibot. (valibot lets an array pass as an object; the fast path does not, and defers.)
        if (check(value)) expect(valid, String(JSON.stringify(value))).toBe(true);
        else if (valid) expect(String(JSON.stringify(value))).toMatch(/^\[|\[\]/);
      }
    }
    expect(fastCheck(runListSchema(lenientSchemas))!([sampleRun(), sampleRun({ status: 'NEW', extra: 1 })])).toBe(true);
    expect(fastCheck(runDetailSchema(lenientSchemas))!(sampleRunDetail())).toBe(true);
  });

  it('declines strict schemas, which only valibot checks', () => {
    expect(fastCheck(runListSchema(strictSchemas))).toBeNull();
  });
});
