import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '@df/sandbox';
import { recordSection } from './support/figures';
import { clientFor, sandbox, usableSpecId } from './support/sandbox';

// Issue 6, part 6: 64 concurrent clients list and poll for 10 s in five rounds; no errors, and no heap
// growth across rounds (heapUsed after forced GC, in a child process started with --expose-gc).
const CLIENTS = 64;
const ROUNDS = 5;
const ROUND_MS = 2000;
/** Allowed heapUsed growth: the last round against the lowest earlier round (one round's figure can spike with pooled buffers). */
const GROWTH_LIMIT_BYTES = 2 * 1024 * 1024;

let box: Sandbox;
let runId: string;

beforeAll(async () => {
  box = await sandbox({ seed: 66, speed: 1 });
  const client = clientFor(box);
  runId = (await client.runs.create({ spec_id: await usableSpecId(client), number_of_samples: 20_000 })).id;
  await client.close();
});
afterAll(async () => {
  await box?.stop();
});

interface LoadReport {
  clients: number;
  rounds: Array<{ requests: number; elapsedMs: number; heapUsed: number }>;
  heapBefore: number;
  errors: number;
  firstErrors: string[];
  total: number;
  p50: number;
  p99: number;
  max: number;
}

describe('load', () => {
  it(`${CLIENTS} clients listing and polling for ${(ROUNDS * ROUND_MS) / 1000} s: no errors, no heap growth across rounds`, async () => {
    const child = fileURLToPath(new URL('./fixtures/load-child.mjs', import.meta.url));
    const proc = spawn(process.execPath, ['--expose-gc', child], {
      env: {
        PATH: process.env['PATH'],
        SANDBOX_URL: box.url,
        SANDBOX_KEY: box.keys.acme,
        RUN_ID: runId,
        CLIENTS: String(CLIENTS),
        ROUNDS: String(ROUNDS),
        ROUND_MS: String(ROUND_MS),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    proc.stdout.on('data', (d: Buffer) => (out += d));
    proc.stderr.on('data', (d: Buffer) => (err += d));
    const killer = setTimeout(() => proc.kill('SIGKILL'), ROUNDS * ROUND_MS + 30_000);
    const code = await new Promise<number | null>((resolve) => proc.on('close', resolve));
    clearTimeout(killer);
    expect(code, err).toBe(0);
    const report = JSON.parse(out.trim().split('\n').at(-1)!) as LoadReport;
    expect(report.errors, report.firstErrors.join('\n')).toBe(0);
    const heaps = report.rounds.map((r) => r.heapUsed);
    const growth = heaps.at(-1)! - Math.min(...heaps.slice(0, -1));
    const seconds = report.rounds.reduce((a, r) => a + r.elapsedMs, 0) / 1000;
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(2)} MB`;
    recordSection('6-load', {
      order: 6,
      title: 'Load',
      rows: [
        ['clients', report.clients],
        ['requests', report.total],
        ['throughput', `${Math.round(report.total / seconds)} requests/s`],
        ['latency p50 / p99 / max', `${report.p50.toFixed(1)} / ${report.p99.toFixed(1)} / ${report.max.toFixed(1)} ms`],
        ['errors', report.errors],
        ['heapUsed after GC, per round', heaps.map(mb).join(', ')],
        ['heap growth (last round against the lowest earlier one)', mb(growth)],
      ],
      notes: [
        `${ROUNDS} rounds of ${ROUND_MS} ms; each client alternates runs.list and runs.retrieve of a PROCESSING run; child process with --expose-gc, sandbox in the test process on 127.0.0.1.`,
        `Growth allowed: ${mb(GROWTH_LIMIT_BYTES)} over ${ROUNDS - 1} rounds, i.e. a leak of about ${Math.round(GROWTH_LIMIT_BYTES / (report.total * (1 - 1 / ROUNDS)))} bytes per request would fail it.`,
      ],
    });
    expect(report.total).toBeGreaterThan(1000);
    expect(growth, `heap per round: ${heaps.map(mb).join(', ')}`).toBeLessThan(GROWTH_LIMIT_BYTES);
  });
});
