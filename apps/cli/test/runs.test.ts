import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { startSandbox, type Sandbox } from '@df/sandbox';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { BIN, run, SH_BIN, tempDir, transcript } from './support/cli';

vi.setConfig({ testTimeout: 30_000 });

let fast: Sandbox; // runs finish at once and never fail
let failing: Sandbox; // every new run ends FAILED
let slow: Sandbox; // runs take seconds (a 20,000-sample run: over 15 minutes)
let env: Record<string, string>;
let readySpec: string;

function envFor(sandbox: Sandbox, extra: Record<string, string> = {}): Record<string, string> {
  return { DATAFRAMER_BASE_URL: sandbox.url, DATAFRAMER_API_KEY: sandbox.keys.acme, DATAFRAMER_CONFIG_DIR: tempDir(), ...extra };
}

beforeAll(async () => {
  [fast, failing, slow] = await Promise.all([
    startSandbox({ port: 0, seed: 7, speed: 1000, failureRate: 0 }),
    startSandbox({ port: 0, seed: 7, speed: 1000, failureRate: 1 }),
    startSandbox({ port: 0, seed: 7, speed: 4 }),
  ]);
  env = envFor(fast);
  const specs = await run(['specs', 'list', '--json', 'id,status'], { env });
  readySpec = (JSON.parse(specs.stdout) as Array<{ id: string; status: string }>).find((s) => s.status === 'READY')!.id;
});

afterAll(async () => {
  await Promise.all([fast?.stop(), failing?.stop(), slow?.stop()]);
});

