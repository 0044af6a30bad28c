import { DEFAULT_DATASET_PATHS, DEFAULT_EVALUATION_SUCCESS_STATUS, DEFAULT_FAILURE_RATE } from '../src/internal/rules';
import { afterEach, describe, expect, it } from 'vitest';
import type { Sandbox } from '../src/index';
import { openSandbox } from './helpers';

let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.stop();
  sandbox = undefined;
});

/** Plain fetch: the null mode breaks the contract on purpose. */
async function get(s: Sandbox, path: string): Promise<any> {
  const response = await fetch(`${s.url}/api/dataframer${path}`, { headers: { authorization: `Bearer ${s.keys.acme}` } });
  return response.json();
}

async function specWords(s: Sandbox): Promise<{ list: string[]; detail: string[] }> {
  const list = (await get(s, '/specs/')) as Array<{ id: string; status: string }>;
  const detail = await Promise.all(list.map(async (spec) => (await get(s, `/specs/${spec.id}/`)).status as string));
  return { list: list.map((spec) => spec.status), detail };
}

describe('one spec status vocabulary', () => {
  it('says SUCCEEDED in the list and the detail alike by default', async () => {
    ({ sandbox } = await openSandbox());
    const words = await specWords(sandbox);
    expect(words.list).toEqual(words.detail);
    expect(words.list).toEqual(['SUCCEEDED', 'SUCCEEDED', 'PROCESSING', 'FAILED']);
  });

  it('says READY everywhere with specReadyStatus READY, the create error included, and switches at run time', async () => {
    ({ sandbox } = await openSandbox({ specReadyStatus: 'READY' }));
    const words = await specWords(sandbox);
    expect(words.list).toEqual(words.detail);
    expect(words.list).toEqual(['READY', 'READY', 'PROCESSING', 'FAILED']);
    const processing = ((await get(sandbox, '/specs/')) as Array<{ id: string; status: string }>).find((s) => s.status === 'PROCESSING');
    const refused = await fetch(`${sandbox.url}/api/dataframer/runs/`, {
      method: 'POST',
      headers: { authorization: `Bearer ${sandbox.keys.acme}`, 'content-type': 'application/json' },
      body: JSON.stringify({ spec_id: processing?.id, number_of_samples: 1 }),
    });
    expect(((await refused.json()) as { detail: string }).detail).toMatch(/only a spec in READY status/);
    const patched = await fetch(`${sandbox.url}/__sandbox/settings`, {
      method: 'PATCH',
      body: JSON.stringify({ spec_ready_status: 'SUCCEEDED' }),
    });
    expect(await patched.json()).toEqual({
      speed: 1,
      spec_ready_status: 'SUCCEEDED',
      optional_fields: 'present',
      dataset_paths: DEFAULT_DATASET_PATHS,
      evaluation_success_status: DEFAULT_EVALUATION_SUCCESS_STATUS,
      evaluation_failure_rate: DEFAULT_FAILURE_RATE,
    });
    expect((await specWords(sandbox)).list[0]).toBe('SUCCEEDED');
    expect(() => sandbox?.control.set({ specReadyStatus: 'DONE' as 'READY' })).toThrow(/specReadyStatus must be "SUCCEEDED" or "READY"/);
    await expect(openSandbox({ specReadyStatus: 'ready' as 'READY' })).rejects.toThrow(/specReadyStatus/);
  });
});

/** Every answer shape, gathered from one company's data. */
async function everyShape(s: Sandbox): Promise<Record<string, any>> {
  const succeeded = s.runs('acme').find((r) => r.run.status === 'SUCCEEDED')!.id;
  const files = s.runs('acme').find((r) => r.id === succeeded)!.run.generated_files as Array<{ id: string }>;
  const spec = s.runs('acme')[0]!.run.spec_id as string;
  const headers = { authorization: `Bearer ${s.keys.acme}`, 'content-type': 'application/json' };
  const post = async (path: string, body?: unknown) =>
    (
      await fetch(`${s.url}/api/dataframer${path}`, {
        method: 'POST',
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      })
    ).json();
  s.control.advance(60_000);
  await get(s, `/runs/${succeeded}/files/download/`);
  s.control.advance(60_000);
  return {
    runs: await get(s, '/runs/'),
    detail: await get(s, `/runs/${succeeded}/`),
    status: await get(s, `/runs/${succeeded}/status/`),
    specs: await get(s, '/specs/'),
    spec: await get(s, `/specs/${spec}/?include_versions=true`),
    models: await get(s, '/models/'),
    health: await get(s, '/health/'),
    samples: await get(s, `/runs/${succeeded}/samples/?limit=2`),
    byIndices: await post(`/runs/${succeeded}/samples/`, { indices: [0, 1] }),
    zip: await get(s, `/runs/${succeeded}/files/download/`),
    files: await get(s, `/runs/${succeeded}/generated-files/`),
    fileLink: await get(s, `/runs/${succeeded}/generated-files/${files[0]!.id}/download/`),
    fileContent: await get(s, `/runs/${succeeded}/generated-files/${files[0]!.id}/content/`),
    evaluation: await post(`/runs/${succeeded}/evaluations/`),
    created: await post('/runs/', { spec_id: spec, number_of_samples: 2 }),
  };
}

