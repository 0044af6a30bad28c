import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AbortError, OutcomeUnknownError, RateLimitError, TimeoutError, type NodeClient } from '@df/node';
import type { FaultRule, Sandbox } from '@df/sandbox';
import { ms, recordSection } from './support/figures';
import { clientFor, sandbox, usableSpecId } from './support/sandbox';
import { startStallServer } from './support/stallServer';

// Issue 6, part 2: one deadline bounds every call, retries and waits included, and an abort ends it at once.
// Each scenario measures how far past its deadline (or its abort) the call ended.
const MARGIN_MS = 250;
const STALL_MS = 30_000;

let box: Sandbox;
let client: NodeClient;
let runId: string;
let specId: string;
const timeouts: Array<{ name: string; overshoot: number }> = [];
const aborts: Array<{ name: string; overshoot: number }> = [];

beforeAll(async () => {
  box = await sandbox({ seed: 62 });
  client = clientFor(box, { maxRetries: 3 });
  specId = await usableSpecId(client);
  runId = (await client.runs.create({ spec_id: specId, number_of_samples: 20_000 })).id;
});
afterEach(() => box.faults.clear());
afterAll(async () => {
  await client?.close();
  await box?.stop();
});

function faults(...rules: FaultRule[]) {
  for (const rule of rules) box.faults.add(rule);
}

/** Runs `call` with a deadline and returns the error it ended with and how long past the deadline that was. */
async function timed(name: string, deadlineMs: number, call: () => Promise<unknown>): Promise<unknown> {
  const started = performance.now();
  const error = await call().then(
    () => undefined,
    (e: unknown) => e,
  );
  const overshoot = performance.now() - started - deadlineMs;
  timeouts.push({ name, overshoot });
  expect(overshoot, `${name} ended ${Math.round(overshoot)} ms after its deadline`).toBeLessThan(MARGIN_MS);
  return error;
}

/** Runs `call`, aborts it after `afterMs`, and returns its error and how long after the abort it ended. */
async function aborted(name: string, afterMs: number, call: (signal: AbortSignal) => Promise<unknown>): Promise<unknown> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), afterMs);
  const started = performance.now();
  const error = await call(controller.signal).then(
    () => undefined,
    (e: unknown) => e,
  );
  clearTimeout(timer);
  const overshoot = performance.now() - started - afterMs;
  aborts.push({ name, overshoot });
  expect(overshoot, `${name} ended ${Math.round(overshoot)} ms after the abort`).toBeLessThan(MARGIN_MS);
  return error;
}

const STALL = (method: string, path: string): FaultRule => ({ method, path, kind: 'latency', ms: STALL_MS });

