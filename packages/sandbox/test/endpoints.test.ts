import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../src/index';
import type { createApi } from './api';
import { openSandbox, specIdIn } from './helpers';

let sandbox: Sandbox;
let api: ReturnType<typeof createApi>;
beforeAll(async () => {
  ({ sandbox, api } = await openSandbox({ seed: 2 }));
});
afterAll(() => sandbox.stop());

describe('runs endpoints', () => {
  it('creates with 201 {id}, retrieves the detail, deletes with 204 and then answers 404', async () => {
    const specId = await specIdIn(api, 'SUCCEEDED');
    const created = await api('POST', '/runs/', {
      body: {
        spec_id: specId,
        number_of_samples: 25,
        spec_version: 1,
        generation_model: 'anthropic/claude-haiku-4-5-thinking',
        seed_shuffling_level: 'field',
      },
    });
    expect(created.status).toBe(201);
    expect(Object.keys(created.body)).toEqual(['id']);
    const detail = await api('GET', `/runs/${created.body.id}/`);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({ id: created.body.id, spec_id: specId, spec_version: 1, created_by_email: 'demo@acme.example' });
    expect(detail.body.runtime_params).toMatchObject({
      number_of_samples: 25,
      generation_model: 'anthropic/claude-haiku-4-5-thinking',
      seed_shuffling_level: 'field',
    });
    const deleted = await api('DELETE', `/runs/${created.body.id}/`);
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe('');
    expect((await api('GET', `/runs/${created.body.id}/`)).status).toBe(404);
    expect(((await api('GET', '/runs/')).body as Array<{ id: string }>).some((r) => r.id === created.body.id)).toBe(false);
    expect(sandbox.runs('acme').find((r) => r.id === created.body.id)?.deleted).toBe(true);
  });

  it('defaults spec_version to the latest version', async () => {
    const specs = (await api('GET', '/specs/')).body as Array<{ id: string; status: string; latest_version: number }>;
    const spec = specs.find((s) => s.status === 'SUCCEEDED' && s.latest_version > 1);
    const { body } = await api('POST', '/runs/', { body: { spec_id: spec?.id, number_of_samples: 2 } });
    expect((await api('GET', `/runs/${body.id}/`)).body.spec_version).toBe(spec?.latest_version);
  });

  it('answers DRF-style field errors for a bad body', async () => {
    const missing = await api('POST', '/runs/', { body: {}, invalidRequest: true });
    expect(missing.status).toBe(400);
    expect(missing.body).toEqual({ spec_id: ['This field is required.'], number_of_samples: ['This field is required.'] });
    const specId = await specIdIn(api, 'SUCCEEDED');
    const tooMany = await api('POST', '/runs/', { body: { spec_id: specId, number_of_samples: 20001 }, invalidRequest: true });
    expect(tooMany.body).toEqual({ number_of_samples: ['Ensure this value is less than or equal to 20000.'] });
    const wrong = await api('POST', '/runs/', {
      body: { spec_id: 'abc', number_of_samples: 2.5, spec_version: 0, generation_model: 'gpt-9', unified_multifield: 'yes' },
      invalidRequest: true,
    });
    expect(wrong.body).toEqual({
      spec_id: ['Must be a valid UUID.'],
      number_of_samples: ['A valid integer is required.'],
      spec_version: ['Ensure this value is greater than or equal to 1.'],
      generation_model: ['"gpt-9" is not a valid choice.'],
      unified_multifield: ['Must be a valid boolean.'],
    });
    const databricks = await api('POST', '/runs/', {
      body: { spec_id: specId, number_of_samples: 1, generation_model: 'databricks/databricks-gpt-5' },
    });
    expect(databricks.status).toBe(400);
    expect(Object.keys(databricks.body).sort()).toEqual(['databricks_api_base', 'databricks_client_id', 'databricks_client_secret']);
    const list = await api('POST', '/runs/', { body: [1], invalidRequest: true });
    expect(list.body).toEqual({ non_field_errors: ['Invalid data. Expected a dictionary, but got list.'] });
  });

  it('answers 400 with a detail for broken JSON, and 415 for a non-JSON content type', async () => {
    const broken = await api('POST', '/runs/', {
      rawBody: '{"spec_id": ',
      headers: { 'content-type': 'application/json' },
      invalidRequest: true,
    });
    expect(broken.status).toBe(400);
    expect(broken.body.detail).toMatch(/^JSON parse error/);
    const form = await api('POST', '/runs/', {
      rawBody: 'spec_id=1',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      invalidRequest: true,
    });
    expect(form.status).toBe(415);
  });

  it('needs a SUCCEEDED spec and an existing spec version', async () => {
    const processing = await api('POST', '/runs/', { body: { spec_id: await specIdIn(api, 'PROCESSING'), number_of_samples: 5 } });
    expect(processing.status).toBe(400);
    expect(processing.body.detail).toMatch(/PROCESSING.*SUCCEEDED/);
    const failed = await api('POST', '/runs/', { body: { spec_id: await specIdIn(api, 'FAILED'), number_of_samples: 5 } });
    expect(failed.status).toBe(400);
    expect(failed.body.detail).toMatch(/FAILED/);
    const unknown = await api('POST', '/runs/', { body: { spec_id: '00000000-0000-4000-8000-000000000000', number_of_samples: 5 } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.detail).toMatch(/not found/);
    const version = await api('POST', '/runs/', {
      body: { spec_id: await specIdIn(api, 'SUCCEEDED'), number_of_samples: 5, spec_version: 99 },
    });
    expect(version.status).toBe(400);
    expect(version.body.spec_version[0]).toMatch(/does not exist/);
  });
});

describe('other endpoints', () => {
  it('retrieves a spec with and without versions', async () => {
    const id = await specIdIn(api, 'SUCCEEDED');
    const plain = await api('GET', `/specs/${id}/`);
    expect(plain.body.status).toBe('SUCCEEDED');
    expect(plain.body).not.toHaveProperty('versions');
    expect(typeof plain.body.content_yaml).toBe('string');
    const full = await api('GET', `/specs/${id}/?include_versions=true`);
    expect(full.body.versions.length).toBeGreaterThan(0);
    const processing = await api('GET', `/specs/${await specIdIn(api, 'PROCESSING')}/?include_versions=true`);
    expect(processing.body).toMatchObject({ status: 'PROCESSING', content_yaml: null, versions: [] });
    expect((await api('GET', '/specs/00000000-0000-4000-8000-000000000000/')).status).toBe(404);
  });

  it('lists models', async () => {
    const models = await api('GET', '/models/');
    expect(models.status).toBe(200);
    expect(models.body.models.find((m: { default: boolean }) => m.default).id).toBe('anthropic/claude-sonnet-4-6');
  });

  it('answers unknown paths with 404 {"detail":"Not found."} and wrong methods with 405', async () => {
    const unknown = await api('GET', '/nothing-here/', { allowStatuses: [404] });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ detail: 'Not found.' });
    const noSlash = await api('GET', '/runs', { allowStatuses: [404] });
    expect(noSlash.status).toBe(404);
    const patch = await api('PATCH', '/runs/', { allowStatuses: [405] });
    expect(patch.status).toBe(405);
    expect(patch.headers.get('allow')).toBe('GET, POST');
    const outside = await fetch(`${sandbox.url}/elsewhere`);
    expect(outside.status).toBe(404);
    expect(await outside.json()).toEqual({ detail: 'Not found.' });
  });

  it('puts an X-Request-Id on every response', async () => {
    const ids = new Set<string>();
    for (const path of ['/runs/', '/specs/', '/health/', '/models/', '/nothing/']) {
      const r = await fetch(`${sandbox.url}/api/dataframer${path}`, { headers: { authorization: `Bearer ${sandbox.keys.acme}` } });
      const id = r.headers.get('x-request-id');
      expect(id).toMatch(/^req_\d+$/);
      ids.add(id as string);
    }
    expect(ids.size).toBe(5);
    expect((await fetch(`${sandbox.url}/__sandbox/state`)).headers.get('x-request-id')).toMatch(/^req_/);
  });
});
