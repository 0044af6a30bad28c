import { spawn } from 'node:child_process';
import { MAX_SAMPLES_PER_RUN } from '@df/core/constants';
import { describe, expect, it, vi } from 'vitest';
import { BIN, plain, run, runIn, SH_BIN, transcript } from '../../../../test/support/cli';
import { type CliSandbox, found, itPrintedNoKey, useSandbox } from '../../../../test/support/sandbox';

vi.setConfig({ testTimeout: 30_000 });

// Runs finish at once and never fail.
const fast = useSandbox({ seed: 7, speed: 1000, failureRate: 0 });
// Runs take seconds (a run of the most samples: over 15 minutes).
const slow = useSandbox({ seed: 7, speed: 4 });
// Fast enough to spend a few dollars a second: 1,000 samples/s at $0.004 a sample.
const pricey = useSandbox({ seed: 5, speed: 200, failureRate: 0, pendingMs: 0 });

/** Starts a run of `samples` samples on the sandbox and returns its id. */
async function start(on: CliSandbox, samples: number): Promise<string> {
  const created = await runIn(['runs', 'create', '--spec', on.readySpec, '-n', String(samples)], { env: on.env });
  expect(created.code, created.stderr).toBe(0);
  return created.stdout.trim();
}

describe('runs watch', () => {
  it('follows a new run through a real pipe: create | watch -', async () => {
    const { code, stdout, stderr } = await run(
      `${SH_BIN} runs create --spec ${fast.readySpec} -n 40 | ${SH_BIN} runs watch - --interval 50ms`,
      { env: fast.env },
    );
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/Run [0-9a-f-]{36} SUCCEEDED: \d+\/40 done/);
  });

  it('draws a progress bar on a terminal, within its width', async () => {
    const id = await start(slow, 30);
    const { code, stderr } = await runIn(['runs', 'watch', id, '--interval', '100ms'], {
      env: slow.env,
      tty: { stderr: true, columns: 100 },
    });
    expect(code).toBe(0);
    expect(stderr).toContain('\r\x1b[2K');
    expect(stderr).toMatch(/[█░]{24}/);
    expect(stderr).toMatch(/\d+\/30 done · \d+ failed/);
    expect(stderr).toMatch(/ETA \d+s/);
    expect(stderr).toContain('SUCCEEDED');
    for (const frame of stderr.split('\r\x1b[2K').slice(1, -1)) expect([...plain(frame)].length, frame).toBeLessThan(100);
  });

  it('streams NDJSON progress events with --json and ends with the result', async () => {
    const id = await start(slow, 20);
    const { code, stdout } = await runIn(['runs', 'watch', id, '--json', '--interval', '100ms'], { env: slow.env });
    expect(code).toBe(0);
    const events = stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(events.length).toBeGreaterThanOrEqual(2);
    expect(events.at(-1)).toMatchObject({ type: 'result', id, status: 'SUCCEEDED', exit_code: 0, requested: 20 });
    for (const event of events.slice(0, -1)) {
      expect(event).toMatchObject({ type: 'progress', id });
      expect(typeof event.completed).toBe('number');
      expect(typeof event.failed).toBe('number');
    }
  });

  it('exits 8 when --timeout expires while the run is still going, and 6 once it is canceled', async () => {
    const id = await start(slow, MAX_SAMPLES_PER_RUN);
    const timedOut = await runIn(['runs', 'watch', id, '--timeout', '1s', '--interval', '100ms'], { env: slow.env });
    expect(timedOut.code).toBe(8);
    expect(timedOut.stderr).toMatch(/still (PENDING|PROCESSING)/);
    expect(timedOut.stderr).toContain(`dataframer runs watch ${id}`);

    const canceled = await runIn(['runs', 'cancel', id], { env: slow.env });
    expect(canceled.code).toBe(0);
    expect(canceled.stdout).toBe(`${id}\n`);
    const watched = await runIn(['runs', 'watch', id], { env: slow.env });
    expect(watched.code).toBe(6);
    expect(watched.stderr).toContain('CANCELED');

    const again = await runIn(['runs', 'cancel', id], { env: slow.env });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/400 Bad Request.*can no longer be canceled/);
  });
});

