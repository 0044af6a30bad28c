// List throughput: @df/node against bare ky and raw fetch on the same loopback server returning 50 runs.
import { createServer } from 'node:http';
import ky from 'ky';
import { createClient } from '../packages/node/dist/index.js';
import { benchRunsJson, median } from './fixtures.mjs';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 3000);
const TRIALS = Number(process.env.BENCH_TRIALS ?? 5);
const body = benchRunsJson(50);

/** Runs the list throughput comparison and returns its figures. */
export async function measureThroughput() {
  const server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${server.address().port}`;
  const url = `${base}/api/dataframer/runs/`;
  const client = createClient({ apiKey: 'sk_test_bench_fake_key', baseUrl: base, env: {} });

  const contenders = {
    'raw fetch': async () => {
      const res = await fetch(url, { headers: { authorization: 'Bearer sk_test_bench_fake_key', accept: 'application/json' } });
      return JSON.parse(await res.text());
    },
    'bare ky': () => ky.get(url, { headers: { authorization: 'Bearer sk_test_bench_fake_key' } }).json(),
    '@df/node': () => client.runs.list(),
  };
  async function rate(fn, concurrency) {
    const started = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next++ < REQUESTS) await fn();
      }),
    );
    return REQUESTS / ((performance.now() - started) / 1000);
  }
  const results = {};
  for (const concurrency of [1, 16]) {
    const samples = Object.fromEntries(Object.keys(contenders).map((k) => [k, []]));
    for (const fn of Object.values(contenders)) await rate(fn, concurrency); // warm-up
    for (let t = 0; t < TRIALS; t++) {
      // alternate the order so neither side always runs on a warmer machine
      const order = t % 2 ? Object.keys(contenders).reverse() : Object.keys(contenders);
      for (const name of order) samples[name].push(await rate(contenders[name], concurrency));
    }
    const raw = median(samples['raw fetch']);
    const bareKy = median(samples['bare ky']);
    const ours = median(samples['@df/node']);
    results[concurrency === 1 ? 'sequential' : `${concurrency} concurrent`] = {
      raw,
      ky: bareKy,
      ours,
      ratio: ours / raw,
      kyRatio: ours / bareKy,
    };
  }
  await client.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  return { requests: REQUESTS, trials: TRIALS, bodyBytes: Buffer.byteLength(body), results };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await measureThroughput();
  for (const [mode, x] of Object.entries(r.results)) {
    console.log(
      `${mode}: raw fetch ${x.raw.toFixed(0)} req/s, bare ky ${x.ky.toFixed(0)} req/s, @df/node ${x.ours.toFixed(0)} req/s, ${x.ratio.toFixed(2)}× raw fetch, ${x.kyRatio.toFixed(2)}× bare ky`,
    );
  }
}
