import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { NodeClient } from '@df/node';
import { startSandbox, type Sandbox } from '@df/sandbox';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { spawn } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { BIN, run, runIn, SH_BIN, tempDir, transcript } from './support/cli';
import { isUsableSpecStatus, MAX_SAMPLES_PAGE, MAX_SAMPLES_PER_RUN, RUN_STATUSES, SEED_SHUFFLING_LEVELS } from '@df/core/constants';

vi.setConfig({ testTimeout: 30_000 });

let fast: Sandbox; // runs finish at once and never fail
let failing: Sandbox; // every new run ends FAILED
let slow: Sandbox; // runs take seconds (a 20,000-sample run: over 15 minutes)
let env: Record<string, string>;
let readySpec: string;

function envFor(sandbox: Sandbox, extra: Record<string, string> = {}): Record<string, string> {
  return { DATAFRAMER_BASE_URL: sandbox.url, DATAFRAMER_API_KEY: sandbox.keys.acme, DATAFRAMER_CONFIG_DIR: tempDir(), ...extra };
}

async function readySpecOf(e: Record<string, string>): Promise<string> {
  return JSON.parse((await runIn(['specs', 'list', '--json', 'id,status'], { env: e })).stdout).find((s: { status: string }) =>
    isUsableSpecStatus(s.status),
  ).id;
}

beforeAll(async () => {
  [fast, failing, slow] = await Promise.all([
    startSandbox({ port: 0, seed: 7, speed: 1000, failureRate: 0 }),
    startSandbox({ port: 0, seed: 7, speed: 1000, failureRate: 1 }),
    startSandbox({ port: 0, seed: 7, speed: 4 }),
  ]);
  env = envFor(fast);
  readySpec = await readySpecOf(env);
});

afterAll(async () => {
  await Promise.all([fast?.stop(), failing?.stop(), slow?.stop()]);
});