describe('runs watch --max-cost', () => {
  it('cancels the run once its cost passes the limit, exit 7, overshooting by at most one poll', async () => {
    const intervalMs = 100;
    const id = await start(pricey, MAX_SAMPLES_PER_RUN);
    const watched = await runIn(['runs', 'watch', id.slice(0, 8), '--max-cost', '3', '--interval', `${intervalMs}ms`, '--json'], {
      env: pricey.env,
    });
    expect(watched.code, watched.stderr).toBe(7);
    const events = watched.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    const last = events.at(-1);
    expect(last).toMatchObject({ type: 'cost_limit', id, max_cost: 3, canceled: true, exit_code: 7 });
    expect(last.total_cost).toBeGreaterThan(3);
    // The limit as typed; the cost (the one --json reports) with as many decimals as it takes to read above the limit.
    const told = new RegExp(
      `^✗ Run ${id} passed the \\$3\\.00 limit of --max-cost at \\$(\\d+\\.(\\d{2,})) and was canceled: ${last.completed}/${MAX_SAMPLES_PER_RUN} done, ${last.failed} failed, \\$\\1\\n$`,
    ).exec(watched.stderr);
    const [, cost = '', decimals = ''] = found(told, watched.stderr);
    expect(Number(cost)).toBeGreaterThan(3);
    expect(cost).toBe(last.total_cost.toFixed(decimals.length));
    // Every poll before the last was within the limit; the last is the first over it.
    const polled = events.filter((ev) => ev.type === 'progress').map((ev) => ev.total_cost ?? 0);
    expect(polled.at(-1)).toBe(last.total_cost);
    const costs = polled.slice(0, -1);
    expect(costs.length).toBeGreaterThan(0);
    expect(
      costs.every((c) => c <= 3),
      JSON.stringify(polled),
    ).toBe(true);
    const record = found(
      pricey.sandbox.runs('acme').find((r) => r.id === id),
      `the run ${id}`,
    );
    expect(record.run.status).toBe('CANCELED');
    // The sandbox's accrual, from its own record: the run processed from its creation (no PENDING time) until the cancel.
    const charged = record.run.total_cost as number;
    const dollarsPerMs = charged / (Date.parse(record.run.completed_at as string) - Date.parse(record.run.created_at as string));
    // The polls the server received; before the last one the SDK paused --interval grown by 1.5× per poll, at most 2.5 s
    // (the documented schedule).
    const polls = pricey.sandbox.requests().filter((r) => r.method === 'GET' && r.path === `/api/dataframer/runs/${id}/`).length;
    expect(polls).toBe(polled.length);
    const pauseMs = Math.min(intervalMs * 1.5 ** (polls - 2), 2500);
    // One poll's worth of spending: its pause, plus its round trip, which on loopback stays within a pause.
    const onePoll = dollarsPerMs * pauseMs * 2;
    expect(last.total_cost - 3, `over by $${last.total_cost - 3} against one poll's $${onePoll}`).toBeLessThanOrEqual(onePoll);
    // What the server charged in the end: the last poll's cost plus what accrued while the cancel travelled.
    expect(charged - last.total_cost).toBeLessThanOrEqual(dollarsPerMs * pauseMs);
    expect((record.run.samples_completed as number) + (record.run.samples_failed as number)).toBeLessThan(MAX_SAMPLES_PER_RUN);
  });

  it('reports a run that already ended over the limit, exit 7, and leaves it as it is', async () => {
    const id = found(
      fast.sandbox.runs('acme').find((r) => r.run.status === 'SUCCEEDED' && Number(r.run.total_cost ?? 0) > 0.05),
      'a SUCCEEDED run that cost more than $0.05',
    ).id;
    const result = await runIn(['runs', 'watch', id, '--max-cost', '0.01'], { env: fast.env });
    expect(result.code).toBe(7);
    const run = found(
      fast.sandbox.runs('acme').find((r) => r.id === id),
      `the run ${id}`,
    ).run;
    // Two decimals tell $0.05 and more from the $0.01 limit.
    const cost = `$${Number(run.total_cost).toFixed(2)}`;
    expect(result.stderr).toBe(
      `✗ Run ${id} ended SUCCEEDED at ${cost}, over the $0.01 limit of --max-cost: ${run.samples_completed}/${(run.runtime_params as { number_of_samples: number }).number_of_samples} done, ${run.samples_failed} failed, ${cost}\n`,
    );
  });
});

describe('interrupting runs watch', () => {
  it('Ctrl-C stops watching at once with exit 130 and says how to resume; the run goes on', async () => {
    const id = await start(slow, MAX_SAMPLES_PER_RUN);
    const child = spawn(process.execPath, [BIN, 'runs', 'watch', id, '--json'], {
      env: { PATH: process.env['PATH'] ?? '', ...slow.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    const firstEvent = new Promise<void>((resolve) => {
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        stdout += chunk;
        if (stdout.includes('\n')) resolve();
      });
    });
    const closed = new Promise<number | null>((resolve) => child.once('close', resolve));
    await firstEvent;
    const started = Date.now();
    child.kill('SIGINT');
    const code = await closed;
    transcript.push(stdout, stderr);
    expect(code).toBe(130);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(JSON.parse(stdout.trimEnd().split('\n').at(-1) ?? '')).toMatchObject({ type: 'interrupted', id, exit_code: 130 });
    expect(stderr).toContain(`Resume with: dataframer runs watch ${id}`);
    expect(
      found(
        slow.sandbox.runs('acme').find((r) => r.id === id),
        `the run ${id}`,
      ).run.status,
    ).not.toBe('CANCELED');
    await runIn(['runs', 'cancel', id], { env: slow.env });
  });

  it('the interrupt of the context stops an in-process watch the same way', async () => {
    const id = await start(slow, MAX_SAMPLES_PER_RUN);
    let interrupt = (): void => {
      throw new Error('the watch never asked to be told of interrupts');
    };
    const pending = runIn(['runs', 'watch', id], {
      env: slow.env,
      onInterruptReady: (fire) => {
        interrupt = fire;
      },
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    interrupt();
    const result = await pending;
    expect(result.code).toBe(130);
    expect(result.stderr).toContain(`Resume with: dataframer runs watch ${id}`);
    await runIn(['runs', 'cancel', id], { env: slow.env });
  });
});

itPrintedNoKey(fast, slow, pricey);