describe('runs list', () => {
  it('prints tab-separated exact values without colour or header when piped', async () => {
    const { code, stdout, stderr } = await run(['runs', 'list'], { env });
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const rows = stdout.trimEnd().split('\n').map((line) => line.split('\t'));
    expect(rows.length).toBe(6);
    for (const row of rows) {
      expect(row).toHaveLength(8);
      expect(row[0]).toMatch(/^[0-9a-f-]{36}$/);
      expect(['PENDING', 'PROCESSING', 'SUCCEEDED', 'FAILED', 'CANCELED']).toContain(row[1]);
      expect(row[7]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
    }
    expect(stdout).not.toContain('\x1b[');
  });

  it('prints a coloured table with relative times on a terminal', async () => {
    const { code, stdout } = await run(['runs', 'list'], { env: { ...env, DATAFRAMER_FORCE_TTY: '1' } });
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toMatch(/ID.*STATUS.*PROGRESS.*COST.*SPEC.*CREATED/);
    expect(stdout).toMatch(/\x1b\[32mSUCCEEDED\x1b\[39m/);
    expect(stdout).toMatch(/\d+[mhd] ago|just now/);
    expect(stdout).toMatch(/\$\d+\.\d\d/);
  });

  it('honours NO_COLOR and --no-color on a terminal', async () => {
    const tty = { ...env, DATAFRAMER_FORCE_TTY: '1' };
    const noColorEnv = await run(['runs', 'list'], { env: { ...tty, NO_COLOR: '1' } });
    const noColorFlag = await run(['runs', 'list', '--no-color'], { env: tty });
    for (const result of [noColorEnv, noColorFlag]) {
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('SUCCEEDED');
      expect(result.stdout).not.toContain('\x1b[');
    }
  });

  it('filters by status, spec and age, sorts and limits on the client', async () => {
    const all = JSON.parse((await run(['runs', 'list', '--json', 'id,status,spec_name,spec_id,total_cost,created_at'], { env })).stdout) as Array<
      Record<string, string | number | null>
    >;
    const failedOrCanceled = await run(['runs', 'list', '--status', 'failed,CANCELED', '--json', 'status'], { env });
    expect(JSON.parse(failedOrCanceled.stdout).map((r: { status: string }) => r.status).sort()).toEqual(['CANCELED', 'FAILED']);

    const specName = all[0]!['spec_name'] as string;
    const bySpecName = JSON.parse((await run(['runs', 'list', '--spec', specName, '--json', 'spec_name'], { env })).stdout);
    expect(bySpecName.length).toBe(all.filter((r) => r['spec_name'] === specName).length);
    const bySpecId = JSON.parse((await run(['runs', 'list', '--spec', all[0]!['spec_id'] as string, '--json', 'id'], { env })).stdout);
    expect(bySpecId.length).toBe(bySpecName.length);

    const recent = JSON.parse((await run(['runs', 'list', '--since', '1d', '--json', 'created_at'], { env })).stdout);
    const dayAgo = Date.now() - 86_400_000;
    expect(recent.length).toBe(all.filter((r) => Date.parse(r['created_at'] as string) >= dayAgo).length);
    expect(recent.length).toBeLessThan(all.length);

    const byCost = JSON.parse((await run(['runs', 'list', '--sort', '-cost', '--json', 'total_cost'], { env })).stdout) as Array<{ total_cost: number | null }>;
    const costs = byCost.map((r) => r.total_cost ?? -1);
    expect(costs).toEqual([...costs].sort((a, b) => b - a));
    const ascending = JSON.parse((await run(['runs', 'list', '--sort', 'created', '--json', 'created_at'], { env })).stdout) as Array<{ created_at: string }>;
    const times = ascending.map((r) => Date.parse(r.created_at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(JSON.parse((await run(['runs', 'list', '-L', '2', '--json', 'id'], { env })).stdout)).toHaveLength(2);
  });

  it('lists the JSON fields when --json has none, and rejects unknown ones', async () => {
    const bare = await run(['runs', 'list', '--json'], { env });
    expect(bare.code).toBe(2);
    expect(bare.stdout).toBe('');
    expect(bare.stderr).toContain('samples_completed');
    const unknown = await run(['runs', 'list', '--json', 'id,nope'], { env });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown JSON field "nope"');
  });

  it('rejects bad filter values with exit 2', async () => {
    for (const args of [
      ['--status', 'RUNNING'],
      ['--since', 'yesterday'],
      ['--sort', 'size'],
      ['--limit', 'abc'],
      ['--limit', '0'],
      ['--limit', '-3'],
    ]) {
      const result = await run(['runs', 'list', ...args], { env });
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(/^error: /);
      expect(result.stderr.split('\n').filter(Boolean).length).toBeLessThanOrEqual(2);
    }
  });
});

describe('runs get', () => {
  it('prints key/value lines when piped and a readable block on a terminal', async () => {
    const id = fast.runs('acme').find((r) => r.run.status === 'SUCCEEDED')!.id;
    const piped = await run(['runs', 'get', id], { env });
    expect(piped.code).toBe(0);
    const fields = Object.fromEntries(piped.stdout.trimEnd().split('\n').map((line) => line.split('\t')));
    expect(fields['id']).toBe(id);
    expect(fields['status']).toBe('SUCCEEDED');
    expect(fields['total_cost']).toMatch(/^\d+(\.\d+)?$/);
    const tty = await run(['runs', 'get', id], { env: { ...env, DATAFRAMER_FORCE_TTY: '1' } });
    expect(tty.stdout).toMatch(/Progress.*completed, \d+ failed/);
    expect(tty.stdout).toMatch(/Cost.*\$\d+\.\d\d/);
    const json = JSON.parse((await run(['runs', 'get', id, '--json', 'id,runtime_params'], { env })).stdout);
    expect(json.id).toBe(id);
    expect(json.runtime_params.number_of_samples).toBeGreaterThan(0);
  });

  it('exits 1 with the status and detail for an unknown id', async () => {
    const { code, stdout, stderr } = await run(['runs', 'get', 'no-such-run'], { env });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^error: 404 Not Found .*Not found\./);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('reads the id from stdin with -', async () => {
    const id = fast.runs('acme')[0]!.id;
    const { code, stdout } = await run(['runs', 'get', '-', '--json', 'id'], { env, input: `${id}\n` });
    expect(code).toBe(0);
    expect(JSON.parse(stdout).id).toBe(id);
    const empty = await run(['runs', 'get', '-'], { env, input: '' });
    expect(empty.code).toBe(2);
  });
});

describe('runs create and watch', () => {
  it('prints only the new id on stdout', async () => {
    const { code, stdout, stderr } = await run(['runs', 'create', '--spec', readySpec, '--samples', '20'], { env });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^[0-9a-f-]{36}\n$/);
    expect(stderr).toBe('');
    expect(fast.runs('acme').some((r) => r.id === stdout.trim())).toBe(true);
  });

  it('sends the documented create fields', async () => {
    const { code, stdout } = await run(
      ['runs', 'create', '--spec', readySpec, '-n', '30', '--spec-version', '2', '--model', 'anthropic/claude-haiku-4-5', '--outline-model', 'anthropic/claude-sonnet-4-6', '--max-examples', '5', '--seed-shuffling', 'field', '--idempotency-key', 'cli-test-fields-1'],
      { env },
    );
    expect(code).toBe(0);
    const record = fast.runs('acme').find((r) => r.id === stdout.trim())!;
    expect(record.idempotencyKey).toBe('cli-test-fields-1');
    expect(record.run.spec_version).toBe(2);
    expect(record.run.runtime_params).toMatchObject({ number_of_samples: 30, generation_model: 'anthropic/claude-haiku-4-5', max_examples_in_prompt: 5, seed_shuffling_level: 'field' });
  });

  it('rejects missing, non-numeric and out-of-range values with exit 2 before sending anything', async () => {
    const before = fast.requests().filter((r) => r.method === 'POST').length;
    for (const args of [
      ['--samples', '10'],
      ['--spec', readySpec],
      ['--spec', readySpec, '--samples', 'ten'],
      ['--spec', readySpec, '--samples', '0'],
      ['--spec', readySpec, '--samples', '20001'],
      ['--spec', readySpec, '--samples', '10', '--spec-version', '0'],
      ['--spec', readySpec, '--samples', '10', '--seed-shuffling', 'lots'],
      ['--spec', readySpec, '--samples', '10', '--timeout', 'soon'],
    ]) {
      const result = await run(['runs', 'create', ...args], { env });
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stdout).toBe('');
    }
    expect(fast.requests().filter((r) => r.method === 'POST').length).toBe(before);
  });

  it('reports a server-side rejection (unknown spec) as exit 1 with the detail', async () => {
    const unknownSpec = '00000000-0000-4000-8000-000000000000';
    const { code, stderr } = await run(['runs', 'create', '--spec', unknownSpec, '--samples', '5'], { env });
    expect(code).toBe(1);
    expect(stderr).toMatch(new RegExp(`^error: 400 Bad Request from POST /api/dataframer/runs/: Spec ${unknownSpec} was not found`));
  });

  it('--wait exits 0 for a SUCCEEDED run and 5 for a FAILED one', async () => {
    const ok = await run(['runs', 'create', '--spec', readySpec, '-n', '50', '--wait', '--interval', '50ms'], { env });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^[0-9a-f-]{36}\n$/);
    expect(ok.stderr).toContain('SUCCEEDED');
    const failingEnv = envFor(failing);
    const spec = JSON.parse((await run(['specs', 'list', '--json', 'id,status'], { env: failingEnv })).stdout).find((s: { status: string }) => s.status === 'READY').id;
    const bad = await run(['runs', 'create', '--spec', spec, '-n', '50', '--wait', '--interval', '50ms'], { env: failingEnv });
    expect(bad.code).toBe(5);
    expect(bad.stderr).toContain('FAILED');
  });

  it('create | watch - follows the new run through a real pipe', async () => {
    const { code, stdout, stderr } = await run(`${SH_BIN} runs create --spec ${readySpec} -n 40 | ${SH_BIN} runs watch - --interval 50ms`, { env });
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/Run [0-9a-f-]{36} SUCCEEDED: \d+\/40 done/);
  });

  it('draws a progress bar on a terminal', async () => {
    const slowEnv = envFor(slow, { DATAFRAMER_FORCE_TTY: '1' });
    const spec = JSON.parse((await run(['specs', 'list', '--json', 'id,status'], { env: envFor(slow) })).stdout).find((s: { status: string }) => s.status === 'READY').id;
    const id = (await run(['runs', 'create', '--spec', spec, '-n', '30'], { env: envFor(slow) })).stdout.trim();
    const { code, stderr } = await run(['runs', 'watch', id, '--interval', '100ms'], { env: slowEnv });
    expect(code).toBe(0);
    expect(stderr).toContain('\r\x1b[2K');
    expect(stderr).toMatch(/[█░]{24}/);
    expect(stderr).toMatch(/\d+\/30 done, \d+ failed/);
    expect(stderr).toMatch(/ETA \d+s/);
    expect(stderr).toContain('SUCCEEDED');
  });

  it('streams NDJSON progress events with --json and ends with the result', async () => {
    const slowEnv = envFor(slow);
    const spec = JSON.parse((await run(['specs', 'list', '--json', 'id,status'], { env: slowEnv })).stdout).find((s: { status: string }) => s.status === 'READY').id;
    const id = (await run(['runs', 'create', '--spec', spec, '-n', '20'], { env: slowEnv })).stdout.trim();
    const { code, stdout } = await run(['runs', 'watch', id, '--json', '--interval', '100ms'], { env: slowEnv });
    expect(code).toBe(0);
    const events = stdout.trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(events.length).toBeGreaterThanOrEqual(2);
    expect(events.at(-1)).toMatchObject({ type: 'result', id, status: 'SUCCEEDED', exit_code: 0, requested: 20 });
    for (const event of events.slice(0, -1)) {
      expect(event).toMatchObject({ type: 'progress', id });
      expect(typeof event.completed).toBe('number');
      expect(typeof event.failed).toBe('number');
    }
  });

  it('exits 8 when --timeout expires while the run is still going, and 6 once it is canceled', async () => {
    const slowEnv = envFor(slow);
    const spec = JSON.parse((await run(['specs', 'list', '--json', 'id,status'], { env: slowEnv })).stdout).find((s: { status: string }) => s.status === 'READY').id;
    const id = (await run(['runs', 'create', '--spec', spec, '-n', '20000'], { env: slowEnv })).stdout.trim();
    const timedOut = await run(['runs', 'watch', id, '--timeout', '1s', '--interval', '100ms'], { env: slowEnv });
    expect(timedOut.code).toBe(8);
    expect(timedOut.stderr).toMatch(/still (PENDING|PROCESSING)/);
    expect(timedOut.stderr).toContain(`dataframer runs watch ${id}`);

    const canceled = await run(['runs', 'cancel', id], { env: slowEnv });
    expect(canceled.code).toBe(0);
    expect(canceled.stdout).toBe(`${id}\n`);
    const watched = await run(['runs', 'watch', id], { env: slowEnv });
    expect(watched.code).toBe(6);
    expect(watched.stderr).toContain('CANCELED');

    const again = await run(['runs', 'cancel', id], { env: slowEnv });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/400 Bad Request.*can no longer be canceled/);
  });
});

describe('interrupting', () => {
  it('Ctrl-C stops watching at once with exit 130 and says how to resume; the run goes on', async () => {
    const slowEnv = envFor(slow);
    const spec = JSON.parse((await run(['specs', 'list', '--json', 'id,status'], { env: slowEnv })).stdout).find((s: { status: string }) => s.status === 'READY').id;
    const id = (await run(['runs', 'create', '--spec', spec, '-n', '20000'], { env: slowEnv })).stdout.trim();
    const child = spawn(process.execPath, [BIN, 'runs', 'watch', id, '--json'], { env: { PATH: process.env['PATH'] ?? '', ...slowEnv }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const firstEvent = new Promise<void>((resolve) => {
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        stdout += chunk;
        if (stdout.includes('\n')) resolve();
      });
    });
    const closed = new Promise<number | null>((resolve) => child.once('close', resolve));
    await firstEvent;
    const started = Date.now();
    child.kill('SIGINT');
    const code = await closed;
    transcript.push(stdout, stderr);
    expect(code).toBe(130);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(JSON.parse(stdout.trimEnd().split('\n').at(-1)!)).toMatchObject({ type: 'interrupted', id, exit_code: 130 });
    expect(stderr).toContain(`Resume with: dataframer runs watch ${id}`);
    expect(slow.runs('acme').find((r) => r.id === id)!.run.status).not.toBe('CANCELED');
    await run(['runs', 'cancel', id], { env: slowEnv });
  });
});

describe('runs delete', () => {
  async function newRun(): Promise<string> {
    return (await run(['runs', 'create', '--spec', readySpec, '-n', '5'], { env })).stdout.trim();
  }

  it('refuses without --yes when stdin is not a terminal', async () => {
    const id = await newRun();
    const { code, stderr } = await run(['runs', 'delete', id], { env });
    expect(code).toBe(2);
    expect(stderr).toContain('--yes');
    expect(fast.runs('acme').find((r) => r.id === id)!.deleted).toBe(false);
  });

  it('asks on a terminal and deletes only after yes', async () => {
    const id = await newRun();
    const tty = { ...env, DATAFRAMER_FORCE_TTY: '1' };
    const declined = await run(['runs', 'delete', id], { env: tty, input: 'n\n' });
    expect(declined.code).toBe(1);
    expect(declined.stderr).toContain('[y/N]');
    expect(fast.runs('acme').find((r) => r.id === id)!.deleted).toBe(false);
    const accepted = await run(['runs', 'delete', id], { env: tty, input: 'y\n' });
    expect(accepted.code).toBe(0);
    expect(fast.runs('acme').find((r) => r.id === id)!.deleted).toBe(true);
  });

  it('deletes with --yes, then the id is unknown', async () => {
    const id = await newRun();
    const deleted = await run(['runs', 'delete', id, '--yes'], { env });
    expect(deleted.code).toBe(0);
    expect(deleted.stdout).toBe(`${id}\n`);
    expect((await run(['runs', 'get', id], { env })).code).toBe(1);
  });
});

describe('runs download and samples', () => {
  it('downloads the ZIP, checks its size and leaves no partial file', async () => {
    const id = (await run(['runs', 'create', '--spec', readySpec, '-n', '25', '--wait', '--interval', '50ms'], { env })).stdout.trim();
    const out = join(tempDir(), 'nested', 'dir');
    const first = await run(['runs', 'download', id, '--out', out], { env });
    expect(first.code).toBe(0);
    const path = first.stdout.trim();
    expect(path).toBe(join(out, `run-${id}.zip`));
    const size = statSync(path).size;
    expect(size).toBeGreaterThan(100);
    expect(fast.requests().some((r) => r.path.includes(`/runs/${id}/files/download/`) && r.status === 200)).toBe(true);
    expect(readdirSync(out)).toEqual([`run-${id}.zip`]);
    const again = await run(['runs', 'download', id, '--out', out], { env });
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('already downloaded');
  });

  it('draws a byte progress bar on a terminal and refuses a run without files', async () => {
    const id = (await run(['runs', 'create', '--spec', readySpec, '-n', '25', '--wait', '--interval', '50ms'], { env })).stdout.trim();
    const out = tempDir();
    const tty = await run(['runs', 'download', id, '-o', out], { env: { ...env, DATAFRAMER_FORCE_TTY: '1' } });
    expect(tty.code).toBe(0);
    expect(tty.stderr).toMatch(/Downloading run-.*\.zip/);
    expect(existsSync(join(out, `run-${id}.zip`))).toBe(true);
    const failedRun = fast.runs('acme').find((r) => r.run.status === 'FAILED')!.id;
    const refused = await run(['runs', 'download', failedRun, '-o', out], { env });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/files can be downloaded only from a SUCCEEDED run/);
    expect(readdirSync(out).filter((f) => f.endsWith('.part'))).toEqual([]);
  });

  it('prints samples as NDJSON with offset and limit, and rejects bad pages', async () => {
    const id = fast.runs('acme').find((r) => r.run.status === 'SUCCEEDED')!.id;
    const page = await run(['runs', 'samples', id, '--offset', '1', '--limit', '3'], { env });
    expect(page.code).toBe(0);
    const lines = page.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(typeof JSON.parse(line)).toBe('object');
    const raw = JSON.parse((await run(['runs', 'samples', id, '--limit', '2', '--json'], { env })).stdout);
    expect(raw.returned_count).toBe(2);
    for (const args of [['--limit', '0'], ['--limit', '1001'], ['--offset', '-1'], ['--offset', 'x']]) {
      expect((await run(['runs', 'samples', id, ...args], { env })).code, args.join(' ')).toBe(2);
    }
  });
});

