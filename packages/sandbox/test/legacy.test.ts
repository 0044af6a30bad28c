import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../src/index';
import type { createApi } from './api';
import { manualClock, openSandbox, specIdIn } from './helpers';
import { readZip } from './zip';

// The SDK-0.3.1 and older-docs routes the contract documents: shaped as it documents them.
let sandbox: Sandbox;
let api: ReturnType<typeof createApi>;
let succeeded: string;
let processing: string;
const clock = manualClock();
beforeAll(async () => {
  ({ sandbox, api } = await openSandbox({ seed: 12, now: clock.now, failureRate: 0 }));
  const specId = await specIdIn(api, 'SUCCEEDED');
  succeeded = (await api('POST', '/runs/', { body: { spec_id: specId, number_of_samples: 40 } })).body.id;
  clock.advance(60_000);
  // 20 of 20,000 samples processed: over an hour of simulated time from the end, so it stays PROCESSING throughout.
  processing = sandbox.control.seedRun({ status: 'PROCESSING', samples: 20000, progress: 0.001 });
});
afterAll(() => sandbox.stop());

describe('PUT /runs/{id}/', () => {
  it('answers the run detail unchanged: no field is writable, read-only ones are ignored', async () => {
    const before = (await api('GET', `/runs/${succeeded}/`)).body;
    const put = await api('PUT', `/runs/${succeeded}/`, { body: { status: 'CANCELED', samples_completed: 0, spec_name: 'renamed' } });
    expect(put.status).toBe(200);
    expect(put.body).toEqual(before);
    expect((await api('PUT', `/runs/${succeeded}/`)).status).toBe(200);
    const list = await api('PUT', `/runs/${succeeded}/`, { body: [1] });
    expect(list.status).toBe(400);
    expect(list.body).toEqual({ non_field_errors: ['Invalid data. Expected a dictionary, but got list.'] });
  });
});

describe('GET /runs/{id}/status/', () => {
  it('answers the id, status, counts and cost', async () => {
    const status = await api('GET', `/runs/${processing}/status/`);
    const detail = (await api('GET', `/runs/${processing}/`)).body;
    expect(status.body).toEqual({
      id: processing,
      status: 'PROCESSING',
      samples_completed: detail.samples_completed,
      samples_failed: detail.samples_failed,
      total_cost: detail.total_cost,
    });
  });
});

describe('POST /runs/{id}/samples/', () => {
  it('answers samples by finish-time position in the order asked, out_of_range ones as null', async () => {
    const page = (await api('GET', `/runs/${succeeded}/samples/?offset=0&limit=5`)).body;
    const done = (await api('GET', `/runs/${succeeded}/`)).body.samples_completed as number;
    const picked = await api('POST', `/runs/${succeeded}/samples/`, { body: { indices: [3, 0, done] } });
    expect(picked.status).toBe(200);
    expect(picked.body).toMatchObject({ task_id: succeeded, status: 'COMPLETED', total_samples: done, returned_count: 2 });
    expect(picked.body.result.generated_outputs).toEqual([page.result.generated_outputs[3], page.result.generated_outputs[0], null]);
    expect(picked.body.sample_statuses).toEqual([
      { index: 3, status: 'completed' },
      { index: 0, status: 'completed' },
      { index: done, status: 'out_of_range' },
    ]);
    const partial = await api('POST', `/runs/${processing}/samples/`, { body: { indices: [0, 400] } });
    expect(partial.body.status).toBe('PROCESSING');
    expect(partial.body.sample_statuses.map((s: { status: string }) => s.status)).toEqual(['completed', 'out_of_range']);
  });

  it('answers DRF-style 400s for a bad body', async () => {
    const cases: Array<[unknown, unknown]> = [
      [{}, { indices: ['This field is required.'] }],
      [{ indices: 3 }, { indices: ['Expected a list of items but got type "number".'] }],
      [
        { indices: [0, -1, 'x'] },
        { indices: { 1: ['Ensure this value is greater than or equal to 0.'], 2: ['A valid integer is required.'] } },
      ],
      [{ indices: Array.from({ length: 1001 }, (_, i) => i) }, { indices: ['Ensure this field has no more than 1000 elements.'] }],
    ];
    for (const [body, errors] of cases) {
      const answer = await api('POST', `/runs/${succeeded}/samples/`, { body, invalidRequest: true });
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual(errors);
    }
  });
});