describe('runs list', () => {
  it('prints tab-separated exact values without colour or header when piped', async () => {
    const { code, stdout, stderr } = await runIn(['runs', 'list'], { env });
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const rows = stdout
      .trimEnd()
      .split('\n')
      .map((line) => line.split('\t'));
    expect(rows.length).toBe(6);
    for (const row of rows) {
      expect(row).toHaveLength(8);
      expect(row[0]).toMatch(/^[0-9a-f-]{36}$/);
      expect(RUN_STATUSES).toContain(row[1]);
      expect(row[7]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
    }
    expect(stdout).not.toContain('\x1b[');
  });

  it('prints a coloured table with short ids and relative times on a terminal, fitted to its width', async () => {
    const { code, stdout } = await runIn(['runs', 'list'], { env: { ...env, DATAFRAMER_FORCE_TTY: '1' } });
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/ID.*STATUS.*PROGRESS.*COST.*SPEC.*CREATED/);
    expect(stdout).toMatch(/\x1b\[32mSUCCEEDED\x1b\[39m/);
    expect(stdout).toMatch(/\d+[mhd] ago|just now/);
    expect(stdout).toMatch(/\$\d+\.\d\d/);
    for (const line of lines.slice(1)) expect(line).toMatch(/^[0-9a-f]{8} {2}/);
    for (const width of [60, 80, 120]) {
      const table = await runIn(['runs', 'list', '--no-color'], { env, tty: { stdout: true, columns: width } });
      const rows = table.stdout.trimEnd().split('\n');
      for (const row of rows) expect([...row].length, `${width}: ${row}`).toBeLessThanOrEqual(width);
      expect(rows.some((row) => row.includes('…')) || width === 120).toBe(true);
    }
    const wide = await runIn(['runs', 'list', '--no-color'], { env, tty: { stdout: true, columns: 200 } });
    expect(wide.stdout).toContain('Acme Corp support tickets');
  });

  it('honours NO_COLOR and --no-color on a terminal', async () => {
    const tty = { ...env, DATAFRAMER_FORCE_TTY: '1' };
    const noColorEnv = await runIn(['runs', 'list'], { env: { ...tty, NO_COLOR: '1' } });
    const noColorFlag = await runIn(['runs', 'list', '--no-color'], { env: tty });
    for (const result of [noColorEnv, noColorFlag]) {
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('SUCCEEDED');
      expect(result.stdout).not.toContain('\x1b[');
    }
  });

  it('filters by status, spec and age, sorts and limits on the client', async () => {
    const all = JSON.parse(
      (await runIn(['runs', 'list', '--json', 'id,status,spec_name,spec_id,total_cost,created_at'], { env })).stdout,
    ) as Array<Record<string, string | number | null>>;
    const failedOrCanceled = await runIn(['runs', 'list', '--status', 'failed,CANCELED', '--json', 'status'], { env });
    expect(
      JSON.parse(failedOrCanceled.stdout)
        .map((r: { status: string }) => r.status)
        .sort(),
    ).toEqual(['CANCELED', 'FAILED']);

    const specName = all[0]!['spec_name'] as string;
    const bySpecName = JSON.parse((await runIn(['runs', 'list', '--spec', specName, '--json', 'spec_name'], { env })).stdout);
    expect(bySpecName.length).toBe(all.filter((r) => r['spec_name'] === specName).length);
    const bySpecId = JSON.parse((await runIn(['runs', 'list', '--spec', all[0]!['spec_id'] as string, '--json', 'id'], { env })).stdout);
    expect(bySpecId.length).toBe(bySpecName.length);

    const recent = JSON.parse((await runIn(['runs', 'list', '--since', '1d', '--json', 'created_at'], { env })).stdout);
    const dayAgo = Date.now() - 86_400_000;
    expect(recent.length).toBe(all.filter((r) => Date.parse(r['created_at'] as string) >= dayAgo).length);
    expect(recent.length).toBeLessThan(all.length);

    const byCost = JSON.parse((await runIn(['runs', 'list', '--sort', '-cost', '--json', 'total_cost'], { env })).stdout) as Array<{
      total_cost: number | null;
    }>;
    const costs = byCost.map((r) => r.total_cost ?? -1);
    expect(costs).toEqual([...costs].sort((a, b) => b - a));
    const ascending = JSON.parse((await runIn(['runs', 'list', '--sort', 'created', '--json', 'created_at'], { env })).stdout) as Array<{
      created_at: string;
    }>;
    const times = ascending.map((r) => Date.parse(r.created_at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(JSON.parse((await runIn(['runs', 'list', '-L', '2', '--json', 'id'], { env })).stdout)).toHaveLength(2);
  });

  it('says on stderr how many runs --limit left out, piped or not', async () => {
    const total = (await runIn(['runs', 'list'], { env })).stdout.trimEnd().split('\n').length;
    const limited = await runIn(['runs', 'list', '-L', '2'], { env });
    expect(limited.code).toBe(0);
    expect(limited.stdout.trimEnd().split('\n')).toHaveLength(2);
    expect(limited.stderr).toBe(`Showing 2 of ${total} runs; ${total - 2} more with --limit ${total}.\n`);
  });

  it('lists the JSON fields when --json has none, and rejects unknown ones', async () => {
    const bare = await runIn(['runs', 'list', '--json'], { env });
    expect(bare.code).toBe(2);
    expect(bare.stdout).toBe('');
    expect(bare.stderr).toContain('samples_completed');
    const unknown = await runIn(['runs', 'list', '--json', 'id,nope'], { env });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown JSON field "nope"');
  });

  it('rejects bad filter values with exit 2, and suggests the status a typo meant', async () => {
    for (const args of [
      ['--status', 'SUCEEDED'],
      ['--since', 'yesterday'],
      ['--sort', 'size'],
      ['--limit', 'abc'],
      ['--limit', '0'],
      ['--limit', '-3'],
    ]) {
      const result = await runIn(['runs', 'list', ...args], { env });
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(/^error: /);
      expect(result.stderr.split('\n').filter(Boolean).length).toBeLessThanOrEqual(3);
    }
    expect((await runIn(['runs', 'list', '--status', 'SUCEEDED'], { env })).stderr).toContain('did you mean SUCCEEDED?');
  });

  it('passes an unknown status word through with a note, and shows unknown statuses as neutral words', async () => {
    const note = await runIn(['runs', 'list', '--status', 'running'], { env });
    expect(note.code).toBe(0);
    expect(note.stdout).toBe('');
    expect(note.stderr).toMatch(new RegExp(`^note: RUNNING is not a documented status \\(${RUN_STATUSES.join(', ')}\\)`));
    const fault = fast.faults.add({ method: 'GET', path: '/runs/', kind: 'unknown-status', value: 'QUEUED_FOR_GPU' });
    try {
      const odd = await runIn(['runs', 'list', '--status', 'queued_for_gpu'], { env: { ...env, DATAFRAMER_FORCE_TTY: '1' } });
      expect(odd.code).toBe(0);
      expect(odd.stdout).toMatch(/^[0-9a-f]{8} {2}QUEUED_FOR_GPU /m);
      expect(odd.stdout).not.toMatch(/\x1b\[\d+mQUEUED_FOR_GPU/);
    } finally {
      fast.faults.remove(fault);
    }
  });
});

describe('runs get', () => {
  it('prints key/value lines when piped and a readable block on a terminal', async () => {
    const id = fast.runs('acme').find((r) => r.run.status === 'SUCCEEDED')!.id;
    const piped = await runIn(['runs', 'get', id], { env });
    expect(piped.code).toBe(0);
    const fields = Object.fromEntries(
      piped.stdout
        .trimEnd()
        .split('\n')
        .map((line) => line.split('\t')),
    );
    expect(fields['id']).toBe(id);
    expect(fields['status']).toBe('SUCCEEDED');
    expect(fields['total_cost']).toMatch(/^\d+(\.\d+)?$/);
    const tty = await runIn(['runs', 'get', id], { env: { ...env, DATAFRAMER_FORCE_TTY: '1' } });
    expect(tty.stdout).toMatch(/Progress.*completed, \d+ failed/);
    expect(tty.stdout).toMatch(/Cost.*\$\d+\.\d\d/);
    const json = JSON.parse((await runIn(['runs', 'get', id, '--json', 'id,runtime_params'], { env })).stdout);
    expect(json.id).toBe(id);
    expect(json.runtime_params.number_of_samples).toBeGreaterThan(0);
  });

  it('takes every key its piped output prints as a --json field, the runtime parameters included', async () => {
    const id = fast.runs('acme').find((r) => r.run.status === 'SUCCEEDED')!.id;
    const piped = await runIn(['runs', 'get', id], { env });
    const keys = piped.stdout
      .trimEnd()
      .split('\n')
      .map((line) => line.split('\t')[0]!);
    expect(keys).toContain('number_of_samples');
    const json = await runIn(['runs', 'get', id, '--json', keys.join(',')], { env });
    expect(json.code, json.stderr).toBe(0);
    const fields = JSON.parse(json.stdout);
    expect(Object.keys(fields)).toEqual(keys);
    expect(piped.stdout).toContain(`number_of_samples\t${fields.number_of_samples}\n`);
  });

  it('--json before an id that is not a field list lists the fields (the word is the id)', async () => {
    const id = fast.runs('acme')[0]!.id;
    const result = await runIn(['runs', 'get', '--json', id], { env });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Available fields');
  });

  it('exits 1 with the status and detail for an unknown id', async () => {
    const { code, stdout, stderr } = await runIn(['runs', 'get', 'no-such-run'], { env });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^error: 404 Not Found .*Not found\./);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('names arguments as the user wrote them when the SDK rejects one', async () => {
    const { code, stderr } = await runIn(['runs', 'get', '..'], { env });
    expect(code).toBe(2);
    expect(stderr).toMatch(/^error: invalid input: the run id must not be "\.\."/);
    expect(stderr).not.toContain('runId');
  });

  it('reads the id from stdin with -', async () => {
    const id = fast.runs('acme')[0]!.id;
    const { code, stdout } = await runIn(['runs', 'get', '-', '--json', 'id'], { env, input: `${id}\n` });
    expect(code).toBe(0);
    expect(JSON.parse(stdout).id).toBe(id);
    const empty = await runIn(['runs', 'get', '-'], { env, input: '' });
    expect(empty.code).toBe(2);
  });

  it('takes any unique id prefix of 6 or more characters, wherever a run id is taken', async () => {
    const target = fast.runs('acme').find((r) => r.run.status === 'SUCCEEDED')!;
    for (const length of [6, 8, 13]) {
      const prefix = target.id.slice(0, length);
      const got = await runIn(['runs', 'get', prefix, '--json', 'id'], { env });
      expect(got.code, prefix).toBe(0);
      expect(JSON.parse(got.stdout).id).toBe(target.id);
      expect((await runIn(['runs', 'get', prefix.toUpperCase(), '--json', 'id'], { env })).code).toBe(0);
    }
    const short = target.id.slice(0, 8);
    const samples = await runIn(['runs', 'samples', short, '--limit', '1'], { env });
    expect(samples.code).toBe(0);
    expect(samples.stdout.trimEnd().split('\n')).toHaveLength(1);
    const watched = await runIn(['runs', 'watch', short], { env });
    expect(watched.code).toBe(0);
    expect(watched.stderr).toContain(`Run ${target.id} SUCCEEDED`);
    const missing = await runIn(['runs', 'get', 'abcdef99'], { env });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('error: no run found with an id starting with abcdef99\n');
  });

  it('lists the candidates of an ambiguous prefix and exits 2', async () => {
    const real = fast.runs('acme')[0]!.id;
    const twin = `${real.slice(0, 8)}-0000-4000-8000-000000000000`;
    // The sandbox's ids are random: the list is given a second run with the same first 8 characters.
    const withTwin = async (o: Parameters<typeof import('@df/node').createClient>[0]): Promise<NodeClient> => {
      const client = (await import('@df/node')).createClient(o);
      const list = client.runs.list.bind(client.runs);
      client.runs.list = async (options) => {
        const runs = await list(options);
        return [...runs, { ...runs.find((r) => r.id === real)!, id: twin }];
      };
      return client;
    };
    const result = await runIn(['runs', 'cancel', real.slice(0, 8)], { env, createClient: withTwin });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`the id prefix ${real.slice(0, 8)} matches 2 runs; give more characters:`);
    expect(result.stderr).toContain(`  ${real}  `);
    expect(result.stderr).toContain(`  ${twin}  `);
    expect(fast.requests().some((r) => r.method === 'POST' && r.path.includes(real.slice(0, 8)))).toBe(false);
  });
});

describe('runs create and watch', () => {
  it('prints only the new id on stdout', async () => {
    const { code, stdout, stderr } = await runIn(['runs', 'create', '--spec', readySpec, '--samples', '20'], { env });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^[0-9a-f-]{36}\n$/);
    expect(stderr).toBe('');
    expect(fast.runs('acme').some((r) => r.id === stdout.trim())).toBe(true);
  });

  it('takes the spec by name (any case) or id prefix, and names the candidates or the miss', async () => {
    const byName = await runIn(['runs', 'create', '--spec', 'acme corp SUPPORT tickets', '-n', '3'], { env });
    expect(byName.code, byName.stderr).toBe(0);
    const record = fast.runs('acme').find((r) => r.id === byName.stdout.trim())!;
    expect(record.run.spec_name).toBe('Acme Corp support tickets');
    const byPrefix = await runIn(['runs', 'create', '--spec', readySpec.slice(0, 8), '-n', '3'], { env });
    expect(byPrefix.code, byPrefix.stderr).toBe(0);
    expect(fast.runs('acme').find((r) => r.id === byPrefix.stdout.trim())!.run.spec_id).toBe(readySpec);
    const before = fast.requests().filter((r) => r.method === 'POST').length;
    const none = await runIn(['runs', 'create', '--spec', 'No such spec', '-n', '3'], { env });
    expect(none.code).toBe(1);
    expect(none.stderr).toBe('error: no spec named "No such spec" (nor with an id starting with it); see: dataframer specs list\n');
    expect(fast.requests().filter((r) => r.method === 'POST').length).toBe(before);
  });

  it('says so when a create replayed under the same idempotency key answers with the run that already existed', async () => {
    const args = ['runs', 'create', '--spec', readySpec, '-n', '7', '--idempotency-key', 'cli-test-replay-1'];
    const first = await runIn(args, { env });
    expect(first.code).toBe(0);
    expect(first.stderr).toBe('');
    const again = await runIn(args, { env });
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(first.stdout);
    expect(again.stderr).toBe(
      `Run ${first.stdout.trim()} already existed: the server answered Idempotency-Key cli-test-replay-1 with the run an earlier request started, so no new run was started.\n`,
    );
    expect(fast.runs('acme').filter((r) => r.idempotencyKey === 'cli-test-replay-1')).toHaveLength(1);
  });

  it('lists the candidates when a spec name matches several specs, and creates nothing', async () => {
    // The sandbox's spec names are unique: the list is given a second spec of the same name.
    const twinSpec = '00000000-0000-4000-8000-0000000000aa';
    const withTwin = async (o: Parameters<typeof import('@df/node').createClient>[0]): Promise<NodeClient> => {
      const client = (await import('@df/node')).createClient(o);
      const list = client.specs.list.bind(client.specs);
      client.specs.list = async (options) => {
        const specs = await list(options);
        return [...specs, { ...specs.find((spec) => spec.id === readySpec)!, id: twinSpec }];
      };
      return client;
    };
    const name = fast.runs('acme').find((r) => r.run.spec_id === readySpec)!.run.spec_name as string;
    const before = fast.requests().filter((r) => r.method === 'POST').length;
    const result = await runIn(['runs', 'create', '--spec', name, '-n', '3'], { env, createClient: withTwin });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`--spec "${name}" matches 2 specs; give the id:`);
    expect(result.stderr).toContain(`  ${readySpec}  ${name}`);
    expect(result.stderr).toContain(`  ${twinSpec}  ${name}`);
    expect(fast.requests().filter((r) => r.method === 'POST').length).toBe(before);
  });

  it('sends the documented create fields', async () => {
    const { code, stdout } = await runIn(
      [
        'runs',
        'create',
        '--spec',
        readySpec,
        '-n',
        '30',
        '--spec-version',
        '2',
        '--model',
        'anthropic/claude-haiku-4-5',
        '--outline-model',
        'anthropic/claude-sonnet-4-6',
        '--max-examples',
        '5',
        '--seed-shuffling',
        SEED_SHUFFLING_LEVELS[2],
        '--idempotency-key',
        'cli-test-fields-1',
      ],
      { env },
    );
    expect(code).toBe(0);
    const record = fast.runs('acme').find((r) => r.id === stdout.trim())!;
    expect(record.idempotencyKey).toBe('cli-test-fields-1');
    expect(record.run.spec_version).toBe(2);
    expect(record.run.runtime_params).toMatchObject({
      number_of_samples: 30,
      generation_model: 'anthropic/claude-haiku-4-5',
      max_examples_in_prompt: 5,
      seed_shuffling_level: SEED_SHUFFLING_LEVELS[2],
    });
  });

  it('rejects missing, non-numeric and out-of-range values with exit 2 before sending anything', async () => {
    const before = fast.requests().filter((r) => r.method === 'POST').length;
    for (const args of [
      ['--samples', '10'],
      ['--spec', readySpec],
      ['--spec', readySpec, '--samples', 'ten'],
      ['--spec', readySpec, '--samples', '0'],
      ['--spec', readySpec, '--samples', String(MAX_SAMPLES_PER_RUN + 1)],
      ['--spec', readySpec, '--samples', '10', '--spec-version', '0'],
      ['--spec', readySpec, '--samples', '10', '--seed-shuffling', 'lots'],
      ['--spec', readySpec, '--samples', '10', '--timeout', 'soon'],
      ['--spec', ' ', '--samples', '10'],
    ]) {
      const result = await runIn(['runs', 'create', ...args], { env });
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stdout).toBe('');
    }
    expect(fast.requests().filter((r) => r.method === 'POST').length).toBe(before);
  });

  it('reports a server-side rejection (unknown spec) as exit 1 with the detail', async () => {
    const unknownSpec = '00000000-0000-4000-8000-000000000000';
    const { code, stderr } = await runIn(['runs', 'create', '--spec', unknownSpec, '--samples', '5'], { env });
    expect(code).toBe(1);
    expect(stderr).toMatch(new RegExp(`^error: 400 Bad Request from POST /api/dataframer/runs/: Spec ${unknownSpec} was not found`));
  });

  it('--wait exits 0 for a SUCCEEDED run and 5 for a FAILED one', async () => {
    const ok = await runIn(['runs', 'create', '--spec', readySpec, '-n', '50', '--wait', '--interval', '50ms'], { env });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^[0-9a-f-]{36}\n$/);
    expect(ok.stderr).toContain('SUCCEEDED');
    const failingEnv = envFor(failing);
    const bad = await runIn(['runs', 'create', '--spec', await readySpecOf(failingEnv), '-n', '50', '--wait', '--interval', '50ms'], {
      env: failingEnv,
    });
    expect(bad.code).toBe(5);
    expect(bad.stderr).toContain('FAILED');
  });

  it('create | watch - follows the new run through a real pipe', async () => {
    const { code, stdout, stderr } = await run(`${SH_BIN} runs create --spec ${readySpec} -n 40 | ${SH_BIN} runs watch - --interval 50ms`, {
      env,
    });
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/Run [0-9a-f-]{36} SUCCEEDED: \d+\/40 done/);
  });

  it('draws a progress bar on a terminal, within its width', async () => {
    const slowEnv = envFor(slow);
    const spec = await readySpecOf(slowEnv);
    const id = (await runIn(['runs', 'create', '--spec', spec, '-n', '30'], { env: slowEnv })).stdout.trim();
    const { code, stderr } = await runIn(['runs', 'watch', id, '--interval', '100ms'], {
      env: slowEnv,
      tty: { stderr: true, columns: 100 },
    });
    expect(code).toBe(0);
    expect(stderr).toContain('\r\x1b[2K');
    expect(stderr).toMatch(/[█░]{24}/);
    expect(stderr).toMatch(/\d+\/30 done · \d+ failed/);
    expect(stderr).toMatch(/ETA \d+s/);
    expect(stderr).toContain('SUCCEEDED');
    for (const frame of stderr.split('\r\x1b[2K').slice(1, -1))
      expect([...frame.replace(/\x1b\[[0-9;]*m/g, '')].length, frame).toBeLessThan(100);
  });

  it('streams NDJSON progress events with --json and ends with the result', async () => {
    const slowEnv = envFor(slow);
    const id = (await runIn(['runs', 'create', '--spec', await readySpecOf(slowEnv), '-n', '20'], { env: slowEnv })).stdout.trim();
    const { code, stdout } = await runIn(['runs', 'watch', id, '--json', '--interval', '100ms'], { env: slowEnv });
    expect(code).toBe(0);
    const events = stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
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
    const id = (
      await runIn(['runs', 'create', '--spec', await readySpecOf(slowEnv), '-n', String(MAX_SAMPLES_PER_RUN)], { env: slowEnv })
    ).stdout.trim();
    const timedOut = await runIn(['runs', 'watch', id, '--timeout', '1s', '--interval', '100ms'], { env: slowEnv });
    expect(timedOut.code).toBe(8);
    expect(timedOut.stderr).toMatch(/still (PENDING|PROCESSING)/);
    expect(timedOut.stderr).toContain(`dataframer runs watch ${id}`);

    const canceled = await runIn(['runs', 'cancel', id], { env: slowEnv });
    expect(canceled.code).toBe(0);
    expect(canceled.stdout).toBe(`${id}\n`);
    const watched = await runIn(['runs', 'watch', id], { env: slowEnv });
    expect(watched.code).toBe(6);
    expect(watched.stderr).toContain('CANCELED');

    const again = await runIn(['runs', 'cancel', id], { env: slowEnv });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/400 Bad Request.*can no longer be canceled/);
  });

  it('--timeout bounds the calls of any command', async () => {
    const fault = fast.faults.add({ method: 'GET', path: '/runs/', kind: 'latency', ms: 3000 });
    try {
      const started = Date.now();
      const result = await runIn(['runs', 'list', '--timeout', '300ms'], { env });
      expect(result.code).toBe(1);
      expect(Date.now() - started).toBeLessThan(2500);
      expect(result.stderr, result.stderr).toMatch(
        /^error: .*did not finish within its \d+ ms deadline.* \(the limit set by --timeout 300ms\)\n$/,
      );
    } finally {
      fast.faults.remove(fault);
    }
  });
});

