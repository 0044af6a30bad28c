import { type AddressInfo, createServer } from 'node:net';
import { RUN_STATUSES } from '@df/core/constants';
import { describe, expect, it, vi } from 'vitest';
import { run, runIn } from '../../../../test/support/cli';
import { found, itPrintedNoKey, useSandbox } from '../../../../test/support/sandbox';

vi.setConfig({ testTimeout: 30_000 });

// Runs finish at once and never fail.
const fast = useSandbox({ seed: 7, speed: 1000, failureRate: 0 });

describe('runs list', () => {
  it('prints tab-separated exact values without colour or header when piped', async () => {
    const { code, stdout, stderr } = await runIn(['runs', 'list'], { env: fast.env });
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const rows = stdout
      .trimEnd()
      .split('\n')
      .map((line) => line.split('\t'));
    expect(rows.length).toBe(fast.sandbox.runs('acme').length);
    for (const row of rows) {
      expect(row).toHaveLength(8);
      expect(row[0]).toMatch(/^[0-9a-f-]{36}$/);
      expect(RUN_STATUSES).toContain(row[1]);
      expect(row[7]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
    }
    expect(stdout).not.toContain('\x1b[');
  });

  it('prints a coloured table with short ids and relative times on a terminal, fitted to its width', async () => {
    const { code, stdout } = await runIn(['runs', 'list'], { env: { ...fast.env, DATAFRAMER_FORCE_TTY: '1' } });
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/ID.*STATUS.*PROGRESS.*COST.*SPEC.*CREATED/);
    expect(stdout).toContain('\x1b[32mSUCCEEDED\x1b[39m');
    expect(stdout).toMatch(/\d+[mhd] ago|just now/);
    expect(stdout).toMatch(/\$\d+\.\d\d/);
    for (const line of lines.slice(1)) expect(line).toMatch(/^[0-9a-f]{8} {2}/);
    // The spec of each run by its short id, from the exact values.
    const specOf = new Map(
      (await runIn(['runs', 'list'], { env: fast.env })).stdout
        .trimEnd()
        .split('\n')
        .map((line) => line.split('\t'))
        .map((row) => [row[0]?.slice(0, 8), row[5] || row[6]]),
    );
    // Narrow, the optional SPEC and CREATED columns go, rightmost first; PROGRESS is the one cut. The id is never cut,
    // and a spec's name (what --spec takes) is shown whole or not at all.
    const headers: Record<number, string[]> = {
      60: ['ID', 'STATUS', 'PROGRESS', 'COST'],
      80: ['ID', 'STATUS', 'PROGRESS', 'COST', 'SPEC', 'CREATED'],
      120: ['ID', 'STATUS', 'PROGRESS', 'COST', 'SPEC', 'CREATED'],
    };
    for (const [width, header] of Object.entries(headers)) {
      const table = await runIn(['runs', 'list', '--no-color'], { env: fast.env, tty: { stdout: true, columns: Number(width) } });
      const [head = '', ...rows] = table.stdout.trimEnd().split('\n');
      expect(head.split(/ {2,}/), width).toEqual(header);
      expect(rows.length, width).toBe(specOf.size);
      for (const row of [head, ...rows]) expect([...row].length, `${width}: ${row}`).toBeLessThanOrEqual(Number(width));
      for (const row of rows) {
        const id = row.slice(0, 8);
        expect(specOf.has(id), `${width}: ${row}`).toBe(true);
        if (header.includes('SPEC')) expect(row, width).toContain(`  ${specOf.get(id)}  `);
      }
    }
    // At 80 columns the progress is what gives way.
    const eighty = await runIn(['runs', 'list', '--no-color'], { env: fast.env, tty: { stdout: true, columns: 80 } });
    expect(eighty.stdout).toMatch(/^[0-9a-f]{8} {2}\S+ +\d+ done \([^)]*… {2}\$/m);
    const wide = await runIn(['runs', 'list', '--no-color'], { env: fast.env, tty: { stdout: true, columns: 200 } });
    expect(wide.stdout).toContain('Acme Corp support tickets');
  });

  it('honours NO_COLOR and --no-color on a terminal', async () => {
    const tty = { ...fast.env, DATAFRAMER_FORCE_TTY: '1' };
    const noColorEnv = await runIn(['runs', 'list'], { env: { ...tty, NO_COLOR: '1' } });
    const noColorFlag = await runIn(['runs', 'list', '--no-color'], { env: tty });
    for (const result of [noColorEnv, noColorFlag]) {
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('SUCCEEDED');
      expect(result.stdout).not.toContain('\x1b[');
    }
  });

  it('filters by status, spec and age, sorts and limits on the client', async () => {
    const { env } = fast;
    const all = JSON.parse(
      (await runIn(['runs', 'list', '--json', 'id,status,spec_name,spec_id,total_cost,created_at'], { env })).stdout,
    ) as Array<Record<string, string | number | null>>;
    const failedOrCanceled = await runIn(['runs', 'list', '--status', 'failed,CANCELED', '--json', 'status'], { env });
    expect(
      JSON.parse(failedOrCanceled.stdout)
        .map((r: { status: string }) => r.status)
        .sort(),
    ).toEqual(['CANCELED', 'FAILED']);

    const first = found(all[0], 'a run');
    const specName = first['spec_name'] as string;
    const bySpecName = JSON.parse((await runIn(['runs', 'list', '--spec', specName, '--json', 'spec_name'], { env })).stdout);
    expect(bySpecName.length).toBe(all.filter((r) => r['spec_name'] === specName).length);
    const bySpecId = JSON.parse((await runIn(['runs', 'list', '--spec', first['spec_id'] as string, '--json', 'id'], { env })).stdout);
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
    const total = (await runIn(['runs', 'list'], { env: fast.env })).stdout.trimEnd().split('\n').length;
    const limited = await runIn(['runs', 'list', '-L', '2'], { env: fast.env });
    expect(limited.code).toBe(0);
    expect(limited.stdout.trimEnd().split('\n')).toHaveLength(2);
    expect(limited.stderr).toBe(`Showing 2 of ${total} runs; ${total - 2} more with --limit ${total}.\n`);
  });

  it('lists the JSON fields when --json has none, and rejects unknown ones', async () => {
    const bare = await runIn(['runs', 'list', '--json'], { env: fast.env });
    expect(bare.code).toBe(2);
    expect(bare.stdout).toBe('');
    expect(bare.stderr).toContain('samples_completed');
    const unknown = await runIn(['runs', 'list', '--json', 'id,nope'], { env: fast.env });
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
      const result = await runIn(['runs', 'list', ...args], { env: fast.env });
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(/^error: /);
      expect(result.stderr.split('\n').filter(Boolean).length).toBeLessThanOrEqual(3);
    }
    expect((await runIn(['runs', 'list', '--status', 'SUCEEDED'], { env: fast.env })).stderr).toContain('did you mean SUCCEEDED?');
  });

  it('passes an unknown status word through with a note, and shows unknown statuses as neutral words', async () => {
    const note = await runIn(['runs', 'list', '--status', 'running'], { env: fast.env });
    expect(note.code).toBe(0);
    expect(note.stdout).toBe('');
    expect(note.stderr.startsWith(`note: RUNNING is not a documented status (${RUN_STATUSES.join(', ')})`)).toBe(true);
    const fault = fast.sandbox.faults.add({ method: 'GET', path: '/runs/', kind: 'unknown-status', value: 'QUEUED_FOR_GPU' });
    try {
      const odd = await runIn(['runs', 'list', '--status', 'queued_for_gpu'], { env: { ...fast.env, DATAFRAMER_FORCE_TTY: '1' } });
      expect(odd.code).toBe(0);
      // Right after the short id and its gap, with no colour code before it.
      expect(odd.stdout).toMatch(/^[0-9a-f]{8} {2}QUEUED_FOR_GPU /m);
    } finally {
      fast.sandbox.faults.remove(fault);
    }
  });

  it('--timeout bounds the calls of any command', async () => {
    const fault = fast.sandbox.faults.add({ method: 'GET', path: '/runs/', kind: 'latency', ms: 3000 });
    try {
      const started = Date.now();
      const result = await runIn(['runs', 'list', '--timeout', '300ms'], { env: fast.env });
      expect(result.code).toBe(1);
      expect(Date.now() - started).toBeLessThan(2500);
      expect(result.stderr, result.stderr).toMatch(
        /^error: .*did not finish within its \d+ ms deadline.* \(the limit set by --timeout 300ms\)\n$/,
      );
    } finally {
      fast.sandbox.faults.remove(fault);
    }
  });
});

