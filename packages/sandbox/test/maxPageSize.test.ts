import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { Sandbox } from '../src/index';
import type { createApi } from './api';
import { openSandbox } from './helpers';
import { start, waitFor } from './support/processes';

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.stop();
  sandbox = undefined;
});

interface Page {
  result: { generated_outputs: Array<{ metadata: { index: number } }> };
  total_samples: number;
  returned_count: number;
}

/** One contract-checked page of a run's samples. */
async function page(api: ReturnType<typeof createApi>, runId: string, offset: number, limit = 1000): Promise<Page> {
  const response = await api<Page>('GET', `/runs/${runId}/samples/?offset=${offset}&limit=${limit}`);
  expect(response.status).toBe(200);
  return response.body;
}

function completed(s: Sandbox, runId: string): number {
  return s.runs('acme').find((r) => r.id === runId)!.run.samples_completed as number;
}

describe('maxPageSize: a server that caps sample pages', () => {
  it('serves at most maxPageSize samples a page with the full total, and every sample is reached by asking again after each page', async () => {
    const opened = await openSandbox({ maxPageSize: 100 });
    sandbox = opened.sandbox;
    const runId = sandbox.control.seedRun({ status: 'SUCCEEDED', samples: 250 });
    const total = completed(sandbox, runId);
    expect(total).toBeGreaterThan(200);

    const first = await page(opened.api, runId, 0);
    expect(first.result.generated_outputs).toHaveLength(100);
    expect(first.returned_count).toBe(100);
    expect(first.total_samples).toBe(total);
    // A smaller limit is still honoured.
    expect((await page(opened.api, runId, 0, 30)).result.generated_outputs).toHaveLength(30);

    const seen: number[] = [];
    for (let offset = 0; offset < total; ) {
      const next = await page(opened.api, runId, offset);
      expect(next.returned_count).toBe(Math.min(100, total - offset));
      seen.push(...next.result.generated_outputs.map((o) => o.metadata.index));
      offset += next.returned_count;
    }
    expect(seen).toEqual(Array.from({ length: total }, (_, i) => i));
  });

  it('changes at run time through control.set and PATCH /__sandbox/settings, shows in the settings, and refuses bad values', async () => {
    const opened = await openSandbox();
    sandbox = opened.sandbox;
    const runId = sandbox.control.seedRun({ status: 'SUCCEEDED', samples: 40 });
    const total = completed(sandbox, runId);
    expect((await page(opened.api, runId, 0)).returned_count).toBe(total);
    expect(sandbox.control.settings().maxPageSize).toBeUndefined();

    expect(sandbox.control.set({ maxPageSize: 7 }).maxPageSize).toBe(7);
    expect((await page(opened.api, runId, 0)).returned_count).toBe(7);

    const patched = await fetch(`${sandbox.url}/__sandbox/settings`, { method: 'PATCH', body: JSON.stringify({ max_page_size: 3 }) });
    expect(((await patched.json()) as { max_page_size: number }).max_page_size).toBe(3);
    expect((await page(opened.api, runId, 0)).returned_count).toBe(3);

    for (const bad of [0, 1001, 2.5, '10', null]) {
      expect(() => sandbox?.control.set({ maxPageSize: bad as number }), String(bad)).toThrow(
        /maxPageSize must be an integer from 1 to 1000/,
      );
      const refused = await fetch(`${sandbox.url}/__sandbox/settings`, { method: 'PATCH', body: JSON.stringify({ max_page_size: bad }) });
      expect(refused.status, String(bad)).toBe(400);
    }
    expect(sandbox.control.settings().maxPageSize).toBe(3);
    await expect(openSandbox({ maxPageSize: 0 })).rejects.toThrow(/maxPageSize/);
  });

  it('--max-page-size caps pages from the command line, says so in the banner, and exits 2 on a bad value', {
    timeout: 30_000,
  }, async () => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: build the package first (pnpm --filter @df/sandbox build)`);
    const proc = start(process.execPath, [CLI, '--port', '0', '--max-page-size', '5']);
    try {
      const [, url] = await waitFor(proc, /listening on (http:\/\/\S+) \(sample pages hold at most 5\)/);
      const headers = { authorization: 'Bearer sk_test_sandbox_acme_demo' };
      const runs = (await (await fetch(`${url}/api/dataframer/runs/`, { headers })).json()) as Array<{ id: string; status: string }>;
      const done = runs.find((r) => r.status === 'SUCCEEDED')!;
      const body = (await (await fetch(`${url}/api/dataframer/runs/${done.id}/samples/?limit=50`, { headers })).json()) as Page;
      expect(body.total_samples).toBeGreaterThan(5);
      expect(body.returned_count).toBe(5);
      expect(await (await fetch(`${url}/__sandbox/settings`)).json()).toMatchObject({ max_page_size: 5 });
    } finally {
      proc.child.kill('SIGTERM');
      await proc.exited;
    }
    const bad = ['0', '1001', 'ten', ''];
    const refused = bad.map((value) => start(process.execPath, [CLI, '--port', '0', '--max-page-size', value]));
    for (const [i, proc] of refused.entries()) {
      expect(await proc.exited, bad[i]).toBe(2);
      expect(proc.output(), bad[i]).toContain(`--max-page-size must be an integer from 1 to 1000, got "${bad[i]}"`);
    }
    const help = start(process.execPath, [CLI, '--help']);
    expect(await help.exited).toBe(0);
    expect(help.output()).toContain('--max-page-size <n>');
  });
});