describe('spending guard', () => {
  let pricey: Sandbox;
  beforeAll(async () => {
    // Fast enough to spend a few dollars a second: 1,000 samples/s at $0.004 a sample.
    pricey = await startSandbox({ port: 0, seed: 5, speed: 200, failureRate: 0, pendingMs: 0 });
  });
  afterAll(async () => {
    await pricey?.stop();
  });

  it('runs watch --max-cost cancels the run once its cost passes the limit, exit 7, overshooting by at most one poll', async () => {
    const e = envFor(pricey);
    const intervalMs = 100;
    const id = (
      await runIn(['runs', 'create', '--spec', await readySpecOf(e), '-n', String(MAX_SAMPLES_PER_RUN)], { env: e })
    ).stdout.trim();
    const watched = await runIn(['runs', 'watch', id.slice(0, 8), '--max-cost', '3', '--interval', `${intervalMs}ms`, '--json'], {
      env: e,
    });
    expect(watched.code, watched.stderr).toBe(7);
    const events = watched.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    const last = events.at(-1);
    expect(last).toMatchObject({ type: 'cost_limit', id, max_cost: 3, canceled: true, exit_code: 7 });
    expect(last.total_cost).toBeGreaterThan(3);
    expect(watched.stderr).toMatch(new RegExp(`Run ${id} passed --max-cost \\$3\\.00 at \\$\\d+\\.\\d\\d and was canceled`));
    // Every poll before the last was within the limit; the last is the first over it.
    const polled = events.filter((ev) => ev.type === 'progress').map((ev) => ev.total_cost ?? 0);
    expect(polled.at(-1)).toBe(last.total_cost);
    const costs = polled.slice(0, -1);
    expect(costs.length).toBeGreaterThan(0);
    expect(
      costs.every((c) => c <= 3),
      JSON.stringify(polled),
    ).toBe(true);
    const record = pricey.runs('acme').find((r) => r.id === id)!;
    expect(record.run.status).toBe('CANCELED');
    // The sandbox's accrual, from its own record: the run processed from its creation (no PENDING time) until the cancel.
    const charged = record.run.total_cost as number;
    const dollarsPerMs = charged / (Date.parse(record.run.completed_at as string) - Date.parse(record.run.created_at as string));
    // The polls the server received; before the last one the SDK paused --interval grown by 1.5× per poll, at most 2.5 s
    // (the documented schedule).
    const polls = pricey.requests().filter((r) => r.method === 'GET' && r.path === `/api/dataframer/runs/${id}/`).length;
    expect(polls).toBe(polled.length);
    const pauseMs = Math.min(intervalMs * 1.5 ** (polls - 2), 2500);
    // One poll's worth of spending: its pause, plus its round trip, which on loopback stays within a pause.
    const onePoll = dollarsPerMs * pauseMs * 2;
    expect(last.total_cost - 3, `over by $${last.total_cost - 3} against one poll's $${onePoll}`).toBeLessThanOrEqual(onePoll);
    // What the server charged in the end: the last poll's cost plus what accrued while the cancel travelled.
    expect(charged - last.total_cost).toBeLessThanOrEqual(dollarsPerMs * pauseMs);
    expect((record.run.samples_completed as number) + (record.run.samples_failed as number)).toBeLessThan(MAX_SAMPLES_PER_RUN);
  });

  it('runs create --wait --max-cost does the same; --max-cost without --wait is refused before anything is created', async () => {
    const e = envFor(pricey);
    const spec = await readySpecOf(e);
    const before = pricey.runs('acme').length;
    const refused = await runIn(['runs', 'create', '--spec', spec, '-n', String(MAX_SAMPLES_PER_RUN), '--max-cost', '3'], { env: e });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--max-cost needs --wait');
    expect(pricey.runs('acme').length).toBe(before);
    const created = await runIn(
      ['runs', 'create', '--spec', spec, '-n', String(MAX_SAMPLES_PER_RUN), '--wait', '--max-cost', '2.5', '--interval', '100ms'],
      {
        env: e,
      },
    );
    expect(created.code, created.stderr).toBe(7);
    const id = created.stdout.trim();
    expect(pricey.runs('acme').find((r) => r.id === id)!.run.status).toBe('CANCELED');
    expect(created.stderr).toContain('passed --max-cost $2.50');
    for (const bad of ['0', '-1', 'lots']) expect((await runIn(['runs', 'watch', id, '--max-cost', bad], { env: e })).code, bad).toBe(2);
  });

  it('a run that already ended over the limit is reported, exit 7, and left as it is', async () => {
    const id = fast.runs('acme').find((r) => r.run.status === 'SUCCEEDED' && Number(r.run.total_cost ?? 0) > 0.05)!.id;
    const result = await runIn(['runs', 'watch', id, '--max-cost', '0.01'], { env });
    expect(result.code).toBe(7);
    expect(result.stderr).toMatch(new RegExp(`Run ${id} ended SUCCEEDED at \\$\\d+\\.\\d\\d, over --max-cost \\$0\\.01`));
  });
});

