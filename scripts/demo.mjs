// `npm run demo`: the main job, offline. Sets the workspace up, starts a local sandbox, then uses the dataframer
// CLI to list runs, start one, watch it to the end with its progress bar, and download its files as a ZIP.
//   --no-setup   skip the install and build (the workspace is already built)
//   --out <dir>  where the ZIP goes (default demo-output/ in the repository, ignored by git)
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values: options } = parseArgs({ options: { 'no-setup': { type: 'boolean' }, out: { type: 'string' } } });
const outDir = resolve(options.out ?? join(root, 'demo-output'));
const shown = (path) => (path.startsWith(root) ? relative(process.cwd(), path) || '.' : path);
const step = (text) => console.log(`\n▸ ${text}`);

/** Runs a command; its output is shown live, or kept and shown only if it fails (`quiet`). */
function run(command, args, { env = process.env, quiet = false, capture = false } = {}) {
  const child = spawn(command, args, {
    cwd: root,
    env,
    stdio: ['ignore', quiet || capture ? 'pipe' : 'inherit', quiet ? 'pipe' : 'inherit'],
  });
  let stdout = '';
  let all = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk) => ((stdout += chunk), (all += chunk)));
  child.stderr?.setEncoding('utf8').on('data', (chunk) => (all += chunk));
  return new Promise((done, fail) => {
    child.once('error', fail);
    child.once('close', (code) => done({ code, stdout, all }));
  });
}

async function setup() {
  step('Setting up: installing the workspace with the pinned pnpm and building every package (the first time takes a minute or two).');
  const started = Date.now();
  // Install and build output (pnpm, turbo) is kept back and shown only if a step fails.
  const result = await run(process.execPath, [join(root, 'scripts/setup.mjs')], { quiet: true });
  if (result.code !== 0) {
    process.stdout.write(result.all);
    throw new Error(`setup failed (exit code ${result.code}); its output is above`);
  }
  console.log(`  ready in ${Math.round((Date.now() - started) / 1000)} s`);
}

if (!options['no-setup']) {
  try {
    await setup();
  } catch (error) {
    console.error(`demo failed: ${error.message}`);
    process.exit(1);
  }
}

// Imported only now: they exist once the packages are built.
const { startSandbox } = await import('../packages/sandbox/dist/index.js');
const { createClient } = await import('../packages/node/dist/index.js');

const cli = join(root, 'apps/cli/dist/dataframer.cjs');
const scratch = mkdtempSync(join(tmpdir(), 'dataframer-demo-'));
step('Starting a local Dataframer sandbox: the same API with made-up data, on this machine only, nothing is charged.');
const sandbox = await startSandbox({ port: 0, speed: 25, failureRate: 0 });
console.log(`  listening on ${sandbox.url}, signed in as the demo company "acme"`);
const env = {
  ...process.env,
  DATAFRAMER_BASE_URL: sandbox.url,
  DATAFRAMER_API_KEY: sandbox.keys.acme,
  // A throw-away config directory, so the demo never reads or writes the user's own.
  DATAFRAMER_CONFIG_DIR: join(scratch, 'config'),
};
/** Runs the dataframer CLI (asynchronously: the sandbox in this process must keep answering); it draws for a terminal only on one. */
async function dataframer(args, { capture = false } = {}) {
  console.log(`  $ dataframer ${args.join(' ')}`);
  return run(process.execPath, [cli, ...args], { env, capture });
}

function check({ code }, what) {
  if (code !== 0) throw new Error(`${what} failed with exit code ${code}`);
}

let exitCode = 0;
try {
  step('Listing the runs the sandbox starts with:');
  check(await dataframer(['runs', 'list']), 'runs list');

  step('Picking a spec that is ready to use, with the SDK (client.specs.list() in @df/node):');
  const client = createClient({ baseUrl: sandbox.url, apiKey: sandbox.keys.acme });
  const spec = (await client.specs.list()).find((s) => s.id && (s.status === 'SUCCEEDED' || s.status === 'READY'));
  await client.close?.();
  if (!spec) throw new Error('the sandbox has no spec ready to use');
  console.log(`  "${spec.name}" (${spec.id})`);

  step('Starting a run of 1,000 samples (on the real service this costs money; the command prints only the new id):');
  const created = await dataframer(['runs', 'create', '--spec', spec.id, '--samples', '1000'], { capture: true });
  check(created, 'runs create');
  const id = created.stdout.trim().split(/\s+/).pop();
  console.log(`  ${id}`);

  step('Watching it until it finishes (Ctrl-C would stop watching; the run would go on on the server):');
  const watched = await dataframer(['runs', 'watch', id, '--interval', '250ms']);
  if (watched.code !== 0) throw new Error(`the run did not succeed (runs watch exited with ${watched.code}: 5 FAILED, 6 CANCELED)`);

  step(`Downloading its files as one ZIP into ${shown(outDir)}/${options.out ? '' : ' (kept there; git ignores the folder)'}:`);
  mkdirSync(outDir, { recursive: true });
  // Its progress shows on stderr, and on a terminal its own line says where the ZIP went; otherwise that is said below.
  check(await dataframer(['runs', 'download', id, '--out', outDir], { capture: true }), 'runs download');
  const zip = join(outDir, `run-${id}.zip`);
  if (!existsSync(zip)) throw new Error(`runs download finished but ${zip} is missing`);
  if (!process.stderr.isTTY) console.log(`  saved ${shown(zip)} (${Math.max(1, Math.round(statSync(zip).size / 1000))} kB)`);

  console.log('\nNext:');
  console.log(`  unzip -l ${shown(zip)}    what a finished run's files look like`);
  console.log('  npm run dashboard    the runs dashboard in a browser, on a fresh sandbox (create, watch, cancel, download)');
  console.log('  npm run sandbox      a sandbox of your own to point the SDK or the CLI at (prints the two variables to export)');
} catch (error) {
  console.error(`\ndemo failed: ${error.message}`);
  exitCode = 1;
} finally {
  await sandbox.stop();
  rmSync(scratch, { recursive: true, force: true });
}
process.exit(exitCode);