describe('generated-files routes', () => {
  it('lists the files of a SUCCEEDED run in the SDK 0.3.1 shape, and none before', async () => {
    const detail = (await api('GET', `/runs/${succeeded}/`)).body;
    const list = await api('GET', `/runs/${succeeded}/generated-files/`);
    expect(list.body.run_id).toBe(succeeded);
    expect(list.body.generated_files.map((f: { id: string; path: string; size: number }) => [f.id, f.path, f.size])).toEqual(
      detail.generated_files.map((f: { id: string; path: string; size_bytes: number }) => [f.id, f.path, f.size_bytes]),
    );
    expect(list.body.generated_files[0]).toMatchObject({
      name: 'samples.jsonl',
      s3_key: `runs/${succeeded}/samples.jsonl`,
      status: 'COMPLETED',
      type: 'jsonl',
      uploadedAt: detail.completed_at,
    });
    expect((await api('GET', `/runs/${processing}/generated-files/`)).body).toEqual({ run_id: processing, generated_files: [] });
  });

  it('hands out a download link and the content of one file, 404 for an unknown file or an unfinished run', async () => {
    const [file] = (await api('GET', `/runs/${succeeded}/generated-files/`)).body.generated_files as Array<{ id: string; size: number }>;
    const link = await api('GET', `/runs/${succeeded}/generated-files/${file?.id}/download/`);
    expect(link.body).toMatchObject({ id: file?.id, name: 'samples.jsonl', expires_in: 3600 });
    const downloaded = await fetch(link.body.download_url);
    expect(downloaded.status).toBe(200);
    expect(downloaded.headers.get('content-type')).toBe('application/x-ndjson');
    const bytes = await downloaded.text();
    expect(Buffer.byteLength(bytes)).toBe(file?.size);
    const content = await api('GET', `/runs/${succeeded}/generated-files/${file?.id}/content/`);
    expect(content.body).toMatchObject({ id: file?.id, path: 'samples.jsonl', type: 'jsonl', size: file?.size, content: bytes });
    expect((await api('GET', `/runs/${succeeded}/generated-files/nope/content/`)).status).toBe(404);
    expect((await api('GET', `/runs/${processing}/generated-files/${file?.id}/download/`)).status).toBe(404);
    // Links expire after an hour.
    clock.advance(3_600_001);
    expect((await fetch(link.body.download_url)).status).toBe(403);
  });

  it('streams the ZIP bytes directly from download-all, the same archive the presigned route serves', async () => {
    const response = await fetch(`${sandbox.url}/api/dataframer/runs/${succeeded}/generated-files/download-all/`, {
      headers: { authorization: `Bearer ${sandbox.keys.acme}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    const bytes = Buffer.from(await response.arrayBuffer());
    const files = await readZip(bytes);
    expect([...files.keys()].sort()).toEqual([
      'run_summary.json',
      'run_summary.json.metadata',
      'samples.jsonl',
      'samples.jsonl.metadata',
      'top_level.metadata',
    ]);
    const notYet = await api('GET', `/runs/${processing}/generated-files/download-all/`);
    expect(notYet.status).toBe(400);
    expect(notYet.body.detail).toMatch(/PROCESSING/);
  });
});

describe('run-scoped evaluations', () => {
  it('creates evaluations of a SUCCEEDED run that progress with the clock, and lists them', async () => {
    const first = await api('POST', `/runs/${succeeded}/evaluations/`, { body: { evaluation_model: 'anthropic/claude-opus-4-5' } });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      run_id: succeeded,
      status: 'PENDING',
      evaluation_model: 'anthropic/claude-opus-4-5',
      completed_at: null,
    });
    const second = await api('POST', `/runs/${succeeded}/evaluations/`);
    expect(second.body.evaluation_model).toBe('anthropic/claude-sonnet-4-5');
    clock.advance(6000);
    const list = await api('GET', `/runs/${succeeded}/evaluations/`);
    expect(list.body.map((e: { id: string; status: string }) => [e.id, e.status])).toEqual([
      [first.body.id, 'SUCCEEDED'],
      [second.body.id, 'SUCCEEDED'],
    ]);
    expect(list.body[0].completed_at).toBe(new Date(Date.parse(first.body.created_at) + 6000).toISOString());
  });

  it('refuses an unfinished run and an unknown model with 400', async () => {
    const early = await api('POST', `/runs/${processing}/evaluations/`);
    expect(early.status).toBe(400);
    expect(early.body.detail).toMatch(/only a SUCCEEDED run/);
    const model = await api('POST', `/runs/${succeeded}/evaluations/`, { body: { evaluation_model: 'gpt-9' }, invalidRequest: true });
    expect(model.body).toEqual({ evaluation_model: ['"gpt-9" is not a valid choice.'] });
    expect((await api('GET', `/runs/${processing}/evaluations/`)).body).toEqual([]);
  });
});

describe('405 from the registered routes', () => {
  it('names the methods each path serves in Allow', async () => {
    const cases: Array<[string, string, string]> = [
      ['PATCH', '/runs/', 'GET, POST'],
      ['PATCH', `/runs/${succeeded}/`, 'GET, PUT, DELETE'],
      ['DELETE', `/runs/${succeeded}/samples/`, 'GET, POST'],
      ['POST', `/runs/${succeeded}/generated-files/download-all/`, 'GET'],
      ['DELETE', `/runs/${succeeded}/evaluations/`, 'GET, POST'],
      ['POST', '/health/', 'GET'],
    ];
    for (const [method, path, allow] of cases) {
      const answer = await api(method, path, { allowStatuses: [405] });
      expect(answer.status, `${method} ${path}`).toBe(405);
      expect(answer.headers.get('allow'), `${method} ${path}`).toBe(allow);
      expect(answer.body).toEqual({ detail: `Method "${method}" not allowed.` });
    }
  });
});
