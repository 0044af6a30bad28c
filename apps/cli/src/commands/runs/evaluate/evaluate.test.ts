import { describe, expect, it, vi } from 'vitest';
import { plain, runIn } from '../../../../test/support/cli';
import { type CliSandbox, found, itPrintedNoKey, useSandbox } from '../../../../test/support/sandbox';

vi.setConfig({ testTimeout: 30_000 });

// Runs and evaluations finish at once and never fail.
const fast = useSandbox({ seed: 7, speed: 1000, failureRate: 0 });
// Every evaluation ends FAILED (runs still succeed).
const failing = useSandbox({ seed: 7, speed: 1000, failureRate: 0, evaluationFailureRate: 1 });
// Evaluations take seconds: PENDING for 1 s, PROCESSING for 5 s at speed 1.
const slow = useSandbox({ seed: 7, speed: 1, failureRate: 0 });

/** A new run of `samples` samples that SUCCEEDED. The sandbox scores a 1-sample run poorly and a 100-sample run well. */
function succeeded(on: CliSandbox, samples: number): string {
  return on.sandbox.control.seedRun({ status: 'SUCCEEDED', samples });
}

/** The evaluations the sandbox holds for a run, as its API lists them. */
async function evaluationsOf(on: CliSandbox, runId: string): Promise<Array<{ id: string; status: string }>> {
  const listed = await runIn(['evaluations', 'list', runId, '--json', 'id,status'], { env: on.env });
  expect(listed.code, listed.stderr).toBe(0);
  return JSON.parse(listed.stdout);
}

describe('runs evaluate', () => {
  it('starts an evaluation: its id alone on stdout, one confirming line on stderr', async () => {
    const runId = succeeded(fast, 100);
    const { code, stdout, stderr } = await runIn(['runs', 'evaluate', runId.slice(0, 8)], { env: fast.env });
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(/^[0-9a-f-]{36}\n$/);
    expect(stderr).toBe(`✓ Started evaluation ${stdout.trim()} of run ${runId}\n`);
    expect((await evaluationsOf(fast, runId)).map((e) => e.id)).toEqual([stdout.trim()]);
  });

  it('--wait prints the score; --min-score exits 0 at or above it and 9 below it', async () => {
    const good = succeeded(fast, 100);
    const waited = await runIn(['runs', 'evaluate', good, '--wait'], { env: fast.env });
    expect(waited.code, waited.stderr).toBe(0);
    const score = Number(found(/score (\d+(?:\.\d+)?)\/100/.exec(waited.stderr), 'a score')[1]);
    expect(score).toBeGreaterThanOrEqual(80);
    const passed = await runIn(['runs', 'evaluate', good, '--min-score', String(score)], { env: fast.env });
    expect(passed.code, passed.stderr).toBe(0);
    expect(passed.stderr).toContain(`score ${score}/100, at least --min-score ${score}`);
    const over = await runIn(['runs', 'evaluate', good, '--min-score', String(score + 0.1)], { env: fast.env });
    expect(over.code).toBe(9);
    expect(over.stderr).toContain(`score ${score}/100, below --min-score ${score + 0.1}`);

    const poor = succeeded(fast, 1);
    const gated = await runIn(['runs', 'evaluate', poor, '--min-score', '80%'], { env: fast.env });
    expect(gated.code).toBe(9);
    expect(gated.stdout).toMatch(/^[0-9a-f-]{36}\n$/);
    expect(gated.stderr).toMatch(/✗ Evaluation [0-9a-f-]{36} (SUCCEEDED|COMPLETED): score \d+(\.\d+)?\/100, below --min-score 80\./);
  });

  it('refuses a run that has not SUCCEEDED, saying what to do, and starts nothing', async () => {
    for (const [on, status, advice] of [
      [slow, 'PROCESSING', 'wait for it with: dataframer runs watch'],
      [fast, 'FAILED', 'start a new run'],
    ] as const) {
      const runId = on.sandbox.control.seedRun({ status, samples: 20_000 });
      const { code, stdout, stderr } = await runIn(['runs', 'evaluate', runId], { env: on.env });
      expect(code).toBe(1);
      expect(stdout).toBe('');
      expect(stderr).toBe(
        `error: run ${runId} is ${status}; only a SUCCEEDED run can be evaluated (${advice}${status === 'FAILED' ? '' : ` ${runId}`})\n`,
      );
      expect(await evaluationsOf(on, runId)).toEqual([]);
    }
  });

  it('takes scores from 0 to 100 (or 80%), and refuses a fraction or anything else before starting anything', async () => {
    const runId = succeeded(fast, 100);
    for (const [value, message] of [
      ['0.8', 'Scores run from 0 to 100, not 0 to 1: for 80%, give 80.'],
      ['101', 'Expected a score from 0 to 100'],
      ['-5', 'Expected a score from 0 to 100'],
      ['high', 'Expected a score from 0 to 100'],
    ]) {
      const { code, stderr } = await runIn(['runs', 'evaluate', runId, `--min-score=${value}`], { env: fast.env });
      expect(code, value).toBe(2);
      expect(stderr).toContain(`option '--min-score <score>' argument '${value}' is invalid. ${message}`);
    }
    expect(await evaluationsOf(fast, runId)).toEqual([]);
  });

  it('exits 10 when the evaluation ends FAILED, telling it from a poor score', async () => {
    const runId = succeeded(failing, 100);
    const { code, stdout, stderr } = await runIn(['runs', 'evaluate', runId, '--min-score', '1'], { env: failing.env });
    expect(code).toBe(10);
    expect(stderr).toContain(`✗ Evaluation ${stdout.trim()} FAILED`);
    expect(stderr).not.toContain('score');
  });

  it('draws a status line on a terminal while it waits, and says how to see it when --timeout ends the wait (exit 8)', async () => {
    const runId = succeeded(slow, 100);
    const { code, stdout, stderr } = await runIn(['runs', 'evaluate', runId, '--wait', '--timeout', '2500ms'], {
      env: slow.env,
      tty: { stderr: true, columns: 60 },
    });
    const id = stdout.trim();
    expect(code).toBe(8);
    const frames = stderr.split('\r\x1b[2K').slice(1, -1);
    expect(frames.length).toBeGreaterThan(0);
    for (const frame of frames) {
      expect(plain(frame)).toMatch(/^. (PENDING|PROCESSING) · evaluating/);
      expect([...plain(frame)].length, frame).toBeLessThan(60);
    }
    // The last word, after the status line is cleared: wrapped between words to the terminal's 60 columns.
    const told = plain(stderr.split('\r\x1b[2K').at(-1) ?? '');
    expect(told.endsWith('\n'), told).toBe(true);
    const lines = told.trimEnd().split('\n');
    for (const line of lines) expect([...line].length, line).toBeLessThanOrEqual(60);
    expect(lines.join(' ')).toMatch(
      new RegExp(
        `^Evaluation ${id} is still PROCESSING after \\d+s; it goes on on the server\\. See it with: dataframer evaluations get ${id}$`,
      ),
    );
  });
});

itPrintedNoKey(fast, failing, slow);
