import { expect } from 'vitest';
import type { Sandbox } from '../src/index';
import { SPEC_GENERATION_MS } from '../src/internal/rules';
import { createApi } from './api';
import { csv, file, type Part, upload, zipOf } from './uploads';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const BAD_KEY = 'sk_test_sandbox_unknown';

/**
 * The conformance sweep's part for seed datasets and spec create/replace: each operation with each of its documented
 * answers (and the silent-case 400 of a delete refused while a spec uses the dataset), every answer checked.
 */
export async function sweepDatasetsAndSpecs(sandbox: Sandbox, advance: (ms: number) => void): Promise<void> {
  const api = createApi(sandbox.url, sandbox.keys.acme);
  const other = createApi(sandbox.url, sandbox.keys.globex);
  const single: Part[] = [
    ['name', 'conformance seed'],
    ['dataset_type', 'SINGLE_FILE'],
    ['files', file('seed.csv', csv(3))],
  ];
  const created = await upload(sandbox, '/seed-datasets/create/', single);
  expect(created.status).toBe(201);
  await upload(sandbox, '/seed-datasets/create/', single);
  await upload(sandbox, '/seed-datasets/create/', single, BAD_KEY);
  const zipped = async (name: string, entries: Array<[string, string]>): Promise<Part[]> => [
    ['name', name],
    ['zip_file', file('dataset.zip', await zipOf(entries))],
  ];
  const folders = await zipped('conformance zip', [
    ['one/a.txt', 'a'],
    ['two/b.txt', 'b'],
  ]);
  const fromZip = await upload(sandbox, '/seed-datasets/create-from-zip/', folders);
  expect(fromZip.status).toBe(201);
  await upload(sandbox, '/seed-datasets/create-from-zip/', await zipped('nested', [['one/deeper/a.txt', 'a']]));
  await upload(sandbox, '/seed-datasets/create-from-zip/', folders, BAD_KEY);

  const id = created.body.id as string;
  await api('GET', `/seed-datasets/${id}/`);
  await api('GET', `/seed-datasets/${id}/`, { key: BAD_KEY });
  await api('GET', `/seed-datasets/${UNKNOWN}/`);
  await other('GET', `/seed-datasets/${id}/`);
  await api('GET', '/datasets/');
  await api('GET', '/datasets/', { key: BAD_KEY });

  const spec = await api('POST', '/specs/', { body: { name: 'conformance spec', dataset_id: id } });
  await api('POST', '/specs/', { body: { name: 'neither dataset nor objectives' } });
  await api('POST', '/specs/', { body: { name: 'x', generation_objectives: 'x' }, key: BAD_KEY });
  await api('DELETE', `/datasets/${id}/`);
  await api('DELETE', `/datasets/${fromZip.body.id}/`);
  await api('DELETE', `/datasets/${UNKNOWN}/`);
  await api('DELETE', `/datasets/${id}/`, { key: BAD_KEY });

  advance(SPEC_GENERATION_MS);
  const yaml = 'spec:\n  description: Replaced\n';
  await api('PUT', `/specs/${spec.body.id}/`, { body: { content_yaml: yaml } });
  await api('PUT', `/specs/${spec.body.id}/`, { body: { content_yaml: 'spec: [' } });
  await api('PUT', `/specs/${UNKNOWN}/`, { body: { content_yaml: yaml } });
  await api('PUT', `/specs/${spec.body.id}/`, { body: { content_yaml: yaml }, key: BAD_KEY });

  // 429 and 500 come from the fault injector.
  for (const route of [
    'POST /seed-datasets/create/',
    'POST /seed-datasets/create-from-zip/',
    'GET /seed-datasets/*/',
    'POST /specs/',
    'PUT /specs/*/',
  ]) {
    sandbox.faults.add(`${route} rate-limit nth=1`);
    sandbox.faults.add(`${route} server-error nth=2`);
  }
  for (let i = 0; i < 2; i++) {
    await upload(sandbox, '/seed-datasets/create/', single);
    await upload(sandbox, '/seed-datasets/create-from-zip/', folders);
    await api('GET', `/seed-datasets/${id}/`);
    await api('POST', '/specs/', { body: { name: 'faulted', generation_objectives: 'x' } });
    await api('PUT', `/specs/${spec.body.id}/`, { body: { content_yaml: yaml } });
  }
}
