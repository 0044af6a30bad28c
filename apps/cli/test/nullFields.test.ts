// A server that sends `null` for every field the contract marks optional (and leaves nothing else): the CLI
// lists, reads, watches, downloads and pages through it without error. A real HTTP server on loopback.
import { readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { startSandbox, type Sandbox } from '@df/sandbox';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runIn, tempDir } from './support/cli';

vi.setConfig({ testTimeout: 30_000 });

const RUN_ID = '3f2a9c1e-0000-4000-8000-000000000001';
const SPEC_ID = '7039b78b-0000-4000-8000-000000000002';
const KEY = 'sk_test_null_fields_server_1';
const ZIP = zipSync({ 'samples.jsonl': strToU8('{"a":1}\n') });

const run = (status: string) => ({
  id: RUN_ID,
  status,
  spec_id: null,
  spec_name: null,
  spec_version: null,
  dataset_id: null,
  dataset_name: null,
  dataset_type: null,
  samples_completed: null,
  samples_failed: null,
  total_cost: null,
  created_at: null,
  created_by_email: null,
  completed_at: null,
});

let server: Server;
let url: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/zip') {
      res.writeHead(200, { 'content-type': 'application/zip' });
      return res.end(ZIP);
    }
    if (req.headers.authorization !== `Bearer ${KEY}`) return send(401, { detail: 'Invalid token.' });
    const api = '/api/dataframer';
    if (path === `${api}/runs/`) return send(200, [run('SUCCEEDED')]);
    if (path === `${api}/runs/${RUN_ID}/`) return send(200, { ...run('SUCCEEDED'), runtime_params: null, generated_files: null });
    if (path === `${api}/runs/${RUN_ID}/files/download/`) return send(200, { download_url: `${url}/zip`, size_bytes: null });
    if (path === `${api}/runs/${RUN_ID}/samples/`)
      return send(200, { task_id: null, status: null, result: null, total_samples: null, returned_count: null, sample_statuses: null });
    if (path === `${api}/specs/`)
      return send(200, [
        {
          id: SPEC_ID,
          name: null,
          status: null,
          description: null,
          dataset_name: null,
          latest_version: null,
          created_at: null,
          updated_at: null,
        },
      ]);
    if (path === `${api}/specs/${SPEC_ID}/`)
      return send(200, {
        id: SPEC_ID,
        name: null,
        status: null,
        description: null,
        versions: null,
        dataset_name: null,
        created_at: null,
        updated_at: null,
      });
    if (path === `${api}/models/`)
      return send(200, [
        { id: 'anthropic/claude-sonnet-4-6', provider: null, thinking: null, default: null, requires_databricks_credentials: null },
      ]);
    return send(404, { detail: 'Not found.' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe('a server that sends null for every optional field', () => {
  const env = () => ({ DATAFRAMER_BASE_URL: url, DATAFRAMER_API_KEY: KEY, DATAFRAMER_CONFIG_DIR: tempDir() });
  const clean = (text: string) => {
    expect(text).not.toMatch(/TypeError|undefined|NaN|null\b(?!")/);
  };

  it.each([
    [['runs', 'list']],
    [['runs', 'list', '--sort', '-cost', '--status', 'succeeded', '--since', '1d']],
    [['runs', 'get', RUN_ID]],
    [['runs', 'get', RUN_ID.slice(0, 8)]],
    [['runs', 'watch', RUN_ID]],
    [['runs', 'samples', RUN_ID]],
    [['runs', 'samples', RUN_ID, '--all']],
    [['specs', 'list']],
    [['specs', 'get', SPEC_ID]],
    [['models', 'list']],
  ])('%j works, piped and on a terminal', async (args) => {
    for (const tty of [undefined, '100']) {
      const result = await runIn(args, { env: { ...env(), ...(tty && { DATAFRAMER_FORCE_TTY: tty, NO_COLOR: '1' }) } });
      expect(result.code, `${args.join(' ')} ${tty ? '(terminal)' : ''}: ${result.stderr}`).toBe(0);
      if (tty) clean(result.stdout);
      clean(result.stderr);
    }
  });

  it('prints the run on a terminal with dashes for what the server left null', async () => {
    const result = await runIn(['runs', 'get', RUN_ID], { env: { ...env(), DATAFRAMER_FORCE_TTY: '1', NO_COLOR: '1' } });
    expect(result.stdout).toMatch(/Progress\s+0 completed, 0 failed/);
    expect(result.stdout).toMatch(/Cost\s+-/);
    const json = JSON.parse((await runIn(['runs', 'get', RUN_ID, '--json', 'id,total_cost,generated_files'], { env: env() })).stdout);
    expect(json).toEqual({ id: RUN_ID, total_cost: null, generated_files: null });
  });

  it('downloads and extracts the files when the size is null', async () => {
    const out = tempDir();
    const saved = await runIn(['runs', 'download', RUN_ID, '--out', out], { env: env() });
    expect(saved.code, saved.stderr).toBe(0);
    expect(saved.stdout).toBe(`${join(out, `run-${RUN_ID}.zip`)}\n`);
    const extracted = await runIn(['runs', 'download', RUN_ID, '--out', out, '--extract'], { env: env() });
    expect(extracted.code, extracted.stderr).toBe(0);
    expect(readdirSync(join(out, `run-${RUN_ID}`))).toEqual(['samples.jsonl']);
  });
});

describe.each([
  { optionalFields: 'null', specReadyStatus: 'SUCCEEDED' },
  { optionalFields: 'absent', specReadyStatus: 'READY' },
] as const)('the sandbox serving optional fields as $optionalFields, specs $specReadyStatus', (settings) => {
  let sandbox: Sandbox;
  let finished: string;
  let running: string;
  let specs: string[];
  const env = () => ({ DATAFRAMER_BASE_URL: sandbox.url, DATAFRAMER_API_KEY: sandbox.keys.acme, DATAFRAMER_CONFIG_DIR: tempDir() });

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, seed: 14, speed: 1000, ...settings });
    const runs = JSON.parse((await runIn(['runs', 'list', '--json', 'id,status'], { env: env() })).stdout) as Array<{
      id: string;
      status: string;
    }>;
    finished = runs.find((r) => r.status === 'SUCCEEDED')!.id;
    running = runs.find((r) => r.status === 'PROCESSING' || r.status === 'PENDING')!.id;
    // With optional fields null a spec's status is unknown too: which ones are usable is found by trying.
    specs = (
      JSON.parse((await runIn(['specs', 'list', '--json', 'id,status'], { env: env() })).stdout) as Array<{
        id: string;
        status: string | null;
      }>
    )
      .filter((s) => s.status === null || s.status === undefined || s.status === settings.specReadyStatus)
      .map((s) => s.id);
  });
  afterAll(async () => {
    await sandbox.stop();
  });

  it('lists, reads, watches, pages and downloads without error, piped and on a terminal', async () => {
    const commands = [
      ['runs', 'list'],
      ['runs', 'get', finished],
      ['runs', 'get', running.slice(0, 8)],
      ['runs', 'watch', finished],
      ['runs', 'samples', finished, '--limit', '5'],
      ['runs', 'download', finished, '--out', tempDir(), '--force'],
      ['specs', 'list'],
      ['specs', 'get', specs[0]!],
      ['models', 'list'],
    ];
    for (const args of commands) {
      for (const tty of [undefined, '100']) {
        const result = await runIn(args, { env: { ...env(), ...(tty && { DATAFRAMER_FORCE_TTY: tty, NO_COLOR: '1' }) } });
        expect(result.code, `${args.join(' ')} ${tty ? '(terminal)' : ''}: ${result.stderr}`).toBe(0);
        expect(result.stdout + result.stderr).not.toMatch(/TypeError|undefined|NaN/);
      }
    }
  });

  it('starts a run from a usable spec and watches it to the end', async () => {
    const codes: number[] = [];
    for (const spec of specs) {
      const result = await runIn(['runs', 'create', '--spec', spec, '--samples', '20', '--wait'], { env: env() });
      expect(result.stdout + result.stderr).not.toMatch(/TypeError|undefined|NaN/);
      codes.push(result.code ?? -1);
      if (result.code === 0 || result.code === 5) break;
    }
    // SUCCEEDED (0) or FAILED (5): a run was started and followed to its end.
    expect(
      codes.some((code) => code === 0 || code === 5),
      String(codes),
    ).toBe(true);
  });
});
