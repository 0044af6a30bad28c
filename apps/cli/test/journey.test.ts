// The whole way from a CSV on disk to a ZIP of generated data, through the commands a user types, in order.
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { BIN, runIn } from './support/cli';
import { csv } from './support/datasets';
import { found, itPrintedNoKey, useSandbox } from './support/sandbox';

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

/** The first ```sh block after `heading` in the repository's README: the commands a reader copies. */
function readmeBlock(heading: string): string {
  const readme = readFileSync(fileURLToPath(new URL('../../../README.md', import.meta.url)), 'utf8');
  const from = readme.indexOf(heading);
  expect(from, `README has a section "${heading}"`).toBeGreaterThan(-1);
  const block = /```sh\n([\s\S]*?)```/.exec(readme.slice(from));
  return found(block?.[1], `a sh block under "${heading}"`);
}

describe("the README's journey, as a reader runs it", () => {
  it('runs line by line in a shell from a folder holding tickets.csv, and ends with the ZIP in ./data', async () => {
    const script = readmeBlock('### From a CSV on disk to an evaluated run');
    const dir = mkdtempSync(join(tmpdir(), 'dataframer-readme-journey-'));
    try {
      // `dataframer` on the PATH is the built bin, as after `npm install -g`.
      const bin = join(dir, 'bin');
      mkdirSync(bin);
      writeFileSync(join(bin, 'dataframer'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
      chmodSync(join(bin, 'dataframer'), 0o755);
      const work = join(dir, 'work');
      mkdirSync(work);
      writeFileSync(join(work, 'tickets.csv'), csv(12));
      // Asynchronously: the sandbox answers from this process.
      const shell = spawn('sh', ['-e', '-c', script], {
        cwd: work,
        env: { ...sandbox.env, PATH: `${bin}${delimiter}${process.env['PATH']}` },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      shell.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      shell.stdout.resume();
      const status = await new Promise<number | null>((done) => shell.once('close', done));
      const result = { status, stderr };
      expect(result.status, result.stderr).toBe(0);
      const zips = readdirSync(join(work, 'data'));
      expect(zips).toHaveLength(1);
      expect(zips[0]).toMatch(/^run-[0-9a-f-]{36}\.zip$/);
      expect(
        readFileSync(join(work, 'data', zips[0]!))
          .subarray(0, 2)
          .toString(),
      ).toBe('PK');
      // The gate ran: the run was evaluated and its score passed --min-score.
      expect(result.stderr).toMatch(/Evaluation \S+ SUCCEEDED: score [\d.]+\/100, at least --min-score 80\b/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

itPrintedNoKey(sandbox);
