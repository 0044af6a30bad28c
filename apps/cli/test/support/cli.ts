import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { createClient, createNodeFetch } from '@df/node';
import { afterAll } from 'vitest';
import type { Context } from '../../src/context';
import { main } from '../../src/main';

/** The built bin; end-to-end tests drive it as a subprocess, exactly as users do. */
export const BIN = fileURLToPath(new URL('../../dist/dataframer.cjs', import.meta.url));

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

/** The directories `tempDir` made for the test file that loaded this module. */
const made: string[] = [];

/** Removes a directory `tempDir` made, with everything in it. */
function remove(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

// vitest loads this module afresh for each test file, and a hook registered while a file loads is that file's: every
// directory made here is gone once the file's last test has run.
afterAll(() => {
  for (const dir of made.splice(0)) remove(dir);
});

/** A fresh, empty directory in the OS temp folder, removed after the test file's last test. */
export function tempDir(prefix = 'dataframer-cli-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Runs the built bin as a subprocess (the in-process sandbox keeps answering) and collects its output. */
export function run(args: string[] | string, options: RunOptions = {}): Promise<Result> {
  const home = tempDir('dataframer-home-');
  const env: Record<string, string> = { PATH: process.env['PATH'] ?? '', HOME: home };
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
    child.once('error', (error) => {
      remove(home);
      reject(error);
    });
    child.once('close', (code) => {
      remove(home);
      transcript.push(stdout, stderr);
      resolve({ code, stdout, stderr });
    });
  });
}

/** A text without its colour codes. */
export function plain(text: string): string {
  return text.replace(/\x1b\[[0-9;]*m/g, '');
}

/** The command line of the built bin, for shell pipelines. */
export const SH_BIN = `"${process.execPath}" "${BIN}"`;

export interface InProcessOptions {
  env?: Record<string, string | undefined>;
  input?: string;
  cwd?: string;
  /** Which streams are terminals, and stdout's width. */
  tty?: { stdout?: boolean; stderr?: boolean; stdin?: boolean; columns?: number };
  /** Replaces the clock (relative times, ETAs). */
  now?: () => number;
  /** Receives the interrupt trigger, to simulate Ctrl-C. */
  onInterruptReady?: (interrupt: () => void) => void;
  /** Wraps the real client factory (to count or fail calls). */
  createClient?: Context['createClient'];
}

/**
 * A context over string buffers, with the real SDK talking to a real server; `dispose` removes the home and working
 * directories it made (otherwise they go after the file's last test).
 */
export function bufferContext(options: InProcessOptions = {}): { ctx: Context; out: () => string; err: () => string; dispose: () => void } {
  const made = [tempDir('dataframer-home-'), ...(options.cwd === undefined ? [tempDir('dataframer-cwd-')] : [])];
  let stdout = '';
  let stderr = '';
  const listeners = new Set<() => void>();
  const stdin = Readable.from(options.input === undefined ? [] : [options.input]);
  const ctx: Context = {
    stdout: { write: (text) => void (stdout += text), isTTY: options.tty?.stdout ?? false, columns: () => options.tty?.columns },
    stderr: { write: (text) => void (stderr += text), isTTY: options.tty?.stderr ?? false, columns: () => options.tty?.columns },
    stdin: { isTTY: options.tty?.stdin ?? false, stream: () => stdin },
    env: { HOME: made[0], ...options.env },
    cwd: options.cwd ?? (made[1] as string),
    clock: { now: options.now ?? (() => Date.now()) },
    createClient: options.createClient ?? (async (o) => createClient(o)),
    createFetch: async (o) => createNodeFetch(o),
    onInterrupt(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  options.onInterruptReady?.(() => {
    for (const listener of [...listeners]) listener();
  });
  return { ctx, out: () => stdout, err: () => stderr, dispose: () => made.forEach(remove) };
}

/** Runs a command line in this process through `main`, with buffers for stdout and stderr. */
export async function runIn(args: string[], options: InProcessOptions = {}): Promise<Result> {
  const { ctx, out, err, dispose } = bufferContext(options);
  try {
    const code = await main(args, ctx);
    transcript.push(out(), err());
    return { code, stdout: out(), stderr: err() };
  } finally {
    dispose();
  }
}
