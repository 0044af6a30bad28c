import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FaultRule, Sandbox, SandboxRunRecord } from '@df/sandbox';
import { runCli, scratch, filesUnder, removeScratches, STACK_LINE, type CliResult } from './support/cli';
import { describeCounts, pool, sandbox, settled, usableSpecId, clientFor } from './support/sandbox';
import { recordSection } from './support/figures';
import { accountCreates } from './support/accountCreates';
import { startEchoServer } from './support/echoServer';
import { leaksOf } from './support/leaks';

// Issue 6 for the `dataframer` command: creates under faults without duplicates, random arguments,
// secrets with --debug, and tenant isolation. Every run is a real subprocess against the sandbox.
const CREATES = 60;
const CANARY = 'sk_test_CANARY_cli_4e8d21';
const SEED = Number(process.env['FC_SEED'] ?? 20261128);

let box: Sandbox;
let echo: { url: string; stop(): Promise<void> };
let specId: string;
const rows: Array<[string, string | number]> = [];

beforeAll(async () => {
  box = await sandbox({ seed: 67, tenants: [{ id: 'canary', keys: [CANARY] }] });
  echo = await startEchoServer();
  const client = clientFor(box);
  specId = await usableSpecId(client);
  await client.close();
});
afterAll(async () => {
  recordSection('7-cli', {
    order: 7,
    title: 'CLI (dataframer)',
    rows,
    notes: [`Every figure from real subprocesses of apps/cli; fast-check seed ${SEED}.`],
  });
  await echo?.stop();
  await box?.stop();
  removeScratches();
});

function envFor(dirs: { home: string; config: string }, key: string, baseUrl = box.url): Record<string, string> {
  return { HOME: dirs.home, DATAFRAMER_CONFIG_DIR: dirs.config, DATAFRAMER_API_KEY: key, DATAFRAMER_BASE_URL: baseUrl };
}

const CLI_FAULTS: FaultRule[] = [
  { method: 'POST', path: '/runs/', kind: 'drop-after-act', probability: 0.1 },
  { method: 'POST', path: '/runs/', kind: 'reset', probability: 0.1 },
  { method: 'POST', path: '/runs/', kind: 'server-error', status: 500, probability: 0.05 },
  { method: 'POST', path: '/runs/', kind: 'server-error', status: 502, probability: 0.05 },
  { method: 'POST', path: '/runs/', kind: 'server-error', status: 503, probability: 0.05 },
  { method: 'POST', path: '/runs/', kind: 'server-error', status: 503, retryAfter: 0, probability: 0.05 },
  { method: 'POST', path: '/runs/', kind: 'rate-limit', retryAfter: 0, probability: 0.1 },
];

