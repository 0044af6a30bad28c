import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../src/index';
import { DATASET_PATHS_MODES } from '../src/internal/rules';
import { createApi } from './api';
import { openSandbox } from './helpers';
import { csv, file, type Part, upload, zipOf } from './uploads';

let sandbox: Sandbox;
let acme: ReturnType<typeof createApi>;
let globex: ReturnType<typeof createApi>;
beforeAll(async () => {
  const opened = await openSandbox({ seed: 32 });
  sandbox = opened.sandbox;
  acme = opened.api;
  globex = createApi(sandbox.url, sandbox.keys.globex);
});
afterAll(() => sandbox.stop());
afterEach(() => {
  sandbox.control.reset();
  sandbox.control.set({ datasetPaths: 'both' });
  sandbox.faults.clear();
});

const singleFile = (name: string): Part[] => [
  ['name', name],
  ['dataset_type', 'SINGLE_FILE'],
  ['description', 'Tickets to learn from'],
  ['files', file('tickets.csv', csv(3))],
];

/** A SINGLE_FILE create as a FormData, for the paths the contract does not name (the older family's creates). */
function singleFileForm(name: string): FormData {
  const form = new FormData();
  form.append('name', name);
  form.append('dataset_type', 'SINGLE_FILE');
  form.append('files', new Blob([csv(2)]), 'seed.csv');
  return form;
}

const zipUpload = async (name: string, entries: Array<[string, string]>): Promise<Part[]> => [
  ['name', name],
  ['zip_file', file('dataset.zip', await zipOf(entries))],
];

describe('seed datasets', () => {
  it('creates a dataset from files with 201 and the SeedDataset, then serves it by id and in the list', async () => {
    const { status, body } = await upload(sandbox, '/seed-datasets/create/', singleFile('tickets'));
    expect(status).toBe(201);
    expect(body).toMatchObject({
      name: 'tickets',
      description: 'Tickets to learn from',
      dataset_type: 'SINGLE_FILE',
      created_by_email: 'demo@acme.example',
      file_count: 1,
      folder_count: 0,
      files: [{ file_type: 'csv', size_bytes: csv(3).length, path: 'tickets.csv' }],
      short_sample_compatibility: { is_short_samples_compatible: false, is_long_samples_compatible: true },
    });
    const got = await acme('GET', `/seed-datasets/${body.id}/`);
    expect(got.body).toEqual(body);
    const listed = (await acme('GET', '/datasets/')).body as Array<{ id: string; name: string }>;
    expect(listed[0]).toMatchObject({ id: body.id, name: 'tickets', dataset_type: 'SINGLE_FILE', file_count: 1 });
  });

  it('puts each file in its folder for MULTI_FOLDER, in the order sent', async () => {
    const parts: Part[] = [
      ['name', 'notes'],
      ['dataset_type', 'MULTI_FOLDER'],
      ['files', file('visit.txt', 'a')],
      ['files', file('labs.md', 'b')],
      ['files', file('visit.txt', 'c')],
      ['folder_names', 'patient-1'],
      ['folder_names', 'patient-1'],
      ['folder_names', 'patient-2'],
    ];
    const { status, body } = await upload(sandbox, '/seed-datasets/create/', parts);
    expect(status).toBe(201);
    expect(body.files.map((f: { path: string }) => f.path)).toEqual(['patient-1/visit.txt', 'patient-1/labs.md', 'patient-2/visit.txt']);
    expect(body.folder_count).toBe(2);
  });

  it('refuses a name already used in the company, and takes it in another company', async () => {
    expect((await upload(sandbox, '/seed-datasets/create/', singleFile('twice'))).status).toBe(201);
    const again = await upload(sandbox, '/seed-datasets/create/', singleFile('twice'));
    expect(again.status).toBe(400);
    expect(again.body).toEqual({ name: ['A dataset named "twice" already exists.'] });
    const fromZip = await upload(sandbox, '/seed-datasets/create-from-zip/', await zipUpload('twice', [['a.csv', csv(2)]]));
    expect(fromZip.body).toEqual({ name: ['A dataset named "twice" already exists.'] });
    expect((await upload(sandbox, '/seed-datasets/create/', singleFile('twice'), sandbox.keys.globex)).status).toBe(201);
  });

  it("keeps each company to its own datasets: another company's id answers 404 and is not deleted", async () => {
    const { body } = await upload(sandbox, '/seed-datasets/create/', singleFile('private'));
    expect((await globex('GET', `/seed-datasets/${body.id}/`)).status).toBe(404);
    expect((await globex('DELETE', `/datasets/${body.id}/`)).status).toBe(404);
    const theirs = (await globex('GET', '/datasets/')).body as Array<{ id: string }>;
    expect(theirs.map((d) => d.id)).not.toContain(body.id);
    expect((await acme('GET', `/seed-datasets/${body.id}/`)).status).toBe(200);
  });

  it('lists the datasets of the seeded specs, so their dataset_id can be looked up', async () => {
    const specs = (await acme('GET', '/specs/')).body as Array<{ dataset_id: string | null }>;
    const used = specs.flatMap((s) => (s.dataset_id ? [s.dataset_id] : []));
    expect(used.length).toBeGreaterThan(0);
    const listed = ((await acme('GET', '/datasets/')).body as Array<{ id: string }>).map((d) => d.id);
    expect(listed.sort()).toEqual([...used].sort());
  });

  it('deletes a dataset no spec uses with 204, and refuses one a spec uses with 400 naming the spec', async () => {
    const { body } = await upload(sandbox, '/seed-datasets/create/', singleFile('short-lived'));
    expect((await acme('DELETE', `/datasets/${body.id}/`)).status).toBe(204);
    expect((await acme('GET', `/seed-datasets/${body.id}/`)).status).toBe(404);
    const spec = ((await acme('GET', '/specs/')).body as Array<{ name: string; dataset_id: string | null }>).find((s) => s.dataset_id);
    const refused = await acme('DELETE', `/datasets/${spec?.dataset_id}/`);
    expect(refused.status).toBe(400);
    expect(refused.body.detail).toContain(`"${spec?.name}"`);
    expect((await acme('GET', `/seed-datasets/${spec?.dataset_id}/`)).status).toBe(200);
  });

  it('refuses a request that is not multipart with 415, and names missing fields', async () => {
    const json = await fetch(`${sandbox.url}/api/dataframer/seed-datasets/create/`, {
      method: 'POST',
      headers: { authorization: `Bearer ${sandbox.keys.acme}`, 'content-type': 'application/json' },
      body: '{"name": "x"}',
    });
    expect(json.status).toBe(415);
    const empty = await upload(sandbox, '/seed-datasets/create/', [['description', 'no name, no type']]);
    expect(empty.status).toBe(400);
    expect(empty.body).toEqual({ name: ['This field is required.'], dataset_type: ['This field is required.'] });
  });

  it('refuses folder_names for a dataset that has no folders', async () => {
    const parts: Part[] = [...singleFile('flat'), ['folder_names', 'a']];
    const { status, body } = await upload(sandbox, '/seed-datasets/create/', parts);
    expect(status).toBe(400);
    expect(body.folder_names).toEqual(['Only a MULTI_FOLDER dataset takes folder_names; this one is SINGLE_FILE.']);
  });
});

