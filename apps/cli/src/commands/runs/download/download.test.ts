import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runIn, tempDir } from '../../../../test/support/cli';
import { found, itPrintedNoKey, useSandbox } from '../../../../test/support/sandbox';

vi.setConfig({ testTimeout: 30_000 });

// Runs finish at once and never fail.
const fast = useSandbox({ seed: 7, speed: 1000, failureRate: 0 });

/** Starts a run of `samples` samples, waits until it ends, and returns its id. */
async function finishedRun(samples: number): Promise<string> {
  const args = ['runs', 'create', '--spec', fast.readySpec, '-n', String(samples), '--wait', '--interval', '50ms'];
  return (await runIn(args, { env: fast.env })).stdout.trim();
}

/** A run of the sandbox's acme company with the status given. */
const runWithStatus = (status: string) =>
  found(
    fast.sandbox.runs('acme').find((r) => r.run.status === status),
    `a ${status} run`,
  ).id;

describe('runs download', () => {
  it('downloads the ZIP, checks its size and leaves no partial file', async () => {
    const id = await finishedRun(25);
    const out = join(tempDir(), 'nested', 'dir');
    const first = await runIn(['runs', 'download', id, '--out', out], { env: fast.env });
    expect(first.code).toBe(0);
    expect(first.stdout).toBe(`${join(out, `run-${id}.zip`)}\n`);
    expect(statSync(first.stdout.trim()).size).toBeGreaterThan(100);
    expect(fast.sandbox.requests().some((r) => r.path.includes(`/runs/${id}/files/download/`) && r.status === 200)).toBe(true);
    expect(readdirSync(out)).toEqual([`run-${id}.zip`]);
    const again = await runIn(['runs', 'download', id, '--out', out], { env: fast.env });
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('already downloaded');
  });

  it('resolves --out against the working directory', async () => {
    const id = runWithStatus('SUCCEEDED');
    const cwd = tempDir();
    const result = await runIn(['runs', 'download', id, '-o', 'files'], { env: fast.env, cwd });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(`${join(cwd, 'files', `run-${id}.zip`)}\n`);
  });

  it('--extract unpacks the files into run-<id>/, prints that path once and keeps no ZIP', async () => {
    const id = await finishedRun(12);
    const out = tempDir();
    const result = await runIn(['runs', 'download', id, '--out', out, '--extract'], { env: { ...fast.env, DATAFRAMER_FORCE_TTY: '1' } });
    expect(result.code, result.stderr).toBe(0);
    const dir = join(out, `run-${id}`);
    // A terminal showing both streams is told once, on stderr; a pipe gets the path (below).
    expect(result.stdout).toBe('');
    expect(result.stderr.split(dir)).toHaveLength(2);
    expect(readdirSync(out)).toEqual([`run-${id}`]);
    const files = readdirSync(dir).sort();
    expect(files).toEqual([
      'run_summary.json',
      'run_summary.json.metadata',
      'samples.jsonl',
      'samples.jsonl.metadata',
      'top_level.metadata',
    ]);
    expect(readFileSync(join(dir, 'samples.jsonl'), 'utf8').trimEnd().split('\n')).toHaveLength(12);
    expect(result.stderr).toContain(`Extracted ${files.length} files`);
    const again = await runIn(['runs', 'download', id, '--out', out, '--extract'], { env: fast.env });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists; pass --force to replace it');
    const forced = await runIn(['runs', 'download', id, '--out', out, '-x', '--force'], { env: fast.env });
    expect(forced.code).toBe(0);
    expect(forced.stdout).toBe(`${dir}\n`);
    expect(readdirSync(out)).toEqual([`run-${id}`]);
  });

  it('draws a byte progress bar on a terminal and refuses a run without files', async () => {
    const id = await finishedRun(25);
    const out = tempDir();
    const tty = await runIn(['runs', 'download', id, '-o', out], { env: { ...fast.env, DATAFRAMER_FORCE_TTY: '1' } });
    expect(tty.code).toBe(0);
    expect(tty.stderr).toMatch(/Downloading run-.*\.zip/);
    // The line wraps between words on a terminal: a long path may start on the next row.
    expect(tty.stderr.match(/Saved\s/g)).toHaveLength(1);
    // On a terminal that shows both streams the save is said once, on stderr; a pipe still gets the path.
    expect(tty.stdout).toBe('');
    const piped = await runIn(['runs', 'download', id, '-o', out], { env: fast.env });
    expect(piped.stdout).toBe(`${join(out, `run-${id}.zip`)}\n`);
    expect(existsSync(join(out, `run-${id}.zip`))).toBe(true);
    const refused = await runIn(['runs', 'download', runWithStatus('FAILED'), '-o', out], { env: fast.env });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/files can be downloaded only from a SUCCEEDED run/);
    expect(readdirSync(out).filter((f) => f.endsWith('.part'))).toEqual([]);
  });
});

itPrintedNoKey(fast);
