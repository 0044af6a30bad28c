import { describe, expect, it, vi } from 'vitest';
import { plain, runIn } from '../../../../test/support/cli';
import { itPrintedNoKey, useSandbox } from '../../../../test/support/sandbox';

vi.setConfig({ testTimeout: 30_000 });

// Runs and evaluations finish at once and never fail.
const fast = useSandbox({ seed: 7, speed: 1000, failureRate: 0 });

/** A new SUCCEEDED run with `count` finished evaluations, and their ids in the order they were started. */
async function evaluatedRun(count: number): Promise<{ runId: string; ids: string[] }> {
  const runId = fast.sandbox.control.seedRun({ status: 'SUCCEEDED', samples: 50 });
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const started = await runIn(['runs', 'evaluate', runId, '--wait'], { env: fast.env });
    expect(started.code, started.stderr).toBe(0);
    ids.push(started.stdout.trim());
    // Creation times a millisecond apart at least, so newest first is one order.
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return { runId, ids };
}

describe('evaluations list', () => {
  it('lists a run (by id prefix) newest first: whole ids, status and score on a terminal even at 60 columns', async () => {
    const { runId, ids } = await evaluatedRun(2);
    for (const width of [60, 120]) {
      const { code, stdout, stderr } = await runIn(['evaluations', 'list', runId.slice(0, 8)], {
        env: { ...fast.env, DATAFRAMER_FORCE_TTY: String(width) },
      });
      expect(code, stderr).toBe(0);
      const lines = plain(stdout).trimEnd().split('\n');
      expect(lines[0]).toMatch(width === 60 ? /^ID +SCORE +STATUS$/ : /^ID +SCORE +STATUS +CREATED +COMPLETED$/);
      expect(lines.slice(1).map((line) => line.split(/ +/)[0])).toEqual([...ids].reverse());
      for (const line of lines.slice(1)) expect(line).toMatch(/^[0-9a-f-]{36} +\d+(\.\d+)? +SUCCEEDED\b/);
      for (const line of lines) expect([...line].length, line).toBeLessThanOrEqual(width);
    }
  });

  it('prints tab-separated exact values when piped, and --json fields of the summaries', async () => {
    const { runId, ids } = await evaluatedRun(1);
    const piped = await runIn(['evaluations', 'list', runId], { env: fast.env });
    expect(piped.code, piped.stderr).toBe(0);
    const [row] = piped.stdout
      .trimEnd()
      .split('\n')
      .map((line) => line.split('\t'));
    const json = JSON.parse(
      (await runIn(['evaluations', 'list', runId, '--json', 'id,conformance_score,status,created_at,completed_at'], { env: fast.env }))
        .stdout,
    );
    expect(json).toHaveLength(ids.length);
    expect(row).toEqual([json[0].id, String(json[0].conformance_score), json[0].status, json[0].created_at, json[0].completed_at]);
    const fields = await runIn(['evaluations', 'list', runId, '--json'], { env: fast.env });
    expect(fields.code).toBe(2);
    expect(fields.stderr).toContain('conformance_score');
  });

  it('says when a run has no evaluations, and how to start one', async () => {
    const runId = fast.sandbox.control.seedRun({ status: 'SUCCEEDED', samples: 5 });
    const { code, stdout, stderr } = await runIn(['evaluations', 'list', runId], { env: fast.env });
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toBe(`Run ${runId} has no evaluations; start one with: dataframer runs evaluate ${runId}\n`);
  });
});

itPrintedNoKey(fast);
