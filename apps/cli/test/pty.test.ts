// `runs watch` in a real pseudo-terminal: tmux runs the built bin in a pane of a fixed width, and the
// screen is read back with capture-pane while the run progresses and after it ends.
import { execFileSync } from 'node:child_process';
import { startSandbox, type Sandbox } from '@df/sandbox';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BIN, runIn, tempDir } from './support/cli';
import { isUsableSpecStatus } from '@df/core/constants';

vi.setConfig({ testTimeout: 60_000 });

// A private tmux server: nothing here touches anyone else's sessions.
const SOCKET = `dataframer-cli-test-${process.pid}`;
const tmux = (...args: string[]) => execFileSync('tmux', ['-L', SOCKET, '-f', '/dev/null', ...args], { encoding: 'utf8' });

let sandbox: Sandbox;
let env: Record<string, string>;
let spec: string;

beforeAll(async () => {
  // Slow enough that a 100-sample run takes a few seconds and many frames are drawn.
  sandbox = await startSandbox({ port: 0, seed: 11, speed: 8, failureRate: 0 });
  env = { DATAFRAMER_BASE_URL: sandbox.url, DATAFRAMER_API_KEY: sandbox.keys.acme, DATAFRAMER_CONFIG_DIR: tempDir() };
  spec = JSON.parse((await runIn(['specs', 'list', '--json', 'id,status'], { env })).stdout).find((s: { status: string }) =>
    isUsableSpecStatus(s.status),
  ).id;
});

afterAll(async () => {
  try {
    tmux('kill-server');
  } catch {
    // Already gone when every session ended.
  }
  await sandbox?.stop();
});

const BAR = /[█░]{3,}/;

describe.each([60, 80, 120])('runs watch in a %i-column terminal', (width) => {
  it('keeps the progress line within the width, redraws it in place and leaves no stale lines', async () => {
    const id = (await runIn(['runs', 'create', '--spec', spec, '-n', '100'], { env })).stdout.trim();
    const session = `w${width}`;
    const vars = Object.entries({ ...env, TERM: 'xterm-256color' }).flatMap(([k, v]) => ['-e', `${k}=${v}`]);
    tmux(
      'new-session',
      '-d',
      '-s',
      session,
      '-x',
      String(width),
      '-y',
      '15',
      ...vars,
      `"${process.execPath}" "${BIN}" runs watch ${id} --interval 100ms; echo "EXIT=$?"; sleep 60`,
    );
    const screens: string[] = [];
    try {
      for (let i = 0; i < 200; i++) {
        // -J joins lines the terminal wrapped, so a line wider than the pane shows up as one long line.
        const screen = tmux('capture-pane', '-p', '-J', '-t', session);
        screens.push(screen);
        if (screen.includes('EXIT=')) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    } finally {
      tmux('kill-session', '-t', session);
    }
    const last = screens.at(-1)!;
    expect(last, last).toContain('EXIT=0');
    const drawn = screens.filter((screen) => BAR.test(screen));
    expect(drawn.length, 'frames with a bar').toBeGreaterThanOrEqual(3);
    for (const screen of screens) {
      const lines = screen.split('\n');
      // One progress line at most: redrawn in place, never stacked.
      expect(lines.filter((line) => BAR.test(line)).length, screen).toBeLessThanOrEqual(1);
      for (const line of lines.filter((l) => BAR.test(l))) expect([...line].length, line).toBeLessThan(width);
    }
    expect(drawn.some((screen) => /PROCESSING/.test(screen) && /\d+\/100 done/.test(screen))).toBe(true);
    // The final screen: the outcome line, and nothing left of the bar.
    expect(last).toContain(`✓ Run ${id} SUCCEEDED`);
    expect(last).not.toMatch(BAR);
    // The outcome wraps between words to the width; the duration is the run's own, from the server's timestamps.
    const lines = last.split('\n').filter((line) => line.trim() !== '');
    const exit = lines.indexOf('EXIT=0');
    for (const line of lines) expect([...line].length, line).toBeLessThanOrEqual(width);
    const run = sandbox.runs('acme').find((r) => r.id === id)?.run;
    const failed = Number(run?.samples_failed);
    const ranMs = Date.parse(String(run?.completed_at)) - Date.parse(String(run?.created_at));
    const partial = failed > 0 ? ` (partial: ${failed} sample${failed === 1 ? '' : 's'} failed)` : '';
    expect(lines.slice(0, exit).join(' ')).toBe(
      `✓ Run ${id} SUCCEEDED: ${run?.samples_completed}/100 done, ${failed} failed, $${Number(run?.total_cost).toFixed(2)}, ran for ${Math.round(ranMs / 1000)}s${partial}`,
    );
    expect(exit, last).toBe(lines.length - 1);
  });
});
