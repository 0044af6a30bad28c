import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { lenientSchemas, sampleListSchema, strictSchemas } from '../src/index';

const page = (finishTime: unknown) => ({
  result: { generated_outputs: [{ generated_sample: { text: 'hello' }, metadata: { finish_time: finishTime, worker: 'w-1' } }] },
});

describe('sampleListSchema', () => {
  it.each([lenientSchemas, strictSchemas])("checks a sample's finish time, the order samples come in, as a number ($name)", (mode) => {
    expect(v.safeParse(sampleListSchema(mode), page('yesterday')).success).toBe(false);
  });
});
