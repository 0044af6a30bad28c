import { isatty } from 'node:tty';
import type { Context, OutputStream } from './context';

/**
 * A reader that went away (`dataframer runs list | head -1`) ends the command quietly with exit 0, as it would a
 * pipeline of Unix tools, instead of an unhandled EPIPE with a stack trace.
 */
function endOnClosedPipe(error: NodeJS.ErrnoException): void {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
}

function output(stream: () => NodeJS.WriteStream, fd: number): OutputStream {
  // isatty() rather than stream.isTTY: process.stdout and process.stderr are created on first access.
  const tty = isatty(fd);
  let watched = false;
  return {
    write: (text) => {
      const target = stream();
      if (!watched) {
        watched = true;
        target.on('error', endOnClosedPipe);
      }
      target.write(text);
    },
    isTTY: tty,
    // A terminal that reports no size (0 columns: `script` run without a terminal of its own) has an unknown width.
    columns: () => (tty ? stream().columns || undefined : undefined),
  };
}

/** The context of the real process: its streams, environment, clock, signals and the SDK. */
export function createProcessContext(): Context {
  return {
    stdout: output(() => process.stdout, 1),
    stderr: output(() => process.stderr, 2),
    stdin: { isTTY: isatty(0), stream: () => process.stdin },
    env: process.env,
    cwd: process.cwd(),
    clock: { now: () => Date.now() },
    createClient: async (options) => (await import('./lazy/sdk')).createSdkClient(options),
    async createFetch(options) {
      // Behind a proxy the fetch is undici's, which parses HTTP with a WebAssembly module; V8 then compiles a
      // faster tier of it on background threads, and a process that is done waits for that compile before it
      // exits, about 190 ms on Node 20 (measured: `runs list` ended 190 ms after its last request). A command
      // makes a few requests, for which the baseline tier is plenty.
      (await import('node:v8')).setFlagsFromString('--liftoff-only');
      return (await import('./lazy/sdk')).createSdkFetch(options);
    },
    onInterrupt(listener) {
      process.once('SIGINT', listener);
      process.once('SIGTERM', listener);
      return () => {
        process.off('SIGINT', listener);
        process.off('SIGTERM', listener);
      };
    },
  };
}
