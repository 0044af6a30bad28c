// Upload: a 50 MB seed dataset sent by @df/node (a path, read lazily) against a plain fetch with a FormData of the
// same file, on loopback. Each upload runs in a child process that samples its own memory every millisecond.

import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createWriteStream, mkdtempSync, openAsBlob, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const FILE_BYTES = 50 * 1024 * 1024;
const ROUNDS = 3;

/** Writes a CSV of `bytes` bytes, a row at a time (the bench itself never holds the file). */
async function writeCsv(path, bytes) {
  const out = createWriteStream(path);
  const header = 'id,question,answer,category\n';
  out.write(header);
  let written = header.length;
  for (let i = 0; written < bytes; i++) {
    const row = `${i},How do I reset the password of account ${i}?,Open Settings then Security and choose Reset (${i % 97}),support\n`;
    const line = written + row.length > bytes ? `${row.slice(0, bytes - written - 1)}\n` : row;
    written += line.length;
    if (!out.write(line)) await new Promise((resolve) => out.once('drain', resolve));
  }
  await new Promise((resolve, reject) => out.end((error) => (error ? reject(error) : resolve())));
}

async function child(mode, base, path) {
  const { createClient } = await import('../packages/node/dist/index.js');
  const client = createClient({ apiKey: 'sk_test_bench_fake_key', baseUrl: base, env: {}, timeoutMs: 300_000 });
  const upload =
    mode === 'raw'
      ? async (name, file) => {
          const form = new FormData();
          form.append('name', name);
          form.append('dataset_type', 'SINGLE_FILE');
          form.append('files', await openAsBlob(file), 'bench.csv');
          const response = await fetch(`${base}/api/dataframer/seed-datasets/create/`, {
            method: 'POST',
            body: form,
            headers: { authorization: 'Bearer sk_test_bench_fake_key' },
          });
          return response.json();
        }
      : (name, file) => client.datasets.create({ name, dataset_type: 'SINGLE_FILE', files: [file] });
  // Warm up the code paths and the connection with a small file of the same kind.
  await upload(`warm-${randomUUID()}`, process.argv[5]);
  globalThis.gc();
  await new Promise((resolve) => setTimeout(resolve, 20));
  // Memory first, in a process that has sent nothing big yet: an upload during which the memory held (heap and buffers) is read right after a collection every
  // 20 ms, so chunks already sent and waiting for the collector are not counted; resident memory is kept as it comes.
  const held = () => {
    globalThis.gc();
    const m = process.memoryUsage();
    return m.heapUsed + m.external;
  };
  const before = held();
  const rssBefore = process.memoryUsage().rss;
  let peak = before;
  let rssPeak = rssBefore;
  const timer = setInterval(() => {
    peak = Math.max(peak, held());
    rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
  }, 20);
  await upload(`bench-${randomUUID()}`, path);
  peak = Math.max(peak, held());
  clearInterval(timer);
  // Then time: another upload with nothing else running in the process.
  const started = performance.now();
  const made = await upload(`bench-${randomUUID()}`, path);
  const ms = performance.now() - started;
  await client.close();
  process.stdout.write(JSON.stringify({ ms, peakGrowth: peak - before, rssGrowth: rssPeak - rssBefore, id: made.id }));
}

/** Uploads a 50 MB CSV `ROUNDS` times with each contender, alternating, and reports medians. */
export async function measureUpload() {
  const dir = mkdtempSync(join(tmpdir(), 'dataframer-bench-upload-'));
  try {
    const path = join(dir, 'bench.csv');
    const small = join(dir, 'warm.csv');
    await writeCsv(path, FILE_BYTES);
    await writeCsv(small, 64 * 1024);
    let received = 0;
    const server = createServer((req, res) => {
      let bytes = 0;
      req.on('data', (chunk) => (bytes += chunk.length));
      req.on('end', () => {
        received = bytes;
        const body = JSON.stringify({ id: randomUUID(), name: 'bench', dataset_type: 'SINGLE_FILE', files: [], file_count: 1 });
        res.writeHead(201, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
        res.end(body);
      });
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${server.address().port}`;
    const self = fileURLToPath(import.meta.url);
    const run = (mode) =>
      new Promise((resolve, reject) =>
        execFile(process.execPath, ['--expose-gc', self, mode, base, path, small], { maxBuffer: 1 << 20 }, (error, stdout, stderr) =>
          error ? reject(new Error(`${mode}: ${stderr || error.message}`)) : resolve({ ...JSON.parse(stdout), received }),
        ),
      );
    const results = { sdk: [], raw: [] };
    for (let round = 0; round < ROUNDS; round++)
      for (const mode of round % 2 === 0 ? ['sdk', 'raw'] : ['raw', 'sdk']) results[mode].push(await run(mode));
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const summary = (rows) => ({
      ms: median(rows.map((r) => r.ms)),
      peakGrowth: median(rows.map((r) => r.peakGrowth)),
      rssGrowth: median(rows.map((r) => r.rssGrowth)),
      received: rows[0].received,
    });
    const sdk = summary(results.sdk);
    const raw = summary(results.raw);
    return { fileBytes: FILE_BYTES, rounds: ROUNDS, sdk, raw, timeRatio: sdk.ms / raw.ms };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === 'sdk' || process.argv[2] === 'raw') {
  await child(process.argv[2], process.argv[3], process.argv[4]);
} else if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await measureUpload();
  const mb = (n) => `${(n / 2 ** 20).toFixed(1)} MiB`;
  console.log(
    `file ${mb(r.fileBytes)}; @df/node ${r.sdk.ms.toFixed(0)} ms, peak growth ${mb(r.sdk.peakGrowth)} (RSS ${mb(r.sdk.rssGrowth)}); plain fetch + FormData ${r.raw.ms.toFixed(0)} ms, peak ${mb(r.raw.peakGrowth)} (RSS ${mb(r.raw.rssGrowth)}); time ${r.timeRatio.toFixed(2)}x`,
  );
}
