// Starts the `proxy` package's own bin as a real HTTP(S) proxy process (CONNECT included) on a free loopback port,
// logging what it sees with DEBUG, for the tests of the SDK's and the CLI's proxy support.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** `from` is the caller's `import.meta.url`: `proxy` is resolved from the caller's own dependencies. */
export async function startProxy(from) {
  const bin = join(dirname(createRequire(from).resolve('proxy')), 'bin', 'proxy.js');
  const child = spawn(process.execPath, [bin, '--port', '0'], {
    env: { ...process.env, DEBUG: 'proxy*' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stderr.on('data', (chunk) => {
    log += chunk.toString();
  });
  const port = await new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      const match = /listening on port (\d+)/.exec(chunk.toString());
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`the proxy exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}`, log: () => log, stop: () => child.kill() };
}
