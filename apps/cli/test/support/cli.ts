import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The built bin; the tests drive it as a subprocess, exactly as users do. */
export const BIN = fileURLToPath(new URL('../../dist/dataframer.js', import.meta.url));

/** Everything every run printed, so a file's last test can check that no key ever leaked. */
export const transcript: string[] = [];

export interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  env?: Record<string, string | undefined>;
  input?: string;
  /** A shell command line instead of argv (for pipes between two CLI processes). */
  shell?: boolean;
}

/** A fresh, empty config directory. */
export function tempDir(prefix = 'dataframer-cli-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Runs the CLI asynchronously (the in-process sandbox must keep answering) and collects its output. */
export function run(args: string[] | string, options: RunOptions = {}): Promise<Result> {
  const env: Record<string, string> = { PATH: process.env['PATH'] ?? '', HOME: tempDir('dataframer-home-') };
  for (const [key, value] of Object.entries(options.env ?? {})) if (value !== undefined) env[key] = value;
  const child =
    typeof args === 'string'
      ? spawn('sh', ['-c', args], { env, stdio: 'pipe' })
      : spawn(process.execPath, [BIN, ...args], { env, stdio: 'pipe' });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdin.on('error', () => {});
  child.stdin.end(options.input ?? '');
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => {
      transcript.push(stdout, stderr);
      resolve({ code, stdout, stderr });
    });
  });
}

/** The command line of the built bin, for shell pipelines. */
export const SH_BIN = `"${process.execPath}" "${BIN}"`;