describe('dataframer runs create under faults', () => {
  it(`${CREATES} creates with --idempotency-key: no duplicate, every run accounted for, every unknown outcome resolved by repeating the command`, async () => {
    const dirs = scratch();
    const env = envFor(dirs, box.keys.acme);
    for (const rule of CLI_FAULTS) box.faults.add(rule);
    box.faults.resetCounts();
    const calls = Array.from({ length: CREATES }, (_, i) => ({ key: `cli-create-${i}`, samples: (i % 9) + 1 }));
    const args = (c: { key: string; samples: number }) => [
      'runs',
      'create',
      '--spec',
      specId,
      '--samples',
      String(c.samples),
      '--idempotency-key',
      c.key,
    ];
    const results = await pool(calls, 4, (c) => runCli(args(c), { env, cwd: dirs.cwd }));
    box.faults.clear();
    const faults = describeCounts(box.faults.counts());
    await settled(box);

    const outcome = (r: CliResult, key: string) => {
      if (r.code === 0) return { kind: 'id' as const, id: r.stdout.trim() };
      if (/may or may not have started a run/.test(r.stderr) && r.stderr.includes(key)) return { kind: 'unknown' as const };
      if (/429|throttled/i.test(r.stderr)) return { kind: 'refused' as const };
      return { kind: 'other' as const, text: `${r.code} ${r.stderr}` };
    };
    const outcomes = results.map((r, i) => outcome(r, calls[i]!.key));
    expect(outcomes.filter((o) => o.kind === 'other')).toEqual([]);
    for (const r of results) expect(r.stderr).not.toMatch(STACK_LINE);

    const created = () => box.runs('acme').filter((r) => !r.seeded);
    const claims = () => ({
      answeredIds: outcomes.flatMap((o) => (o.kind === 'id' ? [o.id] : [])),
      unknownKeys: calls.filter((_, i) => outcomes[i]!.kind === 'unknown').map((c) => c.key),
    });
    const afterFaults = accountCreates(created(), claims());
    rows.push(
      ['creates', CREATES],
      ['faults injected', faults],
      [
        'answered with an id / unknown / refused',
        `${outcomes.filter((o) => o.kind === 'id').length} / ${outcomes.filter((o) => o.kind === 'unknown').length} / ${outcomes.filter((o) => o.kind === 'refused').length}`,
      ],
      ['duplicates after the faulted creates (runs beyond the first under one key)', afterFaults.duplicates],
      ['unaccounted runs after the faulted creates', afterFaults.unaccounted.length],
    );
    expect(afterFaults.duplicateGroups).toEqual([]);
    expect(afterFaults.unaccounted, 'runs that belong to no call').toEqual([]);
    const byKey = new Map<string, SandboxRunRecord[]>();
    for (const run of created()) byKey.set(run.idempotencyKey!, [...(byKey.get(run.idempotencyKey!) ?? []), run]);
    outcomes.forEach((o, i) => {
      const runs = byKey.get(calls[i]!.key) ?? [];
      if (o.kind === 'id') expect(runs.map((r) => r.id)).toEqual([o.id]);
      if (o.kind === 'refused') expect(runs).toEqual([]);
    });

    // Resolve each unknown outcome by running the same command again, faults off.
    const unknown = calls.filter((_, i) => outcomes[i]!.kind === 'unknown');
    const existing = new Map(created().map((r) => [r.idempotencyKey!, r.id]));
    let replayed = 0;
    const again = await pool(unknown, 4, (c) => runCli(args(c), { env, cwd: dirs.cwd }));
    again.forEach((r, i) => {
      expect(r.code, r.stderr).toBe(0);
      const before = existing.get(unknown[i]!.key);
      if (before !== undefined) {
        expect(r.stdout.trim()).toBe(before);
        replayed++;
      }
    });
    const resolved = accountCreates(created(), {
      answeredIds: [...claims().answeredIds, ...again.map((r) => r.stdout.trim())],
      unknownKeys: [],
    });
    rows.push(
      ['unknown resolved to the existing run / created now', `${replayed} / ${unknown.length - replayed}`],
      ['duplicates after resolving (runs beyond the first under one key)', resolved.duplicates],
      ['unaccounted runs after resolving', resolved.unaccounted.length],
    );
    expect(resolved.duplicateGroups).toEqual([]);
    expect(resolved.unaccounted).toEqual([]);
    const now = created();
    for (const c of unknown) expect(now.filter((r) => r.idempotencyKey === c.key)).toHaveLength(1);
  });
});

