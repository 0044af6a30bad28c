// The whole way from a CSV on disk to a ZIP of generated data, through the commands a user types, in order.
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runIn } from './support/cli';
import { csv } from './support/datasets';
import { itPrintedNoKey, useSandbox } from './support/sandbox';

vi.setConfig({ testTimeout: 60_000 });

const sandbox = useSandbox({ seed: 21, speed: 1000, failureRate: 0 });

describe('CSV on disk → dataset → spec → run → ZIP', () => {
  it('datasets create, specs create --dataset NAME --wait, runs create --wait, runs download; then everything is removed', async () => {
    const { env } = sandbox;
    const dir = mkdtempSync(join(tmpdir(), 'dataframer-journey-'));
    let runId = '';
    try {
      writeFileSync(join(dir, 'tickets.csv'), csv(12));
      const dataset = await runIn(['datasets', 'create', 'Journey tickets', 'tickets.csv'], { env, cwd: dir });
      expect(dataset.code, dataset.stderr).toBe(0);

      const spec = await runIn(['specs', 'create', 'Journey spec', '--dataset', 'Journey tickets', '--wait'], { env, cwd: dir });
      expect(spec.code, spec.stderr).toBe(0);
      const specId = spec.stdout.trim();
      const detail = JSON.parse((await runIn(['specs', 'get', specId, '--json', 'status,dataset_id'], { env })).stdout);
      expect(detail).toEqual({ status: 'SUCCEEDED', dataset_id: dataset.stdout.trim() });

      const run = await runIn(['runs', 'create', '--spec', 'Journey spec', '--samples', '3', '--wait', '--interval', '50ms'], {
        env,
        cwd: dir,
      });
      expect(run.code, run.stderr).toBe(0);
      runId = run.stdout.trim();

      const download = await runIn(['runs', 'download', runId, '--out', dir], { env, cwd: dir });
      expect(download.code, download.stderr).toBe(0);
      const zip = join(dir, `run-${runId}.zip`);
      expect(download.stdout).toBe(`${zip}\n`);
      expect(statSync(zip).size).toBeGreaterThan(0);
    } finally {
      if (runId) expect((await runIn(['runs', 'delete', runId, '--yes'], { env })).code).toBe(0);
      rmSync(dir, { recursive: true, force: true });
    }
    expect(existsSync(dir)).toBe(false);
    expect((await runIn(['runs', 'get', runId], { env })).code).toBe(1);
  });
});

itPrintedNoKey(sandbox);