describe('deadlines under stalled responses', () => {
  it('every operation ends at its deadline when the server stalls', async () => {
    faults(STALL('*', '*'));
    const id = runId;
    const ops: Array<[string, (o: { timeoutMs: number }) => Promise<unknown>]> = [
      ['runs.list', (o) => client.runs.list(o)],
      ['runs.retrieve', (o) => client.runs.retrieve(id, o)],
      ['runs.cancel', (o) => client.runs.cancel(id, o)],
      ['runs.delete', (o) => client.runs.delete('00000000-0000-4000-8000-00000000dead', o)],
      ['runs.samples', (o) => client.runs.samples(id, { limit: 5 }, o)],
      ['runs.requestFiles', (o) => client.runs.requestFiles(id, o)],
      ['specs.list', (o) => client.specs.list(o)],
      ['specs.retrieve', (o) => client.specs.retrieve(specId, {}, o)],
      ['models.list', (o) => client.models.list(o)],
      ['health', (o) => client.health(o)],
    ];
    for (const [name, call] of ops) {
      const error = await timed(name, 400, () => call({ timeoutMs: 400 }));
      expect(error, name).toBeInstanceOf(TimeoutError);
    }
    const create = await timed('runs.create', 400, () => client.runs.create({ spec_id: specId, number_of_samples: 1 }, { timeoutMs: 400 }));
    expect(create).toBeInstanceOf(OutcomeUnknownError);
    expect((create as OutcomeUnknownError).cause).toBeInstanceOf(TimeoutError);
  });

  it('a Retry-After beyond the deadline fails at once; one within it is honoured and the deadline still holds', async () => {
    faults({ method: 'GET', path: '/runs/', kind: 'rate-limit', retryAfter: 30 });
    const started = performance.now();
    const error = await timed('runs.list, Retry-After 30 s', 2000, () => client.runs.list({ timeoutMs: 2000 }));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(performance.now() - started).toBeLessThan(MARGIN_MS);
    box.faults.clear();

    faults(
      { method: 'GET', path: '/runs/', kind: 'rate-limit', retryAfter: 1, nth: [1] },
      { method: 'GET', path: '/runs/', kind: 'latency', ms: STALL_MS, nth: [2] },
    );
    const second = await timed('runs.list, Retry-After 1 s then a stall', 1500, () => client.runs.list({ timeoutMs: 1500 }));
    expect(second).toBeInstanceOf(TimeoutError);
    box.faults.clear();

    faults(
      { method: 'GET', path: '/runs/*/', kind: 'server-error', status: 503, nth: [1, 2] },
      { method: 'GET', path: '/runs/*/', kind: 'latency', ms: STALL_MS, nth: [3] },
    );
    // Two jittered backoffs take 0.75 to 1.5 s; the third attempt stalls until the deadline.
    const third = await timed('runs.retrieve, two 503 backoffs then a stall', 2000, () => client.runs.retrieve(runId, { timeoutMs: 2000 }));
    expect(third).toBeInstanceOf(TimeoutError);
    expect((third as TimeoutError).attempts).toBe(3);
  });

  it('a body that stops half-way ends at the deadline (no header or body timeout of its own)', async () => {
    const stall = await startStallServer();
    const stalled = clientFor(box, { baseUrl: stall.url });
    try {
      const error = await timed('runs.list, body stalls after the headers', 500, () => stalled.runs.list({ timeoutMs: 500 }));
      expect(error).toBeInstanceOf(TimeoutError);
      const abort = await aborted('runs.list, body stalls, aborted', 200, (signal) => stalled.runs.list({ signal }));
      expect(abort).toBeInstanceOf(AbortError);
    } finally {
      await stalled.close();
      await stall.stop();
    }
  });

  it('runs.wait ends at its deadline whether the run never finishes or every poll stalls, with the last run seen', async () => {
    faults({ method: 'GET', path: '/runs/*/', kind: 'unknown-status', value: 'QUEUED_FOR_GPU' });
    const endless = await timed('runs.wait, status never terminal', 1500, () =>
      client.runs.wait(runId, { timeoutMs: 1500, intervalMs: 200 }),
    );
    expect(endless).toBeInstanceOf(TimeoutError);
    expect((endless as TimeoutError<{ status: string }>).last?.status).toBe('QUEUED_FOR_GPU');
    box.faults.clear();
    faults(STALL('GET', '/runs/*/'));
    const stalled = await timed('runs.wait, every poll stalls', 800, () => client.runs.wait(runId, { timeoutMs: 800 }));
    expect(stalled).toBeInstanceOf(TimeoutError);
    box.faults.clear();
    faults({ method: 'GET', path: '/runs/*/files/download/', kind: 'latency', ms: STALL_MS });
    const files = await timed('runs.waitForFiles, stalled', 700, () => client.runs.waitForFiles(runId, { timeoutMs: 700 }));
    expect(files).toBeInstanceOf(TimeoutError);
  });
});

describe('aborts', () => {
  it('end a stalled request, a Retry-After sleep, a wait between polls and a create in flight within the margin', async () => {
    faults(STALL('GET', '/runs/'));
    expect(await aborted('runs.list, stalled', 200, (signal) => client.runs.list({ signal, timeoutMs: 60_000 }))).toBeInstanceOf(
      AbortError,
    );
    box.faults.clear();
    faults({ method: 'GET', path: '/specs/', kind: 'rate-limit', retryAfter: 20 });
    expect(
      await aborted('specs.list, sleeping through Retry-After 20 s', 200, (signal) => client.specs.list({ signal, timeoutMs: 60_000 })),
    ).toBeInstanceOf(AbortError);
    box.faults.clear();
    faults({ method: 'GET', path: '/runs/*/', kind: 'unknown-status' });
    expect(
      await aborted('runs.wait, between polls', 300, (signal) => client.runs.wait(runId, { signal, intervalMs: 5000 })),
    ).toBeInstanceOf(AbortError);
    box.faults.clear();
    faults(STALL('GET', '/runs/*/'));
    expect(await aborted('runs.wait, during a stalled poll', 300, (signal) => client.runs.wait(runId, { signal }))).toBeInstanceOf(
      AbortError,
    );
    box.faults.clear();
    faults(STALL('POST', '/runs/'));
    const create = await aborted('runs.create, in flight', 200, (signal) =>
      client.runs.create({ spec_id: specId, number_of_samples: 1 }, { signal }),
    );
    expect(create).toBeInstanceOf(OutcomeUnknownError);
    expect((create as OutcomeUnknownError).cause).toBeInstanceOf(AbortError);
  });
});

