import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('../../../scripts/demo.mjs', import.meta.url));
const out = mkdtempSync(join(tmpdir(), 'df-demo-out-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('npm run demo (scripts/demo.mjs)', () => {
  it('explains each step, keeps the ZIP where it says, and ends with what to try next', () => {
    // The workspace is built before tests run; the install-and-build step is covered by npm run demo itself.
    const result = spawnSync(process.execPath, [script, '--no-setup', '--out', out], {
      encoding: 'utf8',
      timeout: 120_000,
      env: { ...process.env, NO_COLOR: '1', DATAFRAMER_FORCE_TTY: '' },
    });
    const output = result.stdout + result.stderr;
    expect(result.status, output).toBe(0);
    const steps = result.stdout.split('\n').filter((line) => line.startsWith('▸ '));
    expect(steps.length).toBeGreaterThanOrEqual(6);
    for (const command of ['runs list', 'runs create', 'runs watch', 'runs download'])
      expect(result.stdout).toContain(`$ dataframer ${command}`);
    const saved = /saved (\S+\.zip) \(\d+ kB\)/.exec(result.stdout);
    expect(saved, result.stdout).not.toBeNull();
    expect(saved![1]!.startsWith(out)).toBe(true);
    expect(readFileSync(saved![1]!).subarray(0, 2).toString()).toBe('PK');
    const next = result.stdout.slice(result.stdout.indexOf('\nNext:'));
    expect(next).toContain('npm run dashboard');
    expect(next).toContain('npm run sandbox');
    expect(output).not.toMatch(/\bWARN\b|ERR_PNPM|ELIFECYCLE|deprecated|demo failed/);
    // Piped into a log, nothing is drawn for a terminal (no redrawn lines, no cursor codes) and the save is said once.
    expect(output).not.toMatch(/\r|\u001b\[/);
    expect(output.match(/\bsaved\b/gi)).toHaveLength(1);
  });
});
