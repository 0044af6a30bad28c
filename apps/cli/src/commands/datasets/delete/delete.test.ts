import { describe, expect, it, vi } from 'vitest';
import { runIn } from '../../../../test/support/cli';
import { newDataset } from '../../../../test/support/datasets';
import { itPrintedNoKey, useSandbox } from '../../../../test/support/sandbox';

vi.setConfig({ testTimeout: 30_000 });

const sandbox = useSandbox({ seed: 7, speed: 1000, failureRate: 0 });

/** The deletes the sandbox received. */
const deletes = () => sandbox.sandbox.requests().filter((r) => r.method === 'DELETE').length;

/** Whether the dataset is still listed. */
const listed = async (id: string) =>
  JSON.parse((await runIn(['datasets', 'list', '--json', 'id'], { env: sandbox.env })).stdout).some((d: { id: string }) => d.id === id);

describe('datasets delete', () => {
  it('refuses without --yes when stdin is not a terminal, exit 2, deleting nothing', async () => {
    const id = await newDataset(sandbox.env, 'Kept tickets');
    const before = deletes();
    const { code, stderr } = await runIn(['datasets', 'delete', 'Kept tickets'], { env: sandbox.env });
    expect(code).toBe(2);
    expect(stderr).toBe(
      `error: refusing to delete dataset "Kept tickets" (${id}) without confirmation because stdin is not a terminal; pass --yes\n`,
    );
    expect(deletes()).toBe(before);
    expect(await listed(id)).toBe(true);
  });

  it('asks on a terminal, showing the dataset, and deletes only after yes, confirming on stderr', async () => {
    const id = await newDataset(sandbox.env, 'Asked tickets');
    const tty = { ...sandbox.env, DATAFRAMER_FORCE_TTY: '120', NO_COLOR: '1' };
    const declined = await runIn(['datasets', 'delete', id.slice(0, 8)], { env: tty, input: 'n\n' });
    expect(declined.code).toBe(1);
    expect(declined.stderr).toContain(
      `Delete dataset "Asked tickets" (${id}) (SINGLE_FILE, 1 file, created just now) and its files? This cannot be undone. [y/N] `,
    );
    expect(await listed(id)).toBe(true);
    const accepted = await runIn(['datasets', 'delete', 'Asked tickets'], { env: tty, input: 'y\n' });
    expect(accepted.code).toBe(0);
    expect(accepted.stdout).toBe(`${id}\n`);
    expect(accepted.stderr.split('[y/N] ')[1]).toBe(`✓ Deleted dataset "Asked tickets" (${id})\n`);
    expect(await listed(id)).toBe(false);
  });

  it('deletes with --yes, confirming on stderr even when it is not a terminal; then the dataset is unknown', async () => {
    const id = await newDataset(sandbox.env, 'Gone tickets');
    const result = await runIn(['datasets', 'delete', id, '--yes'], { env: sandbox.env });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${id}\n`);
    expect(result.stderr).toBe(`✓ Deleted dataset "Gone tickets" (${id})\n`);
    expect((await runIn(['datasets', 'get', id], { env: sandbox.env })).code).toBe(1);
  });
});

itPrintedNoKey(sandbox);
