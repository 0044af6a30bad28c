// `datasets create` and `specs create --wait` in a real pseudo-terminal: tmux runs the built bin in a pane of a fixed
// width, and the screen is read back with capture-pane while the command draws and after it ends.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startSandbox, type Sandbox } from '@df/sandbox';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BIN, tempDir } from './support/cli';
import { csv } from './support/datasets';

vi.setConfig({ testTimeout: 60_000 });

// A private tmux server: nothing here touches anyone else's.
const SOCKET = `dataframer-cli-datasets-test-${process.pid}`;
const tmux = (...args: string[]) => execFileSync('tmux', ['-L', SOCKET, '-f', '/dev/null', ...args], { encoding: 'utf8' });

let sandbox: Sandbox;
let env: Record<string, string>;
let cwd: string;

beforeAll(async () => {
  // Real time: a spec takes the sandbox's 3 s, so its status line is drawn several times.
  sandbox = await startSandbox({ port: 0, seed: 11, speed: 1, failureRate: 0 });
  env = { DATAFRAMER_BASE_URL: sandbox.url, DATAFRAMER_API_KEY: sandbox.keys.acme, DATAFRAMER_CONFIG_DIR: tempDir() };
  cwd = tempDir();
  // Large enough that the upload takes a few frames of the bar.
  // Large enough (about 25 MB) that sending it takes several frames even on a fast machine's loopback.
  writeFileSync(join(cwd, 'tickets.csv'), csv(1_400_000));
});

afterAll(async () => {
  try {
    tmux('kill-server');
  } catch {
    // Already gone when every pane ended.
  }
  await sandbox?.stop();
});

/** Runs the bin in a pane `width` columns wide; returns every screen read while it ran (rows as the terminal shows them). */
async function screens(width: number, session: string, args: string): Promise<string[]> {
  const vars = Object.entries({ ...env, TERM: 'xterm-256color' }).flatMap(([k, v]) => ['-e', `${k}=${v}`]);
  tmux(
    'new-session',
    '-d',
    '-s',
    session,
    '-x',
    String(width),
    '-y',
    '20',
    '-c',
    cwd,
    ...vars,
    `"${process.execPath}" "${BIN}" ${args}; echo "EXIT=$?"; sleep 60`,
  );
  const seen: string[] = [];
  try {
    for (let i = 0; i < 300; i++) {
      const screen = tmux('capture-pane', '-p', '-t', session);
      seen.push(screen);
      if (screen.includes('EXIT=')) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    tmux('kill-session', '-t', session);
  }
  return seen;
}

/** Every row of a screen within the width, and every word of the text whole on one row (wrapped between words). */
function expectWrapped(screen: string, width: number, words: string[]): void {
  const rows = screen.split('\n');
  for (const row of rows) expect([...row].length, row).toBeLessThanOrEqual(width);
  for (const word of words)
    expect(
      rows.some((row) => row.split(/\s+/).includes(word)),
      `${word} whole on one row:\n${screen}`,
    ).toBe(true);
}

const BAR = /[█░]{3,}/;

describe.each([60, 80, 120])('in a %i-column terminal', (width) => {
  it('datasets create draws its upload bar within the width and ends with the confirmation wrapped between words', async () => {
    const name = `Spring help-desk export ${width}`;
    const seen = await screens(width, `d${width}`, `datasets create "${name}" tickets.csv`);
    const last = seen.at(-1) ?? '';
    expect(last, last).toContain('EXIT=0');
    for (const screen of seen) {
      const rows = screen.split('\n');
      expect(rows.filter((row) => BAR.test(row)).length, screen).toBeLessThanOrEqual(1);
      for (const row of rows.filter((r) => BAR.test(r))) {
        expect([...row].length, row).toBeLessThan(width);
        expect(row).toMatch(/^Uploading 1 file [█░]+ +\d+% · /);
      }
    }
    expect(seen.filter((screen) => BAR.test(screen)).length, 'frames with the bar').toBeGreaterThanOrEqual(1);
    expect(last).not.toMatch(BAR);
    const id = /\(([0-9a-f-]{36})\)/.exec(last)?.[1] ?? '';
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    // The id is printed alone on stdout, then the confirmation: the id whole, the name whole, no word cut.
    expectWrapped(last, width, [id, `(${id}):`, '"Spring', 'help-desk', 'export', `${width}"`, 'SINGLE_FILE,']);
  });

  it('specs create --wait redraws one status line within the width and ends with the outcome wrapped between words', async () => {
    const name = `Spring tickets spec ${width}`;
    const seen = await screens(width, `s${width}`, `specs create "${name}" --objectives "Short answers to billing questions" --wait`);
    const last = seen.at(-1) ?? '';
    expect(last, last).toContain('EXIT=0');
    const drawn = seen.filter((screen) => /PROCESSING · spec/.test(screen));
    expect(drawn.length, 'frames with the status line').toBeGreaterThanOrEqual(2);
    for (const screen of drawn) {
      const rows = screen.split('\n').filter((row) => /PROCESSING/.test(row));
      expect(rows, screen).toHaveLength(1);
      expect(rows[0]).toMatch(new RegExp(`^[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] PROCESSING · spec "${name}" · \\d+s$`));
    }
    expect(last).not.toContain('PROCESSING');
    const id = /\(([0-9a-f-]{36})\)/.exec(last)?.[1] ?? '';
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expectWrapped(last, width, [`(${id})`, 'SUCCEEDED', '--spec', id, '"Spring', `${width}"`]);
  });
});