describe('dataframer given random arguments', () => {
  const WORDS = [
    'runs',
    'specs',
    'models',
    'auth',
    'completion',
    'list',
    'get',
    'view',
    'create',
    'watch',
    'cancel',
    'delete',
    'rm',
    'download',
    'samples',
    'login',
    'status',
    'logout',
    'bash',
    'zsh',
    'fish',
    'help',
    '--json',
    '--limit',
    '-L',
    '--status',
    '--since',
    '--sort',
    '--spec',
    '-n',
    '--samples',
    '--timeout',
    '--interval',
    '--offset',
    '--yes',
    '-y',
    '--out',
    '-o',
    '--force',
    '--idempotency-key',
    '--spec-version',
    '--model',
    '-m',
    '--seed-shuffling',
    '--skip-outline',
    '--max-examples',
    '--profile',
    '--no-color',
    '-w',
    '--wait',
    '--offline',
    '--no-verify',
    '-',
    '--',
    '-V',
    '-1',
    '0',
    '1e9',
    'NaN',
    '2h',
    '3d',
    '1w',
    'abc',
    '',
    ' ',
    '-created',
    'cost',
    'PENDING,DONE',
    '../..',
    '%2e%2e',
    '\u00e9',
    '--=',
  ];
  const token = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...WORDS) },
    {
      weight: 1,
      arbitrary: fc.string({ maxLength: 8 }).filter((s) => !s.startsWith('--base') && !s.startsWith('--debug') && !s.includes('\u0000')),
    },
    { weight: 1, arbitrary: fc.integer({ min: -5, max: 100_000 }).map(String) },
  );
  const EXIT_CODES = new Set([0, 1, 2, 4, 5, 6, 8]);

  it('always ends with a documented exit code, a message on failure, never a stack trace or a hang', async () => {
    const dirs = scratch();
    const env = envFor(dirs, box.keys.acme);
    const codes: Record<string, number> = {};
    let slowest = 0;
    // Half start with a real command, so parsing goes past the first word and into the values.
    const prefix = fc.constantFrom<string[]>(
      [],
      ['runs'],
      ['runs', 'list'],
      ['runs', 'get'],
      ['runs', 'create'],
      ['runs', 'samples'],
      ['runs', 'watch'],
      ['specs', 'get'],
      ['models', 'list'],
      ['auth', 'status'],
    );
    const cases = fc.sample(
      fc.tuple(prefix, fc.array(token, { minLength: 0, maxLength: 5 })).map(([head, tail]) => [...head, ...tail]),
      { seed: SEED, numRuns: 80 },
    );
    const results = await pool(cases, 2, (args) => runCli(args, { env, cwd: dirs.cwd, limitMs: 15_000 }));
    results.forEach((r, i) => {
      const shown = JSON.stringify(cases[i]);
      codes[String(r.code)] = (codes[String(r.code)] ?? 0) + 1;
      slowest = Math.max(slowest, r.ms);
      expect(r.signal, `${shown} hung`).toBeNull();
      expect(EXIT_CODES.has(r.code!), `${shown} exited ${r.code}: ${r.stderr}`).toBe(true);
      if (r.code !== 0) expect(r.stderr.trim().length, `${shown} failed without a message`).toBeGreaterThan(0);
      expect(r.stderr, `${shown} printed a stack trace`).not.toMatch(STACK_LINE);
      expect(r.stderr).not.toMatch(/TypeError|RangeError|ReferenceError|node:internal/);
    });
    rows.push([
      'random argument lists: exit codes',
      Object.entries(codes)
        .map(([c, n]) => `${c}: ${n}`)
        .join(', '),
    ]);
    rows.push(['random argument lists: slowest', `${slowest} ms`]);
  });

  it('exits 2 with a message for an unknown flag or command anywhere', async () => {
    const dirs = scratch();
    const env = envFor(dirs, box.keys.acme);
    const cases = fc.sample(
      fc.tuple(
        fc.constantFrom(['runs', 'list'], ['runs', 'create'], ['specs', 'get', 'x'], ['models', 'list'], ['auth', 'status'], ['runs']),
        fc.constantFrom('--zz-unknown', '--limit=abc', '-Q'),
        fc.nat({ max: 3 }),
      ),
      { seed: SEED, numRuns: 16 },
    );
    const results = await pool(cases, 2, ([base, bad, at]) =>
      runCli([...base.slice(0, at), bad, ...base.slice(at)], { env, cwd: dirs.cwd, limitMs: 15_000 }),
    );
    let twos = 0;
    results.forEach((r, i) => {
      expect(r.code, `${JSON.stringify(cases[i])}: ${r.stderr}`).toBe(2);
      expect(r.stderr.trim().length).toBeGreaterThan(0);
      expect(r.stderr).not.toMatch(STACK_LINE);
      twos++;
    });
    expect((await runCli(['runs', 'frobnicate'], { env, cwd: dirs.cwd })).code).toBe(2);
    rows.push(['usage errors answered with exit 2', `${twos + 1} / ${cases.length + 1}`]);
  });
});

