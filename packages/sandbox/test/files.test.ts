import { afterEach, describe, expect, it } from 'vitest';
import type { Sandbox } from '../src/index';
import { manualClock, openSandbox, specIdIn } from './helpers';
import { readZip } from './zip';

let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.stop();
  sandbox = undefined;
});

describe('files download', () => {
  it('answers 202 while the ZIP is built, then 200 with a URL serving a valid ZIP of the generated files', async () => {
    const clock = manualClock();
    const opened = await openSandbox({ seed: 9, now: clock.now, failureRate: 0 });
    sandbox = opened.sandbox;
    const { api } = opened;
    const specId = await specIdIn(api, 'SUCCEEDED');
    const { body } = await api('POST', '/runs/', { body: { spec_id: specId, number_of_samples: 30 } });
    clock.advance(60_000);
    const detail = await api('GET', `/runs/${body.id}/`);
    expect(detail.body.status).toBe('SUCCEEDED');

    const first = await api('GET', `/runs/${body.id}/files/download/`);
    expect(first.status).toBe(202);
    clock.advance(1000);
    expect((await api('GET', `/runs/${body.id}/files/download/`)).status).toBe(202);
    clock.advance(1000);
    const ready = await api('GET', `/runs/${body.id}/files/download/`);
    expect(ready.status).toBe(200);
    expect(ready.body.download_url).toMatch(new RegExp(`^${sandbox.url}/`));

    const download = await fetch(ready.body.download_url);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/zip');
    const bytes = Buffer.from(await download.arrayBuffer());
    expect(bytes.length).toBe(ready.body.size_bytes);
    const files = await readZip(bytes);
    expect([...files.keys()]).toContain('top_level.metadata');
    for (const file of detail.body.generated_files as Array<{ path: string; size_bytes: number }>) {
      expect(files.get(file.path)?.length).toBe(file.size_bytes);
      expect(files.has(`${file.path}.metadata`)).toBe(true);
    }
    const jsonl = files.get('samples.jsonl')?.toString('utf8').trim().split('\n') ?? [];
    expect(jsonl.length).toBe(detail.body.samples_completed);
    expect(() => jsonl.map((l) => JSON.parse(l))).not.toThrow();

    // The link expires after an hour.
    clock.advance(3_600_001);
    expect((await fetch(ready.body.download_url)).status).toBe(403);
  });

  it('refuses runs that are not SUCCEEDED with 400, and unknown runs with 404', async () => {
    const opened = await openSandbox({ seed: 9 });
    sandbox = opened.sandbox;
    const { api } = opened;
    const runs = (await api('GET', '/runs/')).body as Array<{ id: string; status: string }>;
    const processing = runs.find((r) => r.status === 'PROCESSING');
    const r = await api('GET', `/runs/${processing?.id}/files/download/`);
    expect(r.status).toBe(400);
    expect(r.body.detail).toMatch(/PROCESSING/);
    const missing = await api('GET', '/runs/00000000-0000-4000-8000-000000000000/files/download/');
    expect(missing.status).toBe(404);
  });
});

describe('samples', () => {
  it('paginates with offset and limit in finish-time order', async () => {
    const clock = manualClock();
    const opened = await openSandbox({ seed: 4, now: clock.now, failureRate: 0 });
    sandbox = opened.sandbox;
    const { api } = opened;
    const specId = await specIdIn(api, 'SUCCEEDED');
    const { body } = await api('POST', '/runs/', { body: { spec_id: specId, number_of_samples: 1500 } });
    clock.advance(2000 + 10_000); // 50 samples processed
    const partial = await api('GET', `/runs/${body.id}/samples/`);
    const processed = await api('GET', `/runs/${body.id}/`);
    expect(partial.body.status).toBe('PROCESSING');
    expect(partial.body.total_samples).toBe(processed.body.samples_completed);
    expect(partial.body.returned_count).toBe(partial.body.total_samples);

    clock.advance(400_000);
    const done = await api('GET', `/runs/${body.id}/`);
    const total = done.body.samples_completed as number;
    const page1 = await api('GET', `/runs/${body.id}/samples/?offset=0&limit=10`);
    expect(page1.body).toMatchObject({ task_id: body.id, status: 'COMPLETED', total_samples: total, returned_count: 10 });
    expect(page1.body.sample_statuses.map((s: { index: number }) => s.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const times = page1.body.result.generated_outputs.map((o: { metadata: { finish_time: number } }) => o.metadata.finish_time);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    const page2 = await api('GET', `/runs/${body.id}/samples/?offset=5&limit=10`);
    expect(page2.body.result.generated_outputs[0]).toEqual(page1.body.result.generated_outputs[5]);
    const defaultPage = await api('GET', `/runs/${body.id}/samples/`);
    expect(defaultPage.body.returned_count).toBe(1000);
    const tail = await api('GET', `/runs/${body.id}/samples/?offset=${total - 3}&limit=10`);
    expect(tail.body.returned_count).toBe(3);
    const beyond = await api('GET', `/runs/${body.id}/samples/?offset=${total}&limit=10`);
    expect(beyond.body.returned_count).toBe(0);
    expect(beyond.body.result.generated_outputs).toEqual([]);
  });

  it('answers DRF-style 400 for bad offset and limit', async () => {
    const opened = await openSandbox({ seed: 4 });
    sandbox = opened.sandbox;
    const { api } = opened;
    const id = ((await api('GET', '/runs/')).body as Array<{ id: string }>)[0]?.id;
    const tooMany = await api('GET', `/runs/${id}/samples/?limit=1001`, { invalidRequest: true });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body).toEqual({ limit: ['Ensure this value is less than or equal to 1000.'] });
    const negative = await api('GET', `/runs/${id}/samples/?offset=-1`, { invalidRequest: true });
    expect(negative.status).toBe(400);
    expect(negative.body).toEqual({ offset: ['Ensure this value is greater than or equal to 0.'] });
    const text = await api('GET', `/runs/${id}/samples/?offset=abc`, { invalidRequest: true });
    expect(text.body).toEqual({ offset: ['A valid integer is required.'] });
  });
});
