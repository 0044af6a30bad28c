// Memory: heap growth while listing 20,000 runs, against the response body size (run in a child with --expose-gc).

import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { benchRunsJson } from './fixtures.mjs';

const COUNT = 20_000;

async function child(mode, base) {
  const { createClient } = await import('../packages/node/dist/index.js');
  const client = createClient({ apiKey: 'sk_test_bench_fake_key', baseUrl: base, env: {}, timeoutMs: 120_000 });
  const list =
    mode === 'raw' ? async () => JSON.parse(await (await fetch(`${base}/api/dataframer/runs/`)).text()) : () => client.runs.list();
  await (async () => {
    const warm = await list(); // warm up code paths and connection
    return warm.length;
  })();
  await new Promise((resolve) => setTimeout(resolve, 10));
  globalThis.gc();
  const before = process.memoryUsage().heapUsed;
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 1);
  const runs = await list();
  globalThis.keep = runs;
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  clearInterval(timer);
  globalThis.gc();
  const retained = process.memoryUsage().heapUsed - before;
  await client.close();
  process.stdout.write(JSON.stringify({ count: runs.length, peakGrowth: peak - before, retained }));
}

/** Measures heap growth of @df/node and of raw fetch + JSON.parse listing 20,000 runs. */
export async function measureMemory() {
  const body = benchRunsJson(COUNT);
  const server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${server.address().port}`;
  const self = fileURLToPath(import.meta.url);
  const run = (mode) =>
    new Promise((resolve, reject) => {
      import('node:child_process').then(
        ({ execFile }) =>
          execFile(process.execPath, ['--expose-gc', self, mode, base], { maxBuffer: 1 << 20 }, (error, stdout) =>
            error ? reject(error) : resolve(JSON.parse(stdout)),
          ),
        reject,
      );
    });
  const ours = await run('sdk');
  const raw = await run('raw');
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  return { count: COUNT, bodyBytes: Buffer.byteLength(body), ours, raw, ratio: ours.peakGrowth / Buffer.byteLength(body) };
}

if (process.argv[2] === 'sdk' || process.argv[2] === 'raw') {
  await child(process.argv[2], process.argv[3]);
} else if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await measureMemory();
  const mb = (n) => `${(n / 1e6).toFixed(1)} MB`;
  console.log(
    `body ${mb(r.bodyBytes)}; @df/node peak growth ${mb(r.ours.peakGrowth)} (${r.ratio.toFixed(2)}x body), retained ${mb(r.ours.retained)}; raw fetch + JSON.parse peak ${mb(r.raw.peakGrowth)} (${(r.raw.peakGrowth / r.bodyBytes).toFixed(2)}x)`,
  );
}
