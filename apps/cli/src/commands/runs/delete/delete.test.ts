import { describe, expect, it, vi } from 'vitest';
import { runIn } from '../../../../test/support/cli';
import { found, itPrintedNoKey, useSandbox } from '../../../../test/support/sandbox';

vi.setConfig({ testTimeout: 30_000 });

// Runs finish at once and never fail.
const fast = useSandbox({ seed: 7, speed: 1000, failureRate: 0 });

/** Starts a small run and returns its id. */
async function newRun(): Promise<string> {
  return (await runIn(['runs', 'create', '--spec', fast.readySpec, '-n', '5'], { env: fast.env })).stdout.trim();
}

/** Whether the sandbox holds the run as deleted. */
const deleted = (id: string) =>
  found(
    fast.sandbox.runs('acme').find((r) => r.id === id),
    `the run ${id}`,
  ).deleted;

describe('runs delete', () => {
  it('refuses without --yes when stdin is not a terminal', async () => {
    const id = await newRun();
    const { code, stderr } = await runIn(['runs', 'delete', id], { env: fast.env });
    expect(code).toBe(2);
    expect(stderr).toContain('--yes');
    expect(deleted(id)).toBe(false);
  });

  it('asks on a terminal, showing the run, and deletes only after yes', async () => {
    const id = await newRun();
    const tty = { ...fast.env, DATAFRAMER_FORCE_TTY: '1' };
    const declined = await runIn(['runs', 'delete', id], { env: tty, input: 'n\n' });
    expect(declined.code).toBe(1);
    expect(declined.stderr).toContain('[y/N]');
    expect(declined.stderr).toMatch(
      /Delete run [0-9a-f-]{36} \((SUCCEEDED|PROCESSING|PENDING), Acme Corp support tickets, \d+ samples, \$\d+\.\d\d, created just now\)/,
    );
    expect(deleted(id)).toBe(false);
    const accepted = await runIn(['runs', 'delete', id.slice(0, 10)], { env: tty, input: 'y\n' });
    expect(accepted.code).toBe(0);
    expect(deleted(id)).toBe(true);
  });

  it('checks that the run exists before asking', async () => {
    const unknown = '00000000-0000-4000-8000-00000000dead';
    const result = await runIn(['runs', 'delete', unknown], {
      env: { ...fast.env, DATAFRAMER_FORCE_TTY: '1', NO_COLOR: '1' },
      input: 'y\n',
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error: 404 Not Found/);
    expect(result.stderr).not.toContain('[y/N]');
    expect(fast.sandbox.requests().some((r) => r.method === 'DELETE' && r.path.includes(unknown))).toBe(false);
  });

  it('deletes with --yes, then the id is unknown', async () => {
    const id = await newRun();
    const result = await runIn(['runs', 'delete', id, '--yes'], { env: fast.env });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${id}\n`);
    expect((await runIn(['runs', 'get', id], { env: fast.env })).code).toBe(1);
  });
});

itPrintedNoKey(fast);