describe('dataframer never shows the key, even with --debug', () => {
  it('every command, on success and on error paths: stdout, stderr and saved files (other than the config file)', async () => {
    const dirs = scratch();
    const env = envFor(dirs, CANARY);
    const run = async (
      args: string[],
      opts: { env?: Record<string, string>; stdin?: string; faults?: FaultRule[]; code?: number } = {},
    ) => {
      box.faults.clear();
      for (const rule of opts.faults ?? []) box.faults.add(rule);
      const result = await runCli(['--debug', ...args], {
        env: opts.env ?? env,
        cwd: dirs.cwd,
        ...(opts.stdin !== undefined && { stdin: opts.stdin }),
      });
      box.faults.clear();
      // Each command must really have taken the path it is meant to cover.
      expect(result.code, `${args.join(' ')}: ${result.stderr.slice(-400)}`).toBe(opts.code ?? 0);
      return { args, result };
    };
    const client = clientFor(box, { apiKey: CANARY });
    const ownSpec = await usableSpecId(client);
    // The canary company starts with no runs: make a finished one (a few runs end FAILED by design) and a long one.
    let done: { id?: string } | undefined;
    for (let i = 0; i < 6 && !done; i++) {
      const { id } = await client.runs.create({ spec_id: ownSpec, number_of_samples: 5 });
      const run = await client.runs.wait(id, { timeoutMs: 10_000, intervalMs: 20 });
      if (run.status === 'SUCCEEDED') done = run;
    }
    expect(done).toBeDefined();
    const doomed = (await client.runs.create({ spec_id: ownSpec, number_of_samples: 3 })).id;
    // Started just before it is cancelled, so it is still running whatever the commands before took.
    const startLive = async () => (await client.runs.create({ spec_id: ownSpec, number_of_samples: 20_000 })).id;
    const revoked = { ...env, DATAFRAMER_API_KEY: `${CANARY}_revoked` };
    const checks = [
      await run(['runs', 'list']),
      await run(['runs', 'list', '--json', 'id,status,total_cost']),
      await run(['runs', 'get', done!.id!, '--json', 'id,status,runtime_params']),
      await run(['runs', 'samples', done!.id!, '--limit', '3']),
      await run(['runs', 'create', '--spec', ownSpec, '--samples', '2', '--idempotency-key', 'cli-secret-1']),
      await run(['runs', 'create', '--spec', ownSpec, '--samples', '2', '--wait', '--timeout', '20s', '--json']),
      await run(['runs', 'watch', done!.id!, '--json']),
      await run(['runs', 'download', done!.id!, '--out', dirs.cwd]),
      await run(['runs', 'cancel', await startLive()]),
      await run(['runs', 'delete', doomed, '--yes']),
      await run(['specs', 'list']),
      await run(['specs', 'get', ownSpec, '--json', 'id,name,status']),
      await run(['models', 'list']),
      await run(['auth', 'status']),
      await run(['auth', 'login'], { env: { ...env, DATAFRAMER_API_KEY: '' }, stdin: CANARY }),
      await run(['auth', 'status'], { env: { ...env, DATAFRAMER_API_KEY: '' } }),
      // error paths
      await run(['runs', 'get', '00000000-0000-4000-8000-000000000404'], { code: 1 }),
      await run(['runs', 'list'], { env: revoked, code: 4 }),
      await run(['runs', 'list'], { faults: [{ kind: 'server-error', status: 500 }], code: 1 }),
      await run(['runs', 'list'], { faults: [{ kind: 'reset' }], code: 1 }),
      await run(['runs', 'list'], { faults: [{ kind: 'malformed-json' }], code: 1 }),
      await run(['runs', 'create', '--spec', ownSpec, '--samples', '1'], {
        faults: [{ method: 'POST', path: '/runs/', kind: 'drop-after-act' }],
        code: 1,
      }),
      await run(['runs', 'create', '--spec', ownSpec, '--samples', '0'], { code: 2 }),
      await run(['runs', 'list'], { env: { ...env, DATAFRAMER_BASE_URL: echo.url } }),
      await run(['runs', 'get', 'echo-401'], { env: { ...env, DATAFRAMER_BASE_URL: echo.url }, code: 4 }),
      await run(['runs', 'get', 'echo-500-malformed'], { env: { ...env, DATAFRAMER_BASE_URL: echo.url }, code: 1 }),
      await run(['runs', 'list'], { env: { ...env, DATAFRAMER_BASE_URL: 'http://example.invalid' }, code: 1 }),
      await run(['auth', 'logout'], { env: { ...env, DATAFRAMER_API_KEY: '' } }),
    ];
    await client.close();
    const failures: string[] = [];
    for (const { args, result } of checks) {
      const leaks = leaksOf([result.stdout, result.stderr], 'CANARY');
      if (leaks.length > 0) failures.push(`${args.join(' ')}: ${leaks.join(' | ')}`);
    }
    // Files the commands saved: the ZIP, and anything else, except the config file that stores the key on purpose.
    const saved = filesUnder(dirs.home).filter((f) => !f.startsWith(dirs.config));
    for (const file of saved) {
      if (readFileSync(file).toString('latin1').includes('CANARY')) failures.push(`saved file ${file}`);
    }
    expect(checks.some(({ result }) => /\[debug\]/.test(result.stderr))).toBe(true);
    expect(failures).toEqual([]);
    rows.push([
      '--debug runs checked for the key (stdout, stderr, saved files)',
      `${checks.length} commands, ${saved.length} files, ${failures.length} leaks`,
    ]);
  });
});