describe('runs list when the server fails', () => {
  it('reports a 500 from the server as one line, exit 1', async () => {
    const fault = fast.sandbox.faults.add({ method: 'GET', path: '/runs/', kind: 'server-error', status: 500 });
    try {
      const { code, stdout, stderr } = await runIn(['runs', 'list'], { env: fast.env });
      expect(code).toBe(1);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/^error: 500 Internal Server Error from GET \/api\/dataframer\/runs\//);
      expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    } finally {
      fast.sandbox.faults.remove(fault);
    }
  });

  it('reports a dropped connection with what to check, and the stack, mapped to the sources, only under --debug', async () => {
    const fault = fast.sandbox.faults.add({ method: 'GET', path: '/runs/', kind: 'reset' });
    try {
      const plain = await runIn(['runs', 'list'], { env: fast.env });
      expect(plain.code).toBe(1);
      expect(plain.stderr).toMatch(/^error: Could not reach Dataframer.*check/);
      expect(plain.stderr).not.toMatch(/\n\s+at /);
      const debug = await run(['runs', 'list', '--debug'], { env: fast.env });
      expect(debug.code).toBe(1);
      expect(debug.stderr).toMatch(/\n\s+at .*\/src\/[\w/]+\.ts:\d+:\d+/);
      expect(debug.stderr).toContain('[debug] → GET');
    } finally {
      fast.sandbox.faults.remove(fault);
    }
  });

  it('says what to check when nothing listens at the base URL', async () => {
    // A port that was just free: nothing listens there.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise((resolve) => probe.close(resolve));
    const { code, stderr } = await runIn(['runs', 'list'], { env: { ...fast.env, DATAFRAMER_BASE_URL: `http://127.0.0.1:${port}` } });
    expect(code).toBe(1);
    expect(stderr).toMatch(new RegExp(`Could not reach Dataframer.*ECONNREFUSED.*check the base URL \\(http://127\\.0\\.0\\.1:${port}\\)`));
  });
});

itPrintedNoKey(fast);
