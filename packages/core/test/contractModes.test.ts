import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { lenientSchemas, runDetailSchema, strictSchemas } from '../src/index';
import { fake, properties, requiredOf, responseSchema, type Json } from './contractDocument';

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

  it('in strict mode, requires of a run only what the contract requires, and checks formats', () => {
    const item = responseSchema('/api/dataframer/runs/', 'get', '200')['items'] as Json;
    const refused = Object.keys(properties(item)).filter((field) => {
      const { [field]: _left, ...body } = run;
      return !v.safeParse(runDetailSchema(strictSchemas), body).success;
    });
    expect(refused).toEqual(requiredOf(item));
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