describe('failures', () => {
  it('reports a 500 from the server as one line, exit 1', async () => {
    const fault = fast.faults.add({ method: 'GET', path: '/runs/', kind: 'server-error', status: 500 });
    try {
      const { code, stdout, stderr } = await run(['runs', 'list'], { env });
      expect(code).toBe(1);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/^error: 500 Internal Server Error from GET \/api\/dataframer\/runs\//);
      expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    } finally {
      fast.faults.remove(fault);
    }
  });

  it('reports a dropped connection with what to check, and the stack only under --debug', async () => {
    const fault = fast.faults.add({ method: 'GET', path: '/runs/', kind: 'reset' });
    try {
      const plain = await run(['runs', 'list'], { env });
      expect(plain.code).toBe(1);
      expect(plain.stderr).toMatch(/^error: Could not reach Dataframer.*check/);
      expect(plain.stderr).not.toMatch(/\n\s+at /);
      const debug = await run(['runs', 'list', '--debug'], { env });
      expect(debug.code).toBe(1);
      expect(debug.stderr).toMatch(/\n\s+at /);
      expect(debug.stderr).toContain('[debug] → GET');
    } finally {
      fast.faults.remove(fault);
    }
  });

  it('says what to check when nothing listens at the base URL', async () => {
    // A port that was just free: nothing listens there.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise((resolve) => probe.close(resolve));
    const { code, stderr } = await run(['runs', 'list'], { env: { ...env, DATAFRAMER_BASE_URL: `http://127.0.0.1:${port}` } });
    expect(code).toBe(1);
    expect(stderr).toMatch(new RegExp(`Could not reach Dataframer.*ECONNREFUSED.*check the base URL \\(http://127\\.0\\.0\\.1:${port}\\)`));
  });

  it('gives the idempotency key and the exact retry command when a create may have happened', async () => {
    const fault = fast.faults.add({ method: 'POST', path: '/runs/', kind: 'drop-after-act', nth: [1] });
    try {
      const first = await run(['runs', 'create', '--spec', readySpec, '--samples', '12', '--model', 'anthropic/claude-haiku-4-5'], { env });
      expect(first.code).toBe(1);
      expect(first.stdout).toBe('');
      const retry = /(dataframer runs create .*--idempotency-key ([0-9a-f-]{36}))/.exec(first.stderr);
      expect(retry, first.stderr).not.toBeNull();
      expect(first.stderr).toContain('may or may not have started a run');
      const key = retry![2]!;
      const args = retry![1]!.split(' ').slice(1);
      const second = await run(args, { env });
      expect(second.code).toBe(0);
      const created = fast.runs('acme').filter((r) => r.idempotencyKey === key);
      expect(created).toHaveLength(1);
      expect(second.stdout.trim()).toBe(created[0]!.id);
    } finally {
      fast.faults.remove(fault);
    }
  });
});

