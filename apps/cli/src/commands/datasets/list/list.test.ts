import { describe, expect, it, vi } from 'vitest';
import { plain, runIn } from '../../../../test/support/cli';
import { newDataset } from '../../../../test/support/datasets';
import { itPrintedNoKey, useSandbox } from '../../../../test/support/sandbox';

vi.setConfig({ testTimeout: 30_000 });

const sandbox = useSandbox({ seed: 7, speed: 1000, failureRate: 0 });

/** A name that fills most of a 60-column row: the table must give way around it. */
const LONG_NAME = 'Spring help-desk export, tickets';

/** The dataset with the long name, uploaded once for the three widths. */
let made: Promise<{ id: string }> | undefined;
const described = () =>
  (made ??= newDataset(sandbox.env, LONG_NAME, 'A description long enough that it has to give way on a narrow terminal').then((id) => ({
    id,
  })));

describe('datasets list', () => {
  it('prints one tab-separated row per dataset when piped, with the same ids as --json', async () => {
    const { env } = sandbox;
    const id = await newDataset(env, 'Listed tickets', 'Three rows');
    const piped = await runIn(['datasets', 'list'], { env });
    expect(piped.code).toBe(0);
    const rows = piped.stdout
      .trimEnd()
      .split('\n')
      .map((line) => line.split('\t'));
    const json = JSON.parse((await runIn(['datasets', 'list', '--json', 'id,name,dataset_type,file_count'], { env })).stdout);
    expect(rows.map((row) => row[0])).toEqual(json.map((d: { id: string }) => d.id));
    const row = rows.find((r) => r[0] === id);
    expect(row?.slice(1, 4)).toEqual(['Listed tickets', 'SINGLE_FILE', '1']);
    expect(row?.[6]).toBe('Three rows');
    expect(json.find((d: { id: string }) => d.id === id)).toEqual({
      id,
      name: 'Listed tickets',
      dataset_type: 'SINGLE_FILE',
      file_count: 1,
    });
  });

  it.each([60, 80, 120])(
    'on a %i-column terminal: the id prefix and the whole name of every dataset, and the table within the width',
    async (width) => {
      const { env } = sandbox;
      const id = (await described()).id;
      const { code, stdout } = await runIn(['datasets', 'list'], { env: { ...env, DATAFRAMER_FORCE_TTY: String(width) } });
      expect(code).toBe(0);
      const lines = plain(stdout).trimEnd().split('\n');
      // Narrow, the optional columns go, the rightmost first, rather than be cut: at 60 only the type is left beside the name.
      expect(lines[0]).toMatch(width === 60 ? /^ID {2,}NAME {2,}TYPE$/ : /^ID {2,}NAME {2,}TYPE {2,}FILES/);
      const names = JSON.parse((await runIn(['datasets', 'list', '--json', 'id,name'], { env })).stdout) as Array<{
        id: string;
        name: string;
      }>;
      expect(lines).toHaveLength(names.length + 1);
      for (const dataset of names) {
        const line = lines.find((l) => l.startsWith(dataset.id.slice(0, 8)));
        expect(line, dataset.name).toContain(`  ${dataset.name}  `);
      }
      for (const line of lines) expect([...line].length, line).toBeLessThanOrEqual(width);
      const ours = lines.find((l) => l.startsWith(id.slice(0, 8))) ?? '';
      // At 120 columns there is room for everything; narrower, the description goes or is cut first.
      if (width === 120) expect(lines[0]).toContain('DESCRIPTION');
      expect(ours).toMatch(/ {2}SINGLE_FILE( {2}|$)/);
    },
  );
});

itPrintedNoKey(sandbox);
