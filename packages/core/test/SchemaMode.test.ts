import { describe, expect, it } from 'vitest';
import { validateResponse } from '../src/internal/validateResponse';
import { fastLenientSchemas, lenientSchemas, runListSchema, strictSchemas } from '../src/index';
import { sampleRun } from './helpers';

describe('schema modes', () => {
  it('say which mode they are', () => {
    expect([lenientSchemas.name, fastLenientSchemas.name, strictSchemas.name]).toEqual(['lenient', 'lenient', 'strict']);
  });

  it('build each schema once per mode and reuse it', () => {
    expect(runListSchema(strictSchemas)).toBe(runListSchema(strictSchemas));
  });

  it('check a valid body in place under fastLenientSchemas: what the call answers is the parsed body itself, not a copy', () => {
    const body = [sampleRun(), sampleRun({ status: 'SUCCEEDED' })];
    expect(validateResponse(runListSchema(fastLenientSchemas), { status: 200, body, request: 'GET /api/dataframer/runs/' })).toBe(body);
  });
});