describe('specs and models', () => {
  it('lists specs and shows one with its versions', async () => {
    const piped = await run(['specs', 'list'], { env });
    expect(piped.code).toBe(0);
    const rows = piped.stdout.trimEnd().split('\n').map((line) => line.split('\t'));
    expect(rows.length).toBeGreaterThanOrEqual(4);
    expect(rows.find((row) => row[0] === readySpec)![2]).toBe('READY');
    const tty = await run(['specs', 'list'], { env: { ...env, DATAFRAMER_FORCE_TTY: '1' } });
    expect(tty.stdout.split('\n')[0]).toMatch(/ID.*NAME.*STATUS.*VERSION.*DATASET.*UPDATED/);

    const one = await run(['specs', 'get', readySpec], { env });
    expect(one.code).toBe(0);
    const fields = Object.fromEntries(one.stdout.trimEnd().split('\n').map((line) => line.split('\t')));
    expect(fields['id']).toBe(readySpec);
    expect(fields['status']).toBe('SUCCEEDED');
    const json = JSON.parse((await run(['specs', 'get', readySpec, '--json', 'name,versions'], { env })).stdout);
    expect(json.versions.length).toBeGreaterThanOrEqual(1);
    expect((await run(['specs', 'get', '00000000-0000-4000-8000-000000000000'], { env })).code).toBe(1);
  });

  it('lists models with the default marked', async () => {
    const piped = await run(['models', 'list'], { env });
    expect(piped.code).toBe(0);
    const rows = piped.stdout.trimEnd().split('\n').map((line) => line.split('\t'));
    expect(rows.filter((row) => row[3] === 'true')).toHaveLength(1);
    const json = JSON.parse((await run(['models', 'list', '--json', 'id,default'], { env })).stdout);
    expect(json.find((m: { default: boolean }) => m.default).id).toBe('anthropic/claude-sonnet-4-6');
  });
});

describe('secrets', () => {
  it('never printed an API key in any output of this file', () => {
    expect(transcript.length).toBeGreaterThan(40);
    for (const text of transcript) {
      for (const key of [fast.keys.acme, fast.keys.globex]) expect(text).not.toContain(key);
    }
  });
});
