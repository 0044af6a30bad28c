// Waiting: runs.wait on a sandbox run that takes about 60 s; counts requests and the longest gap between progress reports.
import { startSandbox } from '../packages/sandbox/dist/index.js';
import { createClient } from '../packages/node/dist/index.js';

const SECONDS = Number(process.env.BENCH_WAIT_SECONDS ?? 60);

/** Creates one run that takes SECONDS at speed 1 and waits for it, counting polls. */
export async function measureWait() {
  const samplesPerSecond = 5;
  const pendingMs = 2000;
  const sandbox = await startSandbox({ port: 0, seed: 11, speed: 1, samplesPerSecond, pendingMs, failureRate: 0 });
  const client = createClient({ apiKey: sandbox.keys.acme, baseUrl: sandbox.url, env: {} });
  try {
    const spec = (await client.specs.list()).find((s) => s.status === 'READY' || s.status === 'SUCCEEDED');
    const samples = Math.round(((SECONDS * 1000 - pendingMs) / 1000) * samplesPerSecond);
    const { id } = await client.runs.create({ spec_id: spec.id, number_of_samples: samples });
    const before = sandbox.requests().length;
    const started = performance.now();
    const reports = [];
    const run = await client.runs.wait(id, { onProgress: () => reports.push(performance.now()) });
    const elapsed = (performance.now() - started) / 1000;
    const polls = sandbox
      .requests()
      .slice(before)
      .filter((r) => r.method === 'GET' && r.path.includes(id)).length;
    const gaps = reports.slice(1).map((t, i) => (t - reports[i]) / 1000);
    return { status: run.status, samples, elapsed, polls, reports: reports.length, maxGap: Math.max(...gaps) };
  } finally {
    await client.close();
    await sandbox.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await measureWait();
  console.log(
    `run of ${r.samples} samples ${r.status} after ${r.elapsed.toFixed(1)} s: ${r.polls} requests, ${r.reports} progress reports, longest gap ${r.maxGap.toFixed(2)} s`,
  );
}
