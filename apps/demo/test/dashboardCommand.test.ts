import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('../scripts/demo.mjs', import.meta.url));

/** Runs the dashboard command; resolves with its output once `until` matches it, or when it exits. */
function start(env: Record<string, string>) {
  const child = spawn(process.execPath, [script], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  const waitFor = async (pattern: RegExp, ms = 60_000) => {
    const until = Date.now() + ms;
    while (!pattern.test(output)) {
      if (Date.now() > until || child.exitCode !== null) throw new Error(`did not print ${pattern}:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  return { child, exited, waitFor, output: () => output };
}

describe('the dashboard command', () => {
  it('serves the dashboard, and Ctrl-C stops it with exit code 0 and no failure text', async () => {
    const run = start({ PORT: '0' });
    await run.waitFor(/Runs dashboard:\s+(http:\/\/\S+)\//);
    const url = /Runs dashboard:\s+(http:\/\/\S+?)\/\s/.exec(run.output())![1]!;
    const answer = await fetch(`${url}/api/dataframer/runs/`);
    expect(answer.status).toBe(200);
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(0);
    expect(run.output()).toContain('Stopped the dashboard and the sandbox.');
    expect(run.output()).not.toMatch(/ELIFECYCLE|ERR_PNPM|Error|failed/i);
  });

  it('names the busy port and how to pick another with PORT=', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const run = start({ PORT: String(port) });
      expect(await run.exited).toBe(1);
      expect(run.output()).toContain(`Port ${port} is already in use`);
      expect(run.output()).toContain(`PORT=${port + 1} npm run dashboard`);
      expect(run.output()).not.toMatch(/at .*\.js:\d+/);
    } finally {
      blocker.close();
    }
  });
});
