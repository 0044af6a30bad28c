// The main job, offline: start the local sandbox, then use the dataframer CLI to list runs, start one
// and watch it to the end with its progress bar, then download its files.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSandbox } from '../packages/sandbox/dist/index.js';

const cli = fileURLToPath(new URL('../apps/cli/dist/dataframer.js', import.meta.url));
const sandbox = await startSandbox({ port: 0, seed: 1, speed: 25 });
const scratch = mkdtempSync(join(tmpdir(), 'dataframer-demo-'));
const env = {
  ...process.env,
  DATAFRAMER_BASE_URL: sandbox.url,
  DATAFRAMER_API_KEY: sandbox.keys.acme,
  // A throw-away config directory, so the demo never reads or writes the user's own.
  DATAFRAMER_CONFIG_DIR: join(scratch, 'config'),
};

// Shown output renders as on a terminal (tables, progress bar) even when the demo's own output is captured.
const terminal = { DATAFRAMER_FORCE_TTY: '1', ...(!process.stdout.isTTY && { NO_COLOR: '1' }) };

/** Runs the CLI as a subprocess (asynchronously: the sandbox in this process must keep answering). */
function dataframer(args, { capture = false } = {}) {
  console.log(`\n$ dataframer ${args.join(' ')}`);
  const child = spawn(process.execPath, [cli, ...args], {
    env: capture ? env : { ...env, ...terminal },
    stdio: ['ignore', capture ? 'pipe' : 'inherit', 'inherit'],
  });
  let stdout = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout }));
  });
}

function check({ code }, what) {
  if (code !== 0) throw new Error(`${what} failed with exit code ${code}`);
}

let exitCode = 0;
try {
  console.log(`Sandbox listening on ${sandbox.url}, signed in as the demo company "acme".`);
  check(await dataframer(['runs', 'list']), 'runs list');

  const specs = await dataframer(['specs', 'list', '--json', 'id,name,status'], { capture: true });
  check(specs, 'specs list');
  const spec = JSON.parse(specs.stdout).find((s) => s.status === 'READY' || s.status === 'SUCCEEDED');
  console.log(`(picked spec "${spec.name}")`);

  const created = await dataframer(['runs', 'create', '--spec', spec.id, '--samples', '1000'], { capture: true });
  check(created, 'runs create');
  const id = created.stdout.trim();
  console.log(id);

  const watched = await dataframer(['runs', 'watch', id, '--interval', '250ms']);
  console.log(`(runs watch exited with ${watched.code}: 0 SUCCEEDED, 5 FAILED, 6 CANCELED)`);

  if (watched.code === 0) {
    check(await dataframer(['runs', 'get', id]), 'runs get');
    check(await dataframer(['runs', 'download', id, '--out', join(scratch, 'files')]), 'runs download');
  }
} catch (error) {
  console.error(`demo failed: ${error.message}`);
  exitCode = 1;
} finally {
  await sandbox.stop();
  rmSync(scratch, { recursive: true, force: true });
}
process.exit(exitCode);
