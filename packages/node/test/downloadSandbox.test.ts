import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSandbox, type Sandbox } from '@df/sandbox';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createClient, createNodeTransport, type DownloadProgress, downloadRunFiles, type NodeClient } from '../src/index';

let sandbox: Sandbox;
let client: NodeClient;
const cleanup: string[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: 11, speed: 1000 });
  client = createClient({ apiKey: sandbox.keys.acme, baseUrl: sandbox.url, env: {} });
});
afterAll(async () => {
  await client.close();
  await sandbox.stop();
});
afterEach(() => {
  for (const path of cleanup.splice(0)) rmSync(path, { recursive: true, force: true });
});

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'df-download-sandbox-'));
  cleanup.push(dir);
  return dir;
}

const succeeded = () => sandbox.runs('acme').filter((r) => r.run.status === 'SUCCEEDED' && !r.deleted);

/** The ZIP's bytes as the sandbox serves them (the same bytes for a run every time). */
async function served(runId: string): Promise<{ bytes: Buffer; sizeBytes: number | null | undefined }> {
  const ready = await client.runs.waitForFiles(runId, { intervalMs: 20, timeoutMs: 10_000 });
  return { bytes: Buffer.from(await (await fetch(ready.download_url)).arrayBuffer()), sizeBytes: ready.size_bytes };
}

describe('runs.download against the sandbox', () => {
  it('waits for the ZIP, then saves exactly the bytes served under the final name, reporting progress', async () => {
    const runId = succeeded()[0]!.id;
    const dir = folder();
    const progress: DownloadProgress[] = [];
    const saved = await client.runs.download(runId, {
      to: join(dir, 'files', `run-${runId}.zip`),
      intervalMs: 20,
      onProgress: (p) => progress.push(p),
    });
    const { bytes, sizeBytes } = await served(runId);
    expect(saved).toEqual({ path: join(dir, 'files', `run-${runId}.zip`), size: sizeBytes });
    expect(readFileSync(saved.path).equals(bytes)).toBe(true);
    expect(readdirSync(join(dir, 'files'))).toEqual([`run-${runId}.zip`]);
    expect(progress.filter((p) => p.phase === 'preparing')).toHaveLength(1);
    expect(progress.at(-1)).toMatchObject({ phase: 'downloading', received: sizeBytes, total: sizeBytes });
  });

  it('works as a standalone function on a transport, with `to` relative to the working directory', async () => {
    const runId = succeeded()[1]!.id;
    const transport = createNodeTransport({ apiKey: sandbox.keys.acme, baseUrl: sandbox.url, env: {} });
    const dir = folder();
    try {
      const saved = await downloadRunFiles(transport, runId, { to: relative(process.cwd(), join(dir, 'run.zip')), intervalMs: 20 });
      expect(saved.path).toBe(join(dir, 'run.zip'));
      expect(statSync(saved.path).size).toBe(saved.size);
    } finally {
      await transport.close();
    }
    expect(readFileSync(join(dir, 'run.zip')).equals((await served(runId)).bytes)).toBe(true);
  });
});

describe('the README example of runs.download', () => {
  const readme = readFileSync(fileURLToPath(new URL('../README.md', import.meta.url)), 'utf8');
  const examples = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!).filter((code) => code.includes('runs.download('));

  it('runs against the sandbox and saves the ZIP where it says', async () => {
    expect(examples).toHaveLength(1);
    // Inside this package, so that `@df/node` resolves to the package itself (its built entry).
    const scripts = fileURLToPath(new URL('../.readme-examples/', import.meta.url));
    const script = join(scripts, `download-${process.pid}.mjs`);
    // The folder is shared with the root README's examples: only what this test made is removed.
    cleanup.push(mkdirSync(scripts, { recursive: true }) ?? script);
    writeFileSync(script, examples[0]!);
    const cwd = folder();
    const result = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = execFile(
        process.execPath,
        [script],
        {
          cwd,
          env: { PATH: process.env['PATH'], DATAFRAMER_API_KEY: sandbox.keys.acme, DATAFRAMER_BASE_URL: sandbox.url },
          timeout: 30_000,
        },
        (_error, stdout, stderr) => resolve({ code: child.exitCode, stdout, stderr }),
      );
    });
    expect(result.code, result.stderr).toBe(0);
    // The run the example picks: the newest SUCCEEDED one.
    const runId = (await client.runs.list()).find((r) => r.status === 'SUCCEEDED')!.id;
    const path = join(cwd, 'downloads', `run-${runId}.zip`);
    const { bytes } = await served(runId);
    expect(result.stdout).toBe(`\nsaved ${path} (${bytes.length} bytes)\n`);
    expect(readFileSync(path).equals(bytes)).toBe(true);
    expect(result.stderr).toMatch(new RegExp(`downloading ${bytes.length}/${bytes.length} bytes$`));
  });
});
