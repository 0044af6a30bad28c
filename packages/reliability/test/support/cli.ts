import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const manifestPath = require.resolve('@df/cli/package.json');
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { bin: Record<string, string> };
/** The built `dataframer` command (apps/cli, built by turbo before this suite because it is a dependency). */
const CLI = join(dirname(manifestPath), manifest.bin['dataframer']!);

export interface CliResult {
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  ms: number;
}

const scratches: string[] = [];

/** A fresh HOME, config dir and working directory, so a run of the command can write nowhere else. */
export function scratch(): { home: string; config: string; cwd: string } {
  const home = mkdtempSync(join(tmpdir(), 'df-reliability-'));
  scratches.push(home);
  return { home, config: join(home, 'config'), cwd: home };
}

/** Removes every directory `scratch()` made. */
export function removeScratches(): void {
  for (const dir of scratches.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Runs the command with only the environment given (never the caller's), killed after `limitMs`. */
export function runCli(
  args: string[],
  options: { env: Record<string, string>; cwd: string; stdin?: string; limitMs?: number },
): Promise<CliResult> {
  const started = Date.now();
  return new Promise((resolve) => {
    const proc = spawn(process.execPath, [CLI, ...args], {
      cwd: options.cwd,
      env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (d: Buffer) => (stdout += d));
    proc.stderr.on('data', (d: Buffer) => (stderr += d));
    proc.stdin.on('error', () => {});
    proc.stdin.end(options.stdin ?? '');
    const killer = setTimeout(() => proc.kill('SIGKILL'), options.limitMs ?? 20_000);
    proc.on('close', (code, signal) => {
      clearTimeout(killer);
      resolve({ code, signal, stdout, stderr, ms: Date.now() - started });
    });
  });
}

/** Every file under `dir` (bounded depth), for looking for secrets in what the command saved. */
export function filesUnder(dir: string, depth = 4): string[] {
  if (depth < 0) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path, depth - 1) : [path];
  });
}

/** A stack trace line, as Node prints them. */
export const STACK_LINE = /^\s+at .+(\(.*:\d+:\d+\)|:\d+:\d+)$/m;
