// The runtime matrix: the packed tarballs in one throwaway project, and the same list + create + wait (ESM)
// against a sandbox, on Node 20 (the one running the tests), 22 and 24, Bun and Deno (@df/node), workerd (@df/core
// in a Worker) and Chromium (@df/browser in a page behind a key-adding proxy). Runtimes come from the npm registry
// and are cached under .cache/runtimes/ (gitignored).
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { startSandbox, type Sandbox } from '@df/sandbox';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundlePage, launchChromium, runPage, servePage } from '../src/browser';
import { createConsumer, type Consumer } from '../src/consumer';
import { baseEnv, execOk, lastJsonLine } from '../src/exec';
import { ensureRuntime, RUNTIME_CACHE, RUNTIME_PACKAGES } from '../src/runtimes';
import { tarballsOf } from '../src/tarballs';

interface RunLine {
  runtime: string;
  listed: number;
  id: string;
  status: string;
  completed: number;
}

let sandbox: Sandbox;
let project: Consumer;
let script: string;
const rows: string[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: 21, speed: 1000 });
  project = await createConsumer('runtimes', { tarballs: tarballsOf('@df/core', '@df/node', '@df/browser'), manifest: { type: 'module' } });
  script = project.add('node-esm.mjs', 'matrix.mjs');
});
afterAll(async () => {
  await sandbox?.stop();
  project?.remove();
  console.log(`\nruntime matrix\n${rows.join('\n')}`);
});

function clientEnv(extra: Record<string, string> = {}): Record<string, string | undefined> {
  return baseEnv({ DATAFRAMER_BASE_URL: sandbox.url, DATAFRAMER_API_KEY: sandbox.keys.acme, NO_COLOR: '1', ...extra });
}

/** The run a runtime reported is the one the sandbox holds: created once, finished, with the same status. */
function expectRunFinished(line: RunLine): void {
  expect(line.listed).toBeGreaterThan(0);
  expect(['SUCCEEDED', 'FAILED']).toContain(line.status);
  const records = sandbox.runs('acme').filter((r) => r.id === line.id);
  expect(records).toHaveLength(1);
  expect(records[0]!.run.status).toBe(line.status);
}

function record(name: string, line: RunLine, setupMs: number, runMs: number): void {
  rows.push(
    `${name.padEnd(9)} ${line.runtime.slice(0, 40).padEnd(40)} ${line.status.padEnd(9)} setup ${String(setupMs).padStart(6)} ms, run ${String(runMs).padStart(5)} ms`,
  );
}

const commandLines: Array<
  [name: string, runtime: keyof typeof RUNTIME_PACKAGES | 'node20', args: (file: string) => string[], expected: RegExp]
> = [
  ['node 20', 'node20', (file) => [file], /^node v20\./],
  ['node 22', 'node22', (file) => [file], /^node v22\./],
  ['node 24', 'node24', (file) => [file], /^node v24\./],
  ['bun', 'bun', (file) => [file], /^bun 1\./],
  ['deno', 'deno', (file) => ['run', '--allow-env', '--allow-net', '--allow-read', '--allow-sys', file], /^deno 2\./],
];

