import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

/** A child process with everything it printed so far. */
export interface Running {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** Spawns a command and collects stdout and stderr together. */
export function start(command: string, args: string[], options: SpawnOptions = {}): Running {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

/** Waits until the output matches, or fails with what was printed. */
export async function waitFor(proc: Running, pattern: RegExp, ms = 15_000): Promise<RegExpMatchArray> {
  const started = Date.now();
  for (;;) {
    const m = proc.output().match(pattern);
    if (m) return m;
    if (Date.now() - started > ms || proc.child.exitCode !== null)
      throw new Error(`timed out waiting for ${pattern}; printed:\n${proc.output()}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** The banner's export lines, as printed. */
export function exportLines(output: string): string[] {
  return output.split('\n').filter((line) => line.startsWith('export '));
}
