// Cold-start benchmark (not a test): `dataframer --help` and `dataframer runs list` against a local sandbox,
// each as a ratio of a bare `node -e 0`, measured side by side in one run. Uses hyperfine when it is
// installed, otherwise N interleaved spawns of each command and their medians. Needs a build first.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const N = Number(process.env.BENCH_RUNS ?? 20);
const bin = fileURLToPath(new URL('../dist/dataframer.js', import.meta.url));
const sandboxBin = fileURLToPath(new URL('../node_modules/@df/sandbox/dist/cli.js', import.meta.url));

// The sandbox runs in its own process, logging to a file, so that synchronous spawns here cannot stall it.
const configDir = mkdtempSync(join(tmpdir(), 'dataframer-bench-'));
const logFile = join(configDir, 'sandbox.log');
const sandbox = spawn(process.execPath, [sandboxBin, '--port', '0', '--seed', '1'], {
  stdio: ['ignore', openSync(logFile, 'w'), 'inherit'],
});
let url;
for (let i = 0; i < 100 && !url; i++) {
  await new Promise((resolve) => setTimeout(resolve, 50));
  url = /listening on (http:\/\/\S+)/.exec(readFileSync(logFile, 'utf8'))?.[1];
}
if (!url) throw new Error(`the sandbox did not start: ${readFileSync(logFile, 'utf8')}`);

const env = {
  ...process.env,
  DATAFRAMER_BASE_URL: url,
  DATAFRAMER_API_KEY: 'sk_test_sandbox_acme_demo',
  DATAFRAMER_CONFIG_DIR: configDir,
  NO_COLOR: '1',
};
const commands = {
  'node -e 0': [process.execPath, ['-e', '0']],
  'dataframer --help': [process.execPath, [bin, '--help']],
  'dataframer runs list': [process.execPath, [bin, 'runs', 'list']],
};

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const hasHyperfine = spawnSync('hyperfine', ['--version'], { stdio: 'ignore' }).status === 0;
const medians = {};
const minimums = {};
try {
  if (hasHyperfine) {
    const exportFile = join(configDir, 'hyperfine.json');
    const args = ['-N', '--warmup', '3', '--runs', String(N), '--export-json', exportFile];
    for (const [name, [cmd, cmdArgs]] of Object.entries(commands)) args.push('-n', name, [cmd, ...cmdArgs].map((a) => JSON.stringify(a)).join(' '));
    const run = spawnSync('hyperfine', args, { env, stdio: ['ignore', 'inherit', 'inherit'] });
    if (run.status !== 0) throw new Error('hyperfine failed');
    for (const result of JSON.parse(readFileSync(exportFile, 'utf8')).results) {
      medians[result.command] = result.median * 1000;
      minimums[result.command] = result.min * 1000;
    }
  } else {
    const samples = Object.fromEntries(Object.keys(commands).map((name) => [name, []]));
    for (let i = 0; i < N + 3; i++) {
      for (const [name, [cmd, args]] of Object.entries(commands)) {
        const started = process.hrtime.bigint();
        const result = spawnSync(cmd, args, { env, stdio: 'ignore' });
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        if (result.status !== 0) throw new Error(`${name} exited with ${result.status}`);
        if (i >= 3) samples[name].push(ms); // the first rounds warm the file cache
      }
    }
    for (const [name, values] of Object.entries(samples)) {
      medians[name] = median(values);
      minimums[name] = Math.min(...values);
    }
  }
} finally {
  sandbox.kill();
  rmSync(configDir, { recursive: true, force: true });
}

const base = medians['node -e 0'];
console.log(`\nCold start, median of ${N} (${hasHyperfine ? 'hyperfine -N' : 'spawn loop'}), Node ${process.version}:`);
for (const [name, goal] of [['node -e 0', 1], ['dataframer --help', 1.25], ['dataframer runs list', 1.6]]) {
  const ratio = medians[name] / base;
  const verdict = name === 'node -e 0' ? '' : ratio <= goal ? `  (goal ≤ ${goal}×: ok)` : `  (goal ≤ ${goal}×: MISSED)`;
  const best = `(fastest ${minimums[name].toFixed(1)} ms, ${(minimums[name] / minimums['node -e 0']).toFixed(2)}×)`;
  console.log(`  ${name.padEnd(22)} ${medians[name].toFixed(1).padStart(7)} ms  ${ratio.toFixed(2)}×  ${best}${verdict}`);
}
console.log('Ratios move with machine load; compare runs made on an idle machine.');
