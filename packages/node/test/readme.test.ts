import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request as httpRequest } from 'node:http';
import { fileURLToPath } from 'node:url';
import { startSandbox, type Sandbox } from '@df/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from './server';

const readme = readFileSync(fileURLToPath(new URL('../../../README.md', import.meta.url)), 'utf8');
const snippets = [...readme.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]!).filter((code) => code.includes("from '@df/node'"));
const snippet = (marker: string) => {
  const found = snippets.filter((code) => code.includes(marker));
  expect(found, `one README snippet with ${marker}`).toHaveLength(1);
  return found[0]!;
};

let sandbox: Sandbox;
beforeAll(async () => {
  // No failures at random: the journey's run and evaluation must succeed for its last lines to run.
  sandbox = await startSandbox({ port: 0, seed: 3, speed: 500, failureRate: 0 });
});
afterAll(async () => {
  await sandbox.stop();
});

/** Runs one snippet as an ES module inside this package, so `@df/node` resolves to the built package itself. */
function run(
  code: string,
  name: string,
  baseUrl = sandbox.url,
  cwd?: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const dir = fileURLToPath(new URL('../.readme-examples/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  const file = `${dir}${name}.mjs`;
  writeFileSync(file, code);
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [file],
      {
        env: { PATH: process.env['PATH'], DATAFRAMER_API_KEY: sandbox.keys.acme, DATAFRAMER_BASE_URL: baseUrl },
        timeout: 60_000,
        ...(cwd && { cwd }),
      },
      (_error, stdout, stderr) => resolve({ code: child.exitCode, stdout, stderr }),
    );
  });
}

describe('README examples', () => {
  it('has the snippets this test runs', () => {
    expect(snippets.length).toBe(6);
  });

  it.each(['server root', 'overview form with /api/dataframer'])(
    'lists runs from the local server, with the base URL as the %s',
    async (form) => {
      const baseUrl = form === 'server root' ? sandbox.url : `${sandbox.url}/api/dataframer/`;
      const result = await run(snippet('for (const run of await client.runs.list())'), 'list', baseUrl);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      const ids = new Set(
        sandbox
          .runs(sandbox.keys.acme)
          .filter((r) => !r.deleted)
          .map((r) => r.id),
      );
      const lines = result.stdout.trim().split('\n');
      expect(lines.length).toBe(ids.size);
      for (const line of lines) expect(ids.has(line.split(' ')[0]!)).toBe(true);
    },
  );

  it('creates a run and waits for it', async () => {
    const result = await run(snippet('client.runs.wait(id'), 'create');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/finished: (SUCCEEDED|FAILED)/);
    expect(result.stdout).toMatch(/PROCESSING \d+\/100|SUCCEEDED \d+\/100/);
  });

  it('adds a W3C traceparent header that reaches the server, and the hooks never see the key', async () => {
    // A loopback server in front of the sandbox records what arrives, then forwards it.
    const upstream = new URL(sandbox.url);
    const recorder = await startServer((req, res) => {
      const forward = httpRequest(
        { host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      forward.end(req.body);
    });
    try {
      const result = await run(snippet("'traceparent'"), 'hooks', recorder.url);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      const traceparent = String(recorder.seen[0]!.headers['traceparent']);
      expect(traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
      expect(result.stdout.trim()).toBe(`GET 200 trace ${traceparent.split('-')[1]}`);
      expect(recorder.seen[0]!.headers['authorization']).toBe(`Bearer ${sandbox.keys.acme}`);
    } finally {
      await recorder.close();
    }
  });

  it('reads the request id of a call that succeeded', async () => {
    const result = await run(snippet('onResponse'), 'request-id');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const [first, second] = result.stdout.trim().split('\n');
    const requestId = /request id (\S+)$/.exec(first!)?.[1];
    expect(first).toMatch(/^runs\.list answered 200, request id \S+$/);
    expect(sandbox.requests().some((r) => r.requestId === requestId)).toBe(true);
    expect(second).toMatch(/^\d+ runs$/);
  });

  it('goes from a CSV on disk to an evaluated run and its ZIP', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dataframer-readme-journey-'));
    try {
      const rows = Array.from({ length: 12 }, (_, i) => `How do I change setting ${i}?,Open Settings and pick ${i},account`);
      writeFileSync(join(dir, 'tickets.csv'), `question,answer,category\n${rows.join('\n')}\n`);
      const before = new Set(sandbox.runs(sandbox.keys.acme).map((r) => r.id));
      const result = await run(snippet('client.datasets.create('), 'journey', sandbox.url, dir);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      const made = sandbox.runs(sandbox.keys.acme).filter((r) => !before.has(r.id));
      expect(made).toHaveLength(1);
      const runId = made[0]!.id;
      const [scored, saved] = result.stdout.trim().split('\n');
      expect(scored).toMatch(/^SUCCEEDED: conformance \d+(\.\d+)? of 100$/);
      expect(saved).toBe(`saved ${join(dir, `run-${runId}.zip`)}`);
      expect(
        readFileSync(join(dir, `run-${runId}.zip`))
          .subarray(0, 2)
          .toString(),
      ).toBe('PK');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reaches an endpoint the SDK does not model', async () => {
    const result = await run(snippet('client.request('), 'request');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^[0-9a-f-]{36} \{/);
  });
});