describe('dataframer keeps tenants apart', () => {
  it("acme's key on globex's runs and specs: non-zero exit and a not-found message for every command", async () => {
    const dirs = scratch();
    const env = envFor(dirs, box.keys.acme);
    const theirs = box
      .runs('globex')
      .filter((r) => r.seeded)
      .slice(0, 3)
      .map((r) => r.id);
    const globex = clientFor(box, { apiKey: box.keys.globex });
    const theirSpec = (await globex.specs.list())[0]!.id!;
    await globex.close();
    const commands = theirs.flatMap((id) => [
      ['runs', 'get', id],
      ['runs', 'cancel', id],
      ['runs', 'delete', id, '--yes'],
      ['runs', 'samples', id],
      ['runs', 'watch', id, '--timeout', '3s'],
      ['runs', 'download', id, '--out', dirs.cwd, '--timeout', '3s'],
    ]);
    commands.push(['specs', 'get', theirSpec]);
    const before = JSON.stringify(box.runs('globex').map((r) => [r.id, r.deleted, r.run['status'] === 'CANCELED']));
    const results = await pool(commands, 4, (args) => runCli(args, { env, cwd: dirs.cwd }));
    results.forEach((r, i) => {
      expect(r.code, `${commands[i]!.join(' ')}: ${r.stderr}`).not.toBe(0);
      expect(r.stderr, commands[i]!.join(' ')).toMatch(/not found/i);
    });
    expect(JSON.stringify(box.runs('globex').map((r) => [r.id, r.deleted, r.run['status'] === 'CANCELED']))).toBe(before);
    rows.push(['cross-tenant commands answered not found', `${results.length} / ${commands.length}`]);
  });
});
