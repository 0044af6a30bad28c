// The built bin in real pseudo-terminals: tmux runs a list of command lines one after the other in a pane of a fixed
// width, and the whole of what the pane showed is read back with capture-pane once the last one ended. One private tmux
// server per test file, removed after it.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { BIN, tempDir } from './cli';

/** What one command line showed in the pane, and its exit code. */
export interface Shown {
  screen: string;
  code: number;
}

/** The line that ends the pane's script: every command has run and printed its exit code. */
const END = '@@ end';

/** A tmux server of its own, for the panes of one test file; killed after the file's last test. */
export function useTerminal(name: string) {
  const socket = `dataframer-cli-${name}-${process.pid}`;
  const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, '-f', '/dev/null', ...args], { encoding: 'utf8' });
  let panes = 0;
  beforeAll(() => {
    // A pane that outlives the others keeps the server up; the history holds all a script prints.
    tmux('new-session', '-d', '-s', 'keep', 'sleep 3600');
    tmux('set-option', '-g', 'history-limit', '100000');
  });
  afterAll(() => {
    try {
      tmux('kill-server');
    } catch {
      // Already gone when no pane was left.
    }
  });
  return {
    /**
     * Runs `dataframer ARGS` for each of `commands`, one after the other, in one pane `width` columns wide, and returns
     * what each showed once the last one ended. Lines the terminal wrapped are joined (-J), so a line wider than the pane
     * shows up as one long line.
     */
    async run(width: number, commands: string[][], env: Record<string, string>): Promise<Shown[]> {
      const pane = `p${panes++}`;
      const quoted = (args: string[]) => args.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
      const script = join(tempDir('dataframer-pane-'), 'commands.sh');
      const bin = quoted([process.execPath, BIN]);
      writeFileSync(
        script,
        [...commands.map((args, i) => `echo '@@ ${i}'\n${bin} ${quoted(args)}\necho "@@ exit $?"`), `echo '${END}'`, 'sleep 600'].join(
          '\n',
        ),
      );
      const vars = Object.entries({ ...env, TERM: 'xterm-256color' }).flatMap(([k, v]) => ['-e', `${k}=${v}`]);
      tmux('new-session', '-d', '-s', pane, '-x', String(width), '-y', '50', ...vars, `sh ${quoted([script])}`);
      let all = '';
      try {
        for (;;) {
          all = tmux('capture-pane', '-p', '-J', '-S', '-', '-E', '-', '-t', pane);
          if (all.split('\n').includes(END)) break;
          await new Promise((resolve) => setTimeout(resolve, 500));
        }
      } finally {
        tmux('kill-session', '-t', pane);
      }
      return commands.map((_, i) => {
        const from = all.indexOf(`@@ ${i}\n`) + `@@ ${i}\n`.length;
        const to = all.indexOf('\n@@ exit ', from);
        return { screen: all.slice(from, to), code: Number(/^\d+/.exec(all.slice(to + '\n@@ exit '.length))?.[0]) };
      });
    },
  };
}