describe('interrupting', () => {
  it('Ctrl-C stops watching at once with exit 130 and says how to resume; the run goes on', async () => {
    const slowEnv = envFor(slow);
    const id = (
      await runIn(['runs', 'create', '--spec', await readySpecOf(slowEnv), '-n', String(MAX_SAMPLES_PER_RUN)], { env: slowEnv })
    ).stdout.trim();
    const child = spawn(process.execPath, [BIN, 'runs', 'watch', id, '--json'], {
      env: { PATH: process.env['PATH'] ?? '', ...slowEnv },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
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
    await runIn(['runs', 'cancel', id], { env: slowEnv });
  });

  it('the interrupt of the context stops an in-process watch the same way', async () => {
    const slowEnv = envFor(slow);
    const id = (
      await runIn(['runs', 'create', '--spec', await readySpecOf(slowEnv), '-n', String(MAX_SAMPLES_PER_RUN)], { env: slowEnv })
    ).stdout.trim();
    let interrupt: (() => void) | undefined;
    const pending = runIn(['runs', 'watch', id], { env: slowEnv, onInterruptReady: (fire) => (interrupt = fire) });
    await new Promise((resolve) => setTimeout(resolve, 300));
    interrupt!();
    const result = await pending;
    expect(result.code).toBe(130);
    expect(result.stderr).toContain(`Resume with: dataframer runs watch ${id}`);
    await runIn(['runs', 'cancel', id], { env: slowEnv });
  });
});

describe('runs delete', () => {
  async function newRun(): Promise<string> {
    return (await runIn(['runs', 'create', '--spec', readySpec, '-n', '5'], { env })).stdout.trim();
  }

  it('refuses without --yes when stdin is not a terminal', async () => {
    const id = await newRun();
    const { code, stderr } = await runIn(['runs', 'delete', id], { env });
    expect(code).toBe(2);
    expect(stderr).toContain('--yes');
    expect(fast.runs('acme').find((r) => r.id === id)!.deleted).toBe(false);
  });

  it('asks on a terminal, showing the run, and deletes only after yes', async () => {
    const id = await newRun();
    const tty = { ...env, DATAFRAMER_FORCE_TTY: '1' };
    const declined = await runIn(['runs', 'delete', id], { env: tty, input: 'n\n' });
    expect(declined.code).toBe(1);
    expect(declined.stderr).toContain('[y/N]');
    expect(declined.stderr).toMatch(
      /Delete run [0-9a-f-]{36} \((SUCCEEDED|PROCESSING|PENDING), Acme Corp support tickets, \d+ samples, \$\d+\.\d\d, created just now\)/,
    );
    expect(fast.runs('acme').find((r) => r.id === id)!.deleted).toBe(false);
    const accepted = await runIn(['runs', 'delete', id.slice(0, 10)], { env: tty, input: 'y\n' });
    expect(accepted.code).toBe(0);
    expect(fast.runs('acme').find((r) => r.id === id)!.deleted).toBe(true);
  });

  it('checks that the run exists before asking', async () => {
    const unknown = '00000000-0000-4000-8000-00000000dead';
    const result = await runIn(['runs', 'delete', unknown], { env: { ...env, DATAFRAMER_FORCE_TTY: '1', NO_COLOR: '1' }, input: 'y\n' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error: 404 Not Found/);
    expect(result.stderr).not.toContain('[y/N]');
    expect(fast.requests().some((r) => r.method === 'DELETE' && r.path.includes(unknown))).toBe(false);
  });

  it('deletes with --yes, then the id is unknown', async () => {
    const id = await newRun();
    const deleted = await runIn(['runs', 'delete', id, '--yes'], { env });
    expect(deleted.code).toBe(0);
    expect(deleted.stdout).toBe(`${id}\n`);
    expect((await runIn(['runs', 'get', id], { env })).code).toBe(1);
  });
});

describe('runs download and samples', () => {
  it('downloads the ZIP, checks its size and leaves no partial file', async () => {
    const id = (await runIn(['runs', 'create', '--spec', readySpec, '-n', '25', '--wait', '--interval', '50ms'], { env })).stdout.trim();
    const out = join(tempDir(), 'nested', 'dir');
    const first = await runIn(['runs', 'download', id, '--out', out], { env });
    expect(first.code).toBe(0);
    const path = first.stdout.trim();
    expect(first.stdout).toBe(`${join(out, `run-${id}.zip`)}\n`);
    const size = statSync(path).size;
    expect(size).toBeGreaterThan(100);
    expect(fast.requests().some((r) => r.path.includes(`/runs/${id}/files/download/`) && r.status === 200)).toBe(true);
    expect(readdirSync(out)).toEqual([`run-${id}.zip`]);
    const again = await runIn(['runs', 'download', id, '--out', out], { env });
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('already downloaded');
  });

  it('resolves --out against the working directory', async () => {
    const id = fast.runs('acme').find((r) => r.run.status === 'SUCCEEDED')!.id;
    const cwd = tempDir();
    const result = await runIn(['runs', 'download', id, '-o', 'files'], { env, cwd });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(`${join(cwd, 'files', `run-${id}.zip`)}\n`);
  });

  it('--extract unpacks the files into run-<id>/, prints that path once and keeps no ZIP', async () => {
    const id = (await runIn(['runs', 'create', '--spec', readySpec, '-n', '12', '--wait', '--interval', '50ms'], { env })).stdout.trim();
    const out = tempDir();
    const result = await runIn(['runs', 'download', id, '--out', out, '--extract'], { env: { ...env, DATAFRAMER_FORCE_TTY: '1' } });
    expect(result.code, result.stderr).toBe(0);
    const dir = join(out, `run-${id}`);
    expect(result.stdout).toBe(`${dir}\n`);
    expect(readdirSync(out)).toEqual([`run-${id}`]);
    expect(readdirSync(dir).sort()).toEqual([
      'run_summary.json',
      'run_summary.json.metadata',
      'samples.jsonl',
      'samples.jsonl.metadata',
      'top_level.metadata',
    ]);
    expect(readFileSync(join(dir, 'samples.jsonl'), 'utf8').trimEnd().split('\n')).toHaveLength(12);
    expect(result.stderr).toMatch(/Extracted 5 files/);
    const again = await runIn(['runs', 'download', id, '--out', out, '--extract'], { env });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists; pass --force to replace it');
    const forced = await runIn(['runs', 'download', id, '--out', out, '-x', '--force'], { env });
    expect(forced.code).toBe(0);
    expect(readdirSync(out)).toEqual([`run-${id}`]);
  });

  it('draws a byte progress bar on a terminal and refuses a run without files', async () => {
    const id = (await runIn(['runs', 'create', '--spec', readySpec, '-n', '25', '--wait', '--interval', '50ms'], { env })).stdout.trim();
    const out = tempDir();
    const tty = await runIn(['runs', 'download', id, '-o', out], { env: { ...env, DATAFRAMER_FORCE_TTY: '1' } });
    expect(tty.code).toBe(0);
    expect(tty.stderr).toMatch(/Downloading run-.*\.zip/);
    expect(tty.stderr.match(/Saved /g)).toHaveLength(1);
    expect(tty.stdout).toBe(`${join(out, `run-${id}.zip`)}\n`);
    expect(existsSync(join(out, `run-${id}.zip`))).toBe(true);
    const failedRun = fast.runs('acme').find((r) => r.run.status === 'FAILED')!.id;
    const refused = await runIn(['runs', 'download', failedRun, '-o', out], { env });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/files can be downloaded only from a SUCCEEDED run/);
    expect(readdirSync(out).filter((f) => f.endsWith('.part'))).toEqual([]);
  });

  it('prints samples as NDJSON with offset and limit, says how many more there are, and rejects bad pages', async () => {
    const record = fast.runs('acme').find((r) => r.run.status === 'SUCCEEDED' && Number(r.run.samples_completed ?? 0) >= 10)!;
    const id = record.id;
    const total = record.run.samples_completed as number;
    const page = await runIn(['runs', 'samples', id, '--offset', '1', '--limit', '3'], { env });
    expect(page.code).toBe(0);
    const lines = page.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(typeof JSON.parse(line)).toBe('object');
    expect(page.stderr).toBe(`${total - 4} more samples: --offset 4 for the next page, or --all for every one.\n`);
    const tty = await runIn(['runs', 'samples', id, '--limit', '2'], { env: { ...env, DATAFRAMER_FORCE_TTY: '1' } });
    expect(tty.stderr).toContain(`Samples 1–2 of ${total} (run SUCCEEDED)`);
    const raw = JSON.parse((await runIn(['runs', 'samples', id, '--limit', '2', '--json'], { env })).stdout);
    expect(raw.returned_count).toBe(2);
    for (const args of [
      ['--limit', '0'],
      ['--limit', String(MAX_SAMPLES_PAGE + 1)],
      ['--offset', '-1'],
      ['--offset', 'x'],
      ['--all', '--json'],
    ]) {
      expect((await runIn(['runs', 'samples', id, ...args], { env })).code, args.join(' ')).toBe(2);
    }
  });

  it('--all streams every sample, page after page, and reports the run status', async () => {
    const id = (await runIn(['runs', 'create', '--spec', readySpec, '-n', '2500', '--wait', '--interval', '50ms'], { env })).stdout.trim();
    const before = fast.requests().length;
    const all = await runIn(['runs', 'samples', id, '--all'], { env, tty: { stderr: true } });
    expect(all.code, all.stderr).toBe(0);
    const lines = all.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(fast.runs('acme').find((r) => r.id === id)!.run.samples_completed as number);
    expect(lines.length).toBeGreaterThan(2000);
    expect(all.stderr).toBe(`${lines.length} samples from offset 0 (run SUCCEEDED)\n`);
    const pages = fast
      .requests()
      .slice(before)
      .filter((r) => r.path.includes('/samples/'));
    expect(pages.length).toBe(3);
    const rest = await runIn(['runs', 'samples', id, '--all', '--offset', '2400'], { env });
    expect(rest.stdout.trimEnd().split('\n')).toHaveLength(lines.length - 2400);
    expect(rest.stdout.trimEnd().split('\n')[0]).toBe(lines[2400]);
  });
});

describe('failures', () => {
  it('reports a 500 from the server as one line, exit 1', async () => {
    const fault = fast.faults.add({ method: 'GET', path: '/runs/', kind: 'server-error', status: 500 });
    try {
      const { code, stdout, stderr } = await runIn(['runs', 'list'], { env });
      expect(code).toBe(1);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/^error: 500 Internal Server Error from GET \/api\/dataframer\/runs\//);
      expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    } finally {
      fast.faults.remove(fault);
    }
  });

  it('reports a dropped connection with what to check, and the stack, mapped to the sources, only under --debug', async () => {
    const fault = fast.faults.add({ method: 'GET', path: '/runs/', kind: 'reset' });
    try {
      const plain = await runIn(['runs', 'list'], { env });
      expect(plain.code).toBe(1);
      expect(plain.stderr).toMatch(/^error: Could not reach Dataframer.*check/);
      expect(plain.stderr).not.toMatch(/\n\s+at /);
      const debug = await run(['runs', 'list', '--debug'], { env });
      expect(debug.code).toBe(1);
      expect(debug.stderr).toMatch(/\n\s+at /);
      expect(debug.stderr).toMatch(/\n\s+at .*\/src\/[\w/]+\.ts:\d+:\d+/);
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
    const { code, stderr } = await runIn(['runs', 'list'], { env: { ...env, DATAFRAMER_BASE_URL: `http://127.0.0.1:${port}` } });
    expect(code).toBe(1);
    expect(stderr).toMatch(new RegExp(`Could not reach Dataframer.*ECONNREFUSED.*check the base URL \\(http://127\\.0\\.0\\.1:${port}\\)`));
  });

  it('when a create may have happened: says so from the error fields, how to check, and the command that repeats it under the same key', async () => {
    const fault = fast.faults.add({ method: 'POST', path: '/runs/', kind: 'drop-after-act', nth: [1] });
    try {
      const first = await runIn(['runs', 'create', '--spec', readySpec, '--samples', '12', '--model', 'anthropic/claude-haiku-4-5'], {
        env,
      });
      expect(first.code).toBe(1);
      expect(first.stdout).toBe('');
      const retry = /(dataframer runs create .*--idempotency-key ([0-9a-f-]{36}))/.exec(first.stderr);
      expect(retry, first.stderr).not.toBeNull();
      const key = retry![2]!;
      const lines = first.stderr.trimEnd().split('\n');
      expect(lines[0]).toMatch(
        /^error: the create may or may not have started a run: .+, after \d+ attempts?\. It was not repeated automatically because runs cost money\.$/,
      );
      expect(lines[1]).toBe('Check first whether the run exists: dataframer runs list --since 1h');
      expect(lines[2]).toBe(
        `If it does not, repeat the create under the same Idempotency-Key ${key}; a server that honours Idempotency-Key answers with the run it already started instead of starting a second one:`,
      );
      expect(lines[3]).toBe(retry![1]);
      expect(first.stderr).not.toMatch(/\bsafe(ly)?\b/);
      const second = await runIn(retry![1]!.split(' ').slice(1), { env });
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
    const piped = await runIn(['specs', 'list'], { env });
    expect(piped.code).toBe(0);
    const rows = piped.stdout
      .trimEnd()
      .split('\n')
      .map((line) => line.split('\t'));
    expect(rows.length).toBeGreaterThanOrEqual(4);
    expect(rows.find((row) => row[0] === readySpec)![2]).toBe('SUCCEEDED');
    const tty = await runIn(['specs', 'list'], { env: { ...env, DATAFRAMER_FORCE_TTY: '1' } });
    expect(tty.stdout.split('\n')[0]).toMatch(/ID.*NAME.*STATUS.*VERSION.*DATASET.*UPDATED/);

    const one = await runIn(['specs', 'get', readySpec], { env });
    expect(one.code).toBe(0);
    const fields = Object.fromEntries(
      one.stdout
        .trimEnd()
        .split('\n')
        .map((line) => line.split('\t')),
    );
    expect(fields['id']).toBe(readySpec);
    expect(fields['status']).toBe('SUCCEEDED');
    const json = JSON.parse((await runIn(['specs', 'get', readySpec, '--json', 'name,versions'], { env })).stdout);
    expect(json.versions.length).toBeGreaterThanOrEqual(1);
    expect((await runIn(['specs', 'get', '00000000-0000-4000-8000-000000000000'], { env })).code).toBe(1);
    const fromStdin = await runIn(['specs', 'get', '-', '--json', 'id'], { env, input: readySpec });
    expect(JSON.parse(fromStdin.stdout).id).toBe(readySpec);
  });

  it('lists models with the default marked', async () => {
    const piped = await runIn(['models', 'list'], { env });
    expect(piped.code).toBe(0);
    const rows = piped.stdout
      .trimEnd()
      .split('\n')
      .map((line) => line.split('\t'));
    expect(rows.filter((row) => row[3] === 'true')).toHaveLength(1);
    const json = JSON.parse((await runIn(['models', 'list', '--json', 'id,default'], { env })).stdout);
    expect(json.find((m: { default: boolean }) => m.default).id).toBe('anthropic/claude-sonnet-4-6');
    const tty = await runIn(['models', 'list'], { env, tty: { stdout: true, columns: 60 } });
    for (const line of tty.stdout.trimEnd().split('\n')) expect([...line.replace(/\x1b\[[0-9;]*m/g, '')].length).toBeLessThanOrEqual(60);
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