describe('seed datasets from a ZIP', () => {
  it.each([
    ['SINGLE_FILE', [['seed.csv', csv(2)]]],
    [
      'MULTI_FILE',
      [
        ['a.txt', 'a'],
        ['b.md', 'b'],
      ],
    ],
    [
      'MULTI_FOLDER',
      [
        ['one/a.txt', 'a'],
        ['one/b.txt', 'b'],
        ['two/a.txt', 'c'],
      ],
    ],
  ] as Array<[string, Array<[string, string]>]>)('reads a %s dataset from its structure', async (type, entries) => {
    const { status, body } = await upload(sandbox, '/seed-datasets/create-from-zip/', await zipUpload(`zip ${type}`, entries));
    expect(status).toBe(201);
    expect(body.dataset_type).toBe(type);
    expect(body.files.map((f: { path: string }) => f.path)).toEqual(entries.map(([path]) => path));
  });

  it('ignores __MACOSX/, hidden entries and folder entries, and reads a ZIP of one folder as its contents', async () => {
    const entries: Array<[string, string]> = [
      ['export/', ''],
      ['export/a.txt', 'a'],
      ['export/.DS_Store', 'x'],
      ['export/b.txt', 'b'],
      ['__MACOSX/export/._a.txt', 'x'],
      ['__MACOSX/export/b.txt', 'x'],
    ];
    const { status, body } = await upload(sandbox, '/seed-datasets/create-from-zip/', await zipUpload('wrapped', entries));
    expect(status).toBe(201);
    expect(body).toMatchObject({ dataset_type: 'MULTI_FILE', file_count: 2, files: [{ path: 'a.txt' }, { path: 'b.txt' }] });
  });

  it('refuses nested folders with a field error naming the file', async () => {
    const entries: Array<[string, string]> = [
      ['one/a.txt', 'a'],
      ['two/deeper/b.txt', 'b'],
    ];
    const { status, body } = await upload(sandbox, '/seed-datasets/create-from-zip/', await zipUpload('nested', entries));
    expect(status).toBe(400);
    expect(body.zip_file).toEqual([expect.stringContaining('"two/deeper/b.txt" is in a nested folder')]);
  });

  it('applies the limits to the files inside, naming the file', async () => {
    const { status, body } = await upload(sandbox, '/seed-datasets/create-from-zip/', await zipUpload('one row', [['seed.csv', csv(1)]]));
    expect(status).toBe(400);
    expect(body.zip_file).toEqual([expect.stringContaining('"seed.csv" holds 1 row')]);
  });

  it('refuses an upload that is not a ZIP', async () => {
    const parts: Part[] = [
      ['name', 'not a zip'],
      ['zip_file', file('dataset.zip', 'plain text')],
    ];
    const { status, body } = await upload(sandbox, '/seed-datasets/create-from-zip/', parts);
    expect(status).toBe(400);
    expect(body.zip_file).toEqual([expect.stringContaining('not a readable ZIP archive')]);
  });
});

