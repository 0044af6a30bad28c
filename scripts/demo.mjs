// The main job, offline: start the local sandbox, then use @df/node to list runs, start one and watch it finish.
import { startSandbox } from '../packages/sandbox/dist/index.js';
import { createClient } from '../packages/node/dist/index.js';

const sandbox = await startSandbox({ port: 0, seed: 1, speed: 25 });
const client = createClient({ apiKey: sandbox.keys.acme, baseUrl: sandbox.url });
const tty = process.stdout.isTTY;

function money(value) {
  return typeof value === 'number' ? `$${value.toFixed(2)}` : '-';
}

try {
  console.log(`Sandbox listening on ${sandbox.url} (demo key ${sandbox.keys.acme})\n`);
  const runs = await client.runs.list();
  console.log(`${runs.length} runs for this company:`);
  console.log(['ID', 'STATUS', 'DONE', 'FAILED', 'COST', 'SPEC'].join('\t'));
  for (const run of runs) {
    console.log([run.id, run.status, run.samples_completed, run.samples_failed, money(run.total_cost), run.spec_name].join('\t'));
  }

  const spec = (await client.specs.list()).find((s) => s.status === 'READY' || s.status === 'SUCCEEDED');
  const { id } = await client.runs.create({ spec_id: spec.id, number_of_samples: 500 });
  console.log(`\nStarted run ${id} on spec "${spec.name}" for 500 samples`);

  const run = await client.runs.wait(id, {
    timeoutMs: 120_000,
    onProgress: (p) => {
      const width = 30;
      const filled = Math.round((p.fraction ?? 0) * width);
      const line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${p.status.padEnd(10)} ${p.completed}/${p.requested} done, ${p.failed} failed, ${money(p.total_cost)}`;
      if (tty) process.stdout.write(`\r${line}`);
      else console.log(line);
    },
  });
  if (tty) process.stdout.write('\n');
  console.log(`Run ${run.id} finished: ${run.status}, ${run.samples_completed} samples, ${money(run.total_cost)}`);
  if (run.status === 'SUCCEEDED') {
    const zip = await client.runs.waitForFiles(run.id);
    console.log(`Files: ${zip.download_url} (${zip.size_bytes} bytes)`);
  }
} finally {
  await client.close();
  await sandbox.stop();
}
