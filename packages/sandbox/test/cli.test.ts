import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

function run(args: string[]): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: build the package first (pnpm --filter @df/sandbox build)`);
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

async function waitFor(predicate: () => RegExpMatchArray | null, ms = 5000): Promise<RegExpMatchArray> {
  const started = Date.now();
  for (;;) {
    const m = predicate();
    if (m) return m;
    if (Date.now() - started > ms) throw new Error('timed out waiting for the sandbox to print its URL');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('dataframer-sandbox command', () => {
  it('prints its URL and a demo key, serves the API with faults from --fault, and exits 0 on SIGTERM', async () => {
    const proc = run(['--port', '0', '--seed', '3', '--speed', '100', '--fault', 'GET /models/ server-error status=503 retry-after=1 nth=1']);
    try {
      const [, url] = await waitFor(() => proc.output().match(/listening on (http:\/\/127\.0\.0\.1:\d+)/));
      const [, key] = await waitFor(() => proc.output().match(/Demo API key: (\S+)/));
      expect(key).toBe('sk_test_sandbox_acme_demo');
      const runs = await fetch(`${url}/api/dataframer/runs/`, { headers: { authorization: `Bearer ${key}` } });
      expect(runs.status).toBe(200);
      expect(((await runs.json()) as unknown[]).length).toBeGreaterThan(0);
      const first = await fetch(`${url}/api/dataframer/models/`, { headers: { authorization: `Bearer ${key}` } });
      expect(first.status).toBe(503);
      expect(first.headers.get('retry-after')).toBe('1');
      const second = await fetch(`${url}/api/dataframer/models/`, { headers: { authorization: `Bearer ${key}` } });
      expect(second.status).toBe(200);
      proc.child.kill('SIGTERM');
      expect(await proc.exited).toBe(0);
    } finally {
      if (proc.child.exitCode === null) proc.child.kill('SIGKILL');
    }
  });

  it('documents every option in --help', async () => {
    const proc = run(['--help']);
    expect(await proc.exited).toBe(0);
    for (const word of ['--port', '--host', '--seed', '--speed', '--fault', 'drop-after-act', 'nth=', 'p=', '/__sandbox/faults', 'sk_test_sandbox_acme_demo']) {
      expect(proc.output()).toContain(word);
    }
  });

  it('exits 2 with a message for a bad option or fault spec', async () => {
    const bad = run(['--speed', 'fast']);
    expect(await bad.exited).toBe(2);
    expect(bad.output()).toMatch(/--speed must be a number/);
    const fault = run(['--port', '0', '--fault', 'GET /runs/ explode']);
    expect(await fault.exited).toBe(2);
    expect(fault.output()).toMatch(/kind must be one of/);
  });
});