describe('path families', () => {
  it('serves all five operations under /seed-datasets/ and /datasets/ by default', async () => {
    for (const family of ['/seed-datasets', '/datasets']) {
      const created = await fetch(`${sandbox.url}/api/dataframer${family}/create/`, {
        method: 'POST',
        headers: { authorization: `Bearer ${sandbox.keys.acme}` },
        body: singleFileForm(`family ${family}`),
      });
      expect(created.status).toBe(201);
      const { id } = (await created.json()) as { id: string };
      const zipForm = new FormData();
      zipForm.append('name', `zip ${family}`);
      zipForm.append('zip_file', new Blob([await zipOf([['seed.csv', csv(2)]])]), 'd.zip');
      const headers = { authorization: `Bearer ${sandbox.keys.acme}` };
      const fromZip = await fetch(`${sandbox.url}/api/dataframer${family}/create-from-zip/`, { method: 'POST', headers, body: zipForm });
      expect(fromZip.status).toBe(201);
      expect((await fetch(`${sandbox.url}/api/dataframer${family}/${id}/`, { headers })).status).toBe(200);
      expect((await fetch(`${sandbox.url}/api/dataframer${family}/`, { headers })).status).toBe(200);
      expect((await fetch(`${sandbox.url}/api/dataframer${family}/${id}/`, { method: 'DELETE', headers })).status).toBe(204);
    }
  });

  it.each([
    ['newest', '/seed-datasets/', '/datasets/'],
    ['older', '/datasets/', '/seed-datasets/'],
  ] as const)('with datasetPaths %s serves %s only; the other family answers 404', async (mode, served, off) => {
    expect(DATASET_PATHS_MODES).toContain(mode);
    sandbox.control.set({ datasetPaths: mode });
    const headers = { authorization: `Bearer ${sandbox.keys.acme}` };
    expect((await fetch(`${sandbox.url}/api/dataframer${served}`, { headers })).status).toBe(200);
    const refused = await fetch(`${sandbox.url}/api/dataframer${off}`, { headers });
    expect(refused.status).toBe(404);
    expect(await refused.json()).toEqual({ detail: 'Not found.' });
    // Outside the served family nothing is an operation of the contract: plain fetch, no contract check.
    const create = await fetch(`${sandbox.url}/api/dataframer${off}create/`, { method: 'POST', headers, body: singleFileForm('off') });
    expect(create.status).toBe(404);
  });

  it('takes the setting from the admin API, and refuses an unknown value there', async () => {
    const patch = (body: unknown) =>
      fetch(`${sandbox.url}/__sandbox/settings`, {
        method: 'PATCH',
        body: JSON.stringify(body),
        headers: { 'content-type': 'application/json' },
      });
    const set = await patch({ dataset_paths: 'older' });
    expect(((await set.json()) as { dataset_paths: string }).dataset_paths).toBe('older');
    expect(sandbox.control.settings().datasetPaths).toBe('older');
    const wrong = await patch({ dataset_paths: 'seed' });
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { detail: string }).detail).toBe('datasetPaths must be "both" or "newest" or "older", got "seed"');
  });
});

describe('faults on the dataset routes', () => {
  it('drop-after-act creates the dataset, then drops the answer; the name finds it', async () => {
    sandbox.faults.add('POST /seed-datasets/create/ drop-after-act nth=1');
    const lost = await upload(sandbox, '/seed-datasets/create/', singleFile('dropped')).catch((error: unknown) => error);
    expect(lost).toBeInstanceOf(Error);
    expect(sandbox.requests().at(-1)).toMatchObject({ path: '/api/dataframer/seed-datasets/create/', status: 201, delivered: false });
    const listed = (await acme('GET', '/datasets/')).body as Array<{ name: string }>;
    expect(listed.filter((d) => d.name === 'dropped')).toHaveLength(1);
  });

  it('answers 429 and 500 from the fault rules without creating anything', async () => {
    sandbox.faults.add('POST /seed-datasets/create-from-zip/ rate-limit nth=1');
    sandbox.faults.add('POST /seed-datasets/create-from-zip/ server-error nth=2');
    const parts = await zipUpload('faulted', [['seed.csv', csv(2)]]);
    expect((await upload(sandbox, '/seed-datasets/create-from-zip/', parts)).status).toBe(429);
    expect((await upload(sandbox, '/seed-datasets/create-from-zip/', parts)).status).toBe(500);
    const listed = (await acme('GET', '/datasets/')).body as Array<{ name: string }>;
    expect(listed.map((d) => d.name)).not.toContain('faulted');
  });
});
