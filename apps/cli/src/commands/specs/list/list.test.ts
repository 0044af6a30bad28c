import { describe, expect, it, vi } from 'vitest';
import { plain, runIn } from '../../../../test/support/cli';
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
    // On a terminal: a header; narrow, the optional columns go, the rightmost first, and the names stay whole.
    for (const [width, header] of [
      [60, 'ID NAME STATUS VERSION'],
      [80, 'ID NAME STATUS VERSION DATASET'],
      [120, 'ID NAME STATUS VERSION DATASET UPDATED'],
    ] as const) {
      const tty = await runIn(['specs', 'list'], { env: { ...env, DATAFRAMER_FORCE_TTY: String(width) } });
      const [head = '', ...lines] = tty.stdout.trimEnd().split('\n');
      expect(plain(head).split(/ +/), String(width)).toEqual(header.split(' '));
      expect(lines.map((line) => line.slice(0, 8))).toEqual(ids.map((id: string) => id.slice(0, 8)));
      for (const [i, row] of rows.entries()) expect(lines[i], String(width)).toContain(`  ${row[1]}  `);
    }
  });
});

itPrintedNoKey(sandbox);