describe('nothing is left behind', () => {
  const child = fileURLToPath(new URL('./fixtures/deadline-child.mjs', import.meta.url));
  const results: Array<{ close: boolean; exitMs: number; resources: string[] }> = [];

  async function runChild(close: boolean) {
    faults(
      STALL('GET', '/runs/*/'),
      STALL('POST', '/runs/'),
      { method: 'GET', path: '/specs/', kind: 'rate-limit', retryAfter: 5, nth: [1] },
      { method: 'GET', path: '/specs/', kind: 'rate-limit', retryAfter: 30, nth: [2] },
    );
    const proc = spawn(process.execPath, [child], {
      env: { PATH: process.env['PATH'], SANDBOX_URL: box.url, SANDBOX_KEY: box.keys.acme, CLOSE_CLIENT: close ? '1' : '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (d: Buffer) => (stdout += d));
    proc.stderr.on('data', (d: Buffer) => (stderr += d));
    // Bounded: a child that does not end on its own within 15 s is killed and the test fails.
    const killer = setTimeout(() => proc.kill('SIGKILL'), 15_000);
    const [code, signal] = await new Promise<[number | null, string | null]>((resolve) => proc.on('close', (c, s) => resolve([c, s])));
    clearTimeout(killer);
    const exitedAt = Date.now();
    expect(signal, `child was killed: it kept the process alive\n${stderr}`).toBeNull();
    expect(code, stderr).toBe(0);
    const report = JSON.parse(stdout.trim().split('\n').at(-1)!) as {
      outcomes: Array<{ name: string; ok?: boolean; error?: string; ms: number }>;
      resources: string[];
      doneAt: number;
    };
    const byName = Object.fromEntries(report.outcomes.map((o) => [o.name, o]));
    expect(byName['list ok']?.ok).toBe(true);
    expect(byName['stalled retrieve, 300 ms deadline']?.error).toBe('TimeoutError');
    expect(byName['stalled retrieve, aborted at 150 ms']?.error).toBe('AbortError');
    expect(byName['Retry-After 5 s, aborted at 150 ms']?.error).toBe('AbortError');
    expect(byName['Retry-After 30 s beyond a 2 s deadline']?.error).toBe('RateLimitError');
    expect(byName['stalled create, 300 ms deadline']?.error).toBe('OutcomeUnknownError');
    expect(byName['wait, 400 ms deadline']?.error).toBe('TimeoutError');
    for (const o of report.outcomes) expect(o.ms, o.name).toBeLessThan(2000);
    // No timer may survive a call; sockets only as idle keep-alive ones the pool unrefs, and none after close().
    expect(report.resources.filter((r) => r === 'Timeout')).toEqual([]);
    if (close) expect(report.resources).toEqual([]);
    const exitMs = exitedAt - report.doneAt;
    results.push({ close, exitMs, resources: report.resources });
    box.faults.clear();
    return exitMs;
  }

  it('a child process running stalled, aborted and timed-out calls exits on its own at once after close()', async () => {
    expect(await runChild(true)).toBeLessThan(1000);
  });

  it('and without close(), within the idle keep-alive time', async () => {
    expect(await runChild(false)).toBeLessThan(7000);
  });

  afterAll(() => {
    const worst = (list: Array<{ name: string; overshoot: number }>) =>
      list.reduce((a, b) => (b.overshoot > a.overshoot ? b : a), { name: '-', overshoot: -Infinity });
    const t = worst(timeouts);
    const a = worst(aborts);
    recordSection('2-deadlines', {
      order: 2,
      title: 'Deadlines and aborts',
      rows: [
        ['deadline scenarios', timeouts.length],
        ['max overshoot past a deadline', `${ms(t.overshoot)} (${t.name})`],
        ['abort scenarios', aborts.length],
        ['max time from abort to rejection', `${ms(a.overshoot)} (${a.name})`],
        [
          'leaks found (timers or sockets left, child kept alive)',
          results.filter((r) => r.resources.includes('Timeout') || (r.close && r.resources.length > 0)).length,
        ],
        ...results.map((r): [string, string] => [
          `child exit after its last call (${r.close ? 'with' : 'without'} close())`,
          `${ms(r.exitMs)}; resources left: ${r.resources.join(', ') || 'none'}`,
        ]),
      ],
      notes: [
        `Margin allowed: ${MARGIN_MS} ms. Stalls are sandbox latency faults of ${STALL_MS / 1000} s, and a loopback server that stops half-way through a body.`,
      ],
    });
  });
});
