// CLI benchmark (not a test), measured side by side in one run against a local sandbox:
// - cold start of `dataframer --help`, `dataframer runs list` and `dataframer runs get ID`, each as a ratio of
//   a bare `node -e 0` (hyperfine when installed, otherwise N interleaved spawns of each and their medians);
// - `dataframer runs samples ID --all` over 20,000 samples: growth of the live heap (sampled after a full GC
//   at the first request and at every page written) against the size of one page's body.
// Needs a build first.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MAX_SAMPLES_PER_RUN } from '@df/core/constants';

const N = Number(process.env.BENCH_RUNS ?? 20);
// The largest run there can be.
const SAMPLES = MAX_SAMPLES_PER_RUN;
const bin = fileURLToPath(new URL('../dist/dataframer.cjs', import.meta.url));
const probe = fileURLToPath(new URL('./heapProbe.mjs', import.meta.url));
const rawPages = fileURLToPath(new URL('./rawPages.mjs', import.meta.url));
const sandboxBin = fileURLToPath(new URL('../node_modules/@df/sandbox/dist/cli.js', import.meta.url));

// The sandbox runs in its own process, logging to a file, so that synchronous spawns here cannot stall it.
const configDir = mkdtempSync(join(tmpdir(), 'dataframer-bench-'));
const logFile = join(configDir, 'sandbox.log');
const sandbox = spawn(process.execPath, [sandboxBin, '--port', '0', '--seed', '1', '--speed', '1000'], {
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
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const cli = (args, options = {}) => {
  const result = spawnSync(process.execPath, [bin, ...args], { env, encoding: 'utf8', ...options });
  if (result.status !== 0) throw new Error(`dataframer ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return result.stdout;
};
const goals = { 'dataframer --help': 1.15, 'dataframer runs list': 1.8, 'dataframer runs get ID': 1.8 };

const hasHyperfine = spawnSync('hyperfine', ['--version'], { stdio: 'ignore' }).status === 0;
const medians = {};
const minimums = {};
let heap;
let rawHeap;
let commands;
try {
  const runId = cli(['runs', 'list']).split('\n')[0].split('\t')[0];
  const emptyFile = join(configDir, 'empty.cjs');
  writeFileSync(emptyFile, '');
  commands = {
    'node -e 0': [process.execPath, ['-e', '0']],
    // Running any file at all costs the module loader's resolve and read: the floor for the bin.
    'node empty.cjs': [process.execPath, [emptyFile]],
    // Node loads its built-in undici the first time a fetch class is touched: the floor for any fetch-based client.
    'node -e Request': [process.execPath, ['-e', "new Request('http://localhost/')"]],
    'dataframer --help': [process.execPath, [bin, '--help']],
    'dataframer runs list': [process.execPath, [bin, 'runs', 'list']],
    'dataframer runs get ID': [process.execPath, [bin, 'runs', 'get', runId]],
  };

  if (hasHyperfine) {
    const exportFile = join(configDir, 'hyperfine.json');
    const args = ['-N', '--warmup', '3', '--runs', String(N), '--export-json', exportFile];
    for (const [name, [cmd, cmdArgs]] of Object.entries(commands))
      args.push('-n', name, [cmd, ...cmdArgs].map((a) => JSON.stringify(a)).join(' '));
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

  // Heap of `runs samples --all` over a run of 20,000 samples.
  const big = cli([
    'runs',
    'create',
    '--spec',
    'Acme Corp support tickets',
    '--samples',
    String(SAMPLES),
    '--wait',
    '--interval',
    '200ms',
  ]).trim();
  const page = await fetch(`${url}/api/dataframer/runs/${big}/samples/?offset=0&limit=1000`, {
    headers: { authorization: `Bearer ${env.DATAFRAMER_API_KEY}` },
  });
  const pageBytes = (await page.arrayBuffer()).byteLength;
  const out = join(configDir, 'heap.json');
  const result = spawnSync(process.execPath, ['--expose-gc', '--import', probe, bin, 'runs', 'samples', big, '--all'], {
    env: { ...env, HEAP_PROBE_OUT: out },
    stdio: ['ignore', openSync('/dev/null', 'w'), 'pipe'],
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`runs samples --all exited ${result.status}: ${result.stderr}`);
  heap = { pageBytes, ...JSON.parse(readFileSync(out, 'utf8')) };
  // The same pages through raw fetch + JSON.parse under the same probe: what any Node process pays.
  const rawOut = join(configDir, 'heap-raw.json');
  const raw = spawnSync(process.execPath, ['--expose-gc', '--import', probe, rawPages, url, big], {
    env: { ...env, HEAP_PROBE_OUT: rawOut },
    stdio: ['ignore', openSync('/dev/null', 'w'), 'pipe'],
    encoding: 'utf8',
  });
  if (raw.status !== 0) throw new Error(`the raw fetch pages exited ${raw.status}: ${raw.stderr}`);
  rawHeap = JSON.parse(readFileSync(rawOut, 'utf8'));
} finally {
  sandbox.kill();
  rmSync(configDir, { recursive: true, force: true });
}

const base = medians['node -e 0'];
console.log(`\nCold start, median of ${N} (${hasHyperfine ? 'hyperfine -N' : 'spawn loop'}), Node ${process.version}:`);
for (const name of Object.keys(commands)) {
  const ratio = medians[name] / base;
  const goal = goals[name];
  const verdict = goal === undefined ? '' : ratio <= goal ? `  (goal ≤ ${goal}×: ok)` : `  (goal ≤ ${goal}×: MISSED)`;
  const best = `(fastest ${minimums[name].toFixed(1)} ms, ${(minimums[name] / minimums['node -e 0']).toFixed(2)}×)`;
  console.log(`  ${name.padEnd(24)} ${medians[name].toFixed(1).padStart(7)} ms  ${ratio.toFixed(2)}×  ${best}${verdict}`);
}
// Peak: the most the live heap grew over what it was when the first request started (SDK loaded, nothing fetched).
const peakOf = (figures) => Math.max(...figures.writing.map((w) => w.heap)) - figures.requests[0];
const peak = peakOf(heap);
const rawPeak = peakOf(rawHeap);
const ratio = peak / heap.pageBytes;
// Held per page: while a page is written out, over the heap when that page's request started.
const held = Math.max(...heap.writing.map((w) => w.heap - heap.requests[Math.max(0, w.request)]));
// Flat: between pages (nothing held), from the third request to the last.
const between = heap.requests.slice(2);
const drift = Math.max(...between) - between[0];
console.log(
  `\nruns samples --all, ${SAMPLES} samples (pages of 1000, ${heap.requests.length} requests, ${heap.writes} writes), live heap after GC:` +
    `\n  peak growth over the first request ${(peak / 1e6).toFixed(2)} MB; one page's body ${(heap.pageBytes / 1e6).toFixed(2)} MB: ${ratio.toFixed(2)}× (goal ≤ 1.5×: ${ratio <= 1.5 ? 'ok' : 'MISSED'})` +
    `\n  raw fetch + JSON.parse of the same pages, same probe: peak growth ${(rawPeak / 1e6).toFixed(2)} MB (${(rawPeak / heap.pageBytes).toFixed(2)}× a page's body)` +
    `\n  held while a page is written out: ${(held / 1e6).toFixed(2)} MB (${(held / heap.pageBytes).toFixed(2)}× its body)` +
    `\n  between pages, third request to last: ${(drift / 1e6).toFixed(2)} MB (what grows with the number of samples)`,
);
console.log('Ratios move with machine load; compare runs made on an idle machine.');
