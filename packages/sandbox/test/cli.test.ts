import { DEFAULT_DATASET_PATHS, DEFAULT_EVALUATION_SUCCESS_STATUS, DEFAULT_FAILURE_RATE } from '../src/internal/rules';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exportLines, start, waitFor, type Running } from './support/processes';

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

function run(args: string[]): Running {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: build the package first (pnpm --filter @df/sandbox build)`);
  return start(process.execPath, [CLI, ...args]);
}

describe('dataframer-sandbox command', () => {
  it('prints the base URL, the export lines and a demo key, serves the API with faults from --fault, and exits 0 on SIGTERM', async () => {
    const proc = run([
      '--port',
      '0',
      '--seed',
      '3',
      '--speed',
      '100',
      '--fault',
      'GET /models/ server-error status=503 retry-after=1 nth=1',
    ]);
    try {
      const [, url] = await waitFor(proc, /listening on (http:\/\/127\.0\.0\.1:\d+)/);
      const [, key] = await waitFor(proc, /Demo API key: (\S+)/);
      expect(key).toBe('sk_test_sandbox_acme_demo');
      await waitFor(proc, /Stop with Ctrl-C/);
      expect(exportLines(proc.output())).toEqual([`export DATAFRAMER_BASE_URL=${url}`, `export DATAFRAMER_API_KEY=${key}`]);
      // The server root, never a URL ending in the API prefix (clients add it themselves).
      expect(proc.output()).not.toMatch(/\/api\/dataframer\/?\s*$/m);
      expect(proc.output()).toContain('1 fault rule installed');
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

  it('stops cleanly with exit 0 on Ctrl-C (SIGINT)', async () => {
    const proc = run(['--port', '0']);
    try {
      await waitFor(proc, /Stop with Ctrl-C/);
      proc.child.kill('SIGINT');
      expect(await proc.exited).toBe(0);
    } finally {
      if (proc.child.exitCode === null) proc.child.kill('SIGKILL');
    }
  });

  it('prints a wildcard bind address as loopback, so the printed URL works for clients that send keys only to loopback', async () => {
    const proc = run(['--port', '0', '--host', '0.0.0.0']);
    try {
      const [, url] = await waitFor(proc, /listening on (http:\/\/\S+)/);
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect((await fetch(`${url}/api/dataframer/health/`)).status).toBe(200);
    } finally {
      proc.child.kill('SIGTERM');
      await proc.exited;
    }
  });

  it('serves the modes of --spec-ready-status and --optional-fields', async () => {
    const proc = run(['--port', '0', '--spec-ready-status', 'READY', '--optional-fields', 'null']);
    try {
      const [, url] = await waitFor(proc, /listening on (http:\/\/\S+) \(specs say READY, optional fields are null\)/);
      const headers = { authorization: 'Bearer sk_test_sandbox_acme_demo' };
      const specs = (await (await fetch(`${url}/api/dataframer/specs/`, { headers })).json()) as Array<{ status: string | null }>;
      expect(specs.map((s) => s.status)).toEqual([null, null, null, null]);
      const settings = await (await fetch(`${url}/__sandbox/settings`)).json();
      expect(settings).toEqual({
        speed: 1,
        spec_ready_status: 'READY',
        optional_fields: 'null',
        dataset_paths: DEFAULT_DATASET_PATHS,
        evaluation_success_status: DEFAULT_EVALUATION_SUCCESS_STATUS,
        evaluation_failure_rate: DEFAULT_FAILURE_RATE,
      });
    } finally {
      proc.child.kill('SIGTERM');
      await proc.exited;
    }
  });

  it('says in one line which port is busy and how to pick another, exit 1, no stack', async () => {
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const { port } = holder.address() as { port: number };
    try {
      const proc = run(['--port', String(port)]);
      expect(await proc.exited).toBe(1);
      expect(proc.output()).toBe(
        `dataframer-sandbox: port ${port} is already in use on 127.0.0.1; pick another with --port <n>, or --port 0 for a free one\n`,
      );
    } finally {
      holder.close();
    }
  });

  it('documents every option and fault kind in --help, and prints its version', async () => {
    const proc = run(['--help']);
    expect(await proc.exited).toBe(0);
    for (const word of [
      '--port',
      '--host',
      '--seed',
      '--speed',
      '--failure-rate',
      '--fault',
      '--spec-ready-status',
      '--optional-fields',
      '--dataset-paths',
      'drop-after-act',
      'refuse',
      'nth=',
      'p=',
      '/__sandbox/faults',
      '/__sandbox/settings',
      'sk_test_sandbox_acme_demo',
    ]) {
      expect(proc.output()).toContain(word);
    }
    const version = run(['--version']);
    expect(await version.exited).toBe(0);
    expect(version.output()).toMatch(/^\d+\.\d+\.\d+\S*\n$/);
  });

  it('exits 2 with a message for a bad option, value or fault spec', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['--speed', 'fast'], /--speed must be a number/],
      [['--port', '0', '--fault', 'GET /runs/ explode'], /kind must be one of/],
      [['--port', '0', '--fault', 'POST /runs/ refuse'], /refuse acts before any request is read/],
      [['--spec-ready-status', 'DONE'], /--spec-ready-status must be SUCCEEDED or READY, got "DONE"/],
      [['--optional-fields', 'nil'], /--optional-fields must be present or null or absent/],
      [['--dataset-paths', 'all'], /--dataset-paths must be both or newest or older, got "all"/],
      [['--port', '70000'], /--port must be an integer from 0 to 65535/],
      [['--failure-rate', '2'], /--failure-rate must be a number from 0 to 1, got "2"/],
      [['--prot', '1'], /^dataframer-sandbox: Unknown option '--prot' \(see --help\)\n$/],
    ];
    for (const [args, message] of cases) {
      const proc = run(args);
      expect(await proc.exited, args.join(' ')).toBe(2);
      expect(proc.output(), args.join(' ')).toMatch(message);
    }
  }, 40_000);
});
