import { describe, expect, it, vi } from 'vitest';
import { plain, runIn } from '../../../../test/support/cli';
import { found, itPrintedNoKey, useSandbox } from '../../../../test/support/sandbox';

vi.setConfig({ testTimeout: 30_000 });

const sandbox = useSandbox({ seed: 7, speed: 1000, failureRate: 0 });

describe('models list', () => {
  it('lists models with the default marked, piped, as JSON and within a terminal of 60 columns', async () => {
    const { env } = sandbox;
    const piped = await runIn(['models', 'list'], { env });
    expect(piped.code).toBe(0);
    const rows = piped.stdout
      .trimEnd()
      .split('\n')
      .map((line) => line.split('\t'));
    expect(rows.filter((row) => row[3] === 'true')).toHaveLength(1);
    const json = JSON.parse((await runIn(['models', 'list', '--json', 'id,default'], { env })).stdout) as Array<{
      id: string;
      default: boolean;
    }>;
    expect(
      found(
        json.find((m) => m.default),
        'the default model',
      ).id,
    ).toBe('anthropic/claude-sonnet-4-6');
    const tty = await runIn(['models', 'list'], { env, tty: { stdout: true, columns: 60 } });
    for (const line of tty.stdout.trimEnd().split('\n')) expect([...plain(line)].length).toBeLessThanOrEqual(60);
  });
});

itPrintedNoKey(sandbox);
