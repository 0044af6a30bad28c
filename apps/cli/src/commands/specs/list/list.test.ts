import { describe, expect, it, vi } from 'vitest';
import { runIn } from '../../../../test/support/cli';
import { found, itPrintedNoKey, useSandbox } from '../../../../test/support/sandbox';

vi.setConfig({ testTimeout: 30_000 });

const sandbox = useSandbox({ seed: 7, speed: 1000, failureRate: 0 });

describe('specs list', () => {
  it('prints one tab-separated row per spec when piped, and a table with a header on a terminal', async () => {
    const { env, readySpec } = sandbox;
    const piped = await runIn(['specs', 'list'], { env });
    expect(piped.code).toBe(0);
    const rows = piped.stdout
      .trimEnd()
      .split('\n')
      .map((line) => line.split('\t'));
    const ids = JSON.parse((await runIn(['specs', 'list', '--json', 'id'], { env })).stdout).map((spec: { id: string }) => spec.id);
    expect(rows.map((row) => row[0])).toEqual(ids);
    expect(
      found(
        rows.find((row) => row[0] === readySpec),
        'the ready spec',
      )[2],
    ).toBe('SUCCEEDED');
    const tty = await runIn(['specs', 'list'], { env: { ...env, DATAFRAMER_FORCE_TTY: '1' } });
    expect(tty.stdout.split('\n')[0]).toMatch(/ID.*NAME.*STATUS.*VERSION.*DATASET.*UPDATED/);
  });
});

itPrintedNoKey(sandbox);