/** The fields that stay in every mode, per shape. */
const KEPT: Record<string, string[]> = {
  runs: ['id', 'status'],
  detail: ['id', 'status'],
  status: ['id', 'status'],
  specs: ['id', 'name', 'datasets_id'],
  spec: ['id'],
  models: [],
  health: [],
  samples: [],
  byIndices: [],
  zip: ['download_url'],
  files: ['run_id', 'generated_files'],
  fileLink: ['id', 'download_url'],
  fileContent: ['id'],
  evaluation: ['id', 'status'],
  created: ['id'],
};

describe('optional fields', () => {
  it('are null in every answer shape with optionalFields null, what a client needs to act kept', async () => {
    ({ sandbox } = await openSandbox({ seed: 4, failureRate: 0 }));
    const full = await everyShape(sandbox);
    sandbox.control.set({ optionalFields: 'null' });
    const nulled = await everyShape(sandbox);
    for (const [shape, kept] of Object.entries(KEPT)) {
      const objects = Array.isArray(full[shape]) ? (full[shape] as object[]) : [full[shape]];
      const shaped = Array.isArray(nulled[shape]) ? (nulled[shape] as Array<Record<string, unknown>>) : [nulled[shape]];
      shaped.forEach((object, i) => {
        // The same object in the full answer (by id: the second pass created one more run), whose fields all stay as names.
        const twin = ('id' in object ? objects.find((o) => (o as { id?: unknown }).id === object.id) : objects[i]) as object | undefined;
        if (twin) expect(Object.keys(object).sort(), shape).toEqual(Object.keys(twin).sort());
        for (const [name, value] of Object.entries(object)) {
          if (kept.includes(name)) expect(value, `${shape}.${name}`).not.toBeNull();
          else expect(value, `${shape}.${name}`).toBeNull();
        }
      });
    }
    // Inside a required container, the items' optional fields are null too.
    expect(nulled.files.generated_files[0]).toEqual({
      id: full.files.generated_files[0].id,
      name: null,
      path: null,
      s3_key: null,
      size: null,
      status: null,
      type: null,
      uploadedAt: null,
      generation_model: null,
    });
    // Records stay complete.
    expect(sandbox.runs('acme')[0]?.run.spec_id).toEqual(expect.any(String));
  });

  it('are left out with optionalFields absent, and served again when switched back', async () => {
    ({ sandbox } = await openSandbox({ seed: 4, failureRate: 0, optionalFields: 'absent' }));
    const absent = await everyShape(sandbox);
    for (const [shape, kept] of Object.entries(KEPT)) {
      for (const object of Array.isArray(absent[shape]) ? absent[shape] : [absent[shape]])
        expect(Object.keys(object).sort(), shape).toEqual([...kept].sort());
    }
    const patched = await fetch(`${sandbox.url}/__sandbox/settings`, {
      method: 'PATCH',
      body: JSON.stringify({ optional_fields: 'present' }),
    });
    expect(patched.status).toBe(200);
    expect(Object.keys((await get(sandbox, '/runs/'))[0])).toContain('spec_id');
    const bad = await fetch(`${sandbox.url}/__sandbox/settings`, {
      method: 'PATCH',
      body: JSON.stringify({ optional_fields: 'nil', speed: 3 }),
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { detail: string }).detail).toMatch(/optionalFields must be/);
    expect(sandbox.control.settings().speed).toBe(1);
    const unknown = await fetch(`${sandbox.url}/__sandbox/settings`, { method: 'PATCH', body: JSON.stringify({ optionalFields: 'null' }) });
    expect(((await unknown.json()) as { detail: string }).detail).toMatch(
      /Unknown setting optionalFields; settings are speed, spec_ready_status, optional_fields/,
    );
  });
});
