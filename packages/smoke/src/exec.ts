import { spawn } from 'node:child_process';

/** What a finished child process left behind. */
export interface ExecResult {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Options of {@link exec}. */
export interface ExecOptions {
  cwd?: string;
  /** The child's whole environment (nothing is inherited except what is listed here). */
  env?: Record<string, string | undefined>;
  timeoutMs?: number;
}

/** Variables a child keeps: where to find programs and npm's registry, cache and proxy settings. */
const KEPT = [
  'PATH',
  'HOME',
  'TMPDIR',
  'npm_config_registry',
  'npm_config_cache',
  'npm_config_userconfig',
  'HTTPS_PROXY',
  'HTTP_PROXY',
  'NO_PROXY',
  'https_proxy',
  'http_proxy',
  'no_proxy',
];

/** The environment children start from: only {@link KEPT}, so no pnpm or vitest variable leaks into a consumer. */
export function baseEnv(extra: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = {};
  for (const name of KEPT) if (process.env[name] !== undefined) env[name] = process.env[name];
  return { ...env, ...extra };
}

/** Runs a command to completion without a shell and resolves with its exit code and output (it never rejects). */
export function exec(command: string, args: string[], options: ExecOptions = {}): Promise<ExecResult> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? baseEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      stderr += `\n[killed after ${options.timeoutMs} ms]`;
      child.kill('SIGKILL');
    }, options.timeoutMs ?? 120_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ code: null, stdout, stderr: `${stderr}${error.message}`, ms: Date.now() - started });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: Date.now() - started });
    });
  });
}

/** Like {@link exec}, but throws with the output when the command does not exit 0. */
export async function execOk(command: string, args: string[], options: ExecOptions = {}): Promise<ExecResult> {
  const result = await exec(command, args, options);
  if (result.code !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited with ${result.code}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`);
  }
  return result;
}

/** Parses the last line of a child's stdout as JSON (the consumer scripts print one JSON line). */
export function lastJsonLine<T = Record<string, unknown>>(stdout: string): T {
  const line = stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(line) as T;
}