describe('server-side runtimes run @df/node from its tarball', () => {
  it.each(commandLines)('%s', async (name, runtime, args, expected) => {
    const started = Date.now();
    const bin = runtime === 'node20' ? process.execPath : await ensureRuntime(RUNTIME_PACKAGES[runtime]);
    const setupMs = Date.now() - started;
    const extra: Record<string, string> =
      runtime === 'deno' ? { DENO_DIR: join(RUNTIME_CACHE, 'deno-dir'), DENO_NO_UPDATE_CHECK: '1' } : {};
    const result = await execOk(bin, args(script), { cwd: project.dir, env: clientEnv(extra), timeoutMs: 90_000 });
    const line = lastJsonLine<RunLine & { closed: string }>(result.stdout);
    expect(line.runtime).toMatch(expected);
    expectRunFinished(line);
    expect(line.closed).toBe('ok');
    record(name, line, setupMs, result.ms);
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

describe('workerd (Cloudflare Workers) runs @df/core from its tarball in a Worker', () => {
  it('workerd', async () => {
    const started = Date.now();
    const bin = await ensureRuntime(RUNTIME_PACKAGES.workerd);
    const setupMs = Date.now() - started;
    const dir = join(project.dir, 'worker');
    mkdirSync(dir, { recursive: true });
    await build({
      entryPoints: [project.add('worker.mjs')],
      outfile: join(dir, 'worker.js'),
      bundle: true,
      platform: 'browser',
      conditions: ['workerd', 'worker', 'browser'],
      format: 'esm',
      target: 'es2022',
      logLevel: 'silent',
    });
    const port = await freePort();
    // Loopback is "local" to workerd, which only lets a Worker reach "public" addresses unless told otherwise.
    writeFileSync(
      join(dir, 'config.capnp'),
      `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "main", worker = .smokeWorker),
    (name = "internet", network = (allow = ["public", "private", "local"])),
  ],
  sockets = [ (name = "http", address = "127.0.0.1:${port}", http = (), service = "main") ],
);
const smokeWorker :Workerd.Worker = (
  modules = [ (name = "worker.js", esModule = embed "worker.js") ],
  compatibilityDate = "2026-11-01",
  bindings = [
    (name = "DATAFRAMER_BASE_URL", text = "${sandbox.url}"),
    (name = "DATAFRAMER_API_KEY", text = "${sandbox.keys.acme}"),
  ],
  globalOutbound = "internet",
);
`,
    );
    const version = (await execOk(bin, ['--version'])).stdout.trim();
    const child = spawn(bin, ['serve', join(dir, 'config.capnp')], { cwd: dir, env: baseEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let logs = '';
    child.stdout.on('data', (chunk: Buffer) => (logs += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (logs += chunk.toString()));
    const runStarted = Date.now();
    try {
      let answer: Response | undefined;
      for (let attempt = 0; attempt < 100 && !answer; attempt += 1) {
        answer = await fetch(`http://127.0.0.1:${port}/`).catch(async () => {
          await new Promise((resolve) => setTimeout(resolve, 100));
          return undefined;
        });
      }
      expect(answer, `workerd did not answer:\n${logs}`).toBeDefined();
      const body = (await answer!.json()) as RunLine & { error?: string };
      expect(body.error, logs).toBeUndefined();
      expect(answer!.status).toBe(200);
      expectRunFinished(body);
      record('workerd', { ...body, runtime: version }, setupMs, Date.now() - runStarted);
    } finally {
      child.kill('SIGTERM');
    }
  });
});

describe('Chromium runs @df/browser from its tarball, bundled by esbuild, behind a same-origin proxy', () => {
  let browser: Browser | undefined;
  afterAll(async () => {
    await browser?.close();
  });

  it('chromium', async () => {
    const started = Date.now();
    const bundle = await bundlePage(project.add('browser-page.js'));
    expect(bundle).not.toContain('sk_test_');
    const server = await servePage({ script: bundle, apiBaseUrl: sandbox.url, apiKey: sandbox.keys.acme });
    try {
      browser = await launchChromium();
      const setupMs = Date.now() - started;
      const runStarted = Date.now();
      const outcome = await runPage<RunLine & { notFound: boolean }>(browser, server.url);
      if (!outcome.ok) throw new Error(outcome.error);
      expectRunFinished(outcome.value);
      expect(outcome.value.notFound).toBe(true);
      expect(server.proxied).toContain('POST /api/dataframer/runs/');
      record('chromium', { ...outcome.value, runtime: `chromium ${browser.version()}` }, setupMs, Date.now() - runStarted);
    } finally {
      await server.close();
    }
  });
});
