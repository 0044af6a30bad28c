import { createClient } from '@df/node';
import { describe, expect, it, vi } from 'vitest';
import { plain, runIn } from '../../../../test/support/cli';
import { found, itPrintedNoKey, useSandbox } from '../../../../test/support/sandbox';

vi.setConfig({ testTimeout: 30_000 });

// Runs finish at once and never fail.
const fast = useSandbox({ seed: 7, speed: 1000, failureRate: 0 });

/** A run of the sandbox's acme company that SUCCEEDED. */
const succeeded = () =>
  found(
    fast.sandbox.runs('acme').find((r) => r.run.status === 'SUCCEEDED'),
    'a SUCCEEDED run',
  ).id;

describe('runs get', () => {
  it('prints key/value lines when piped and a readable block on a terminal', async () => {
    const id = succeeded();
    const piped = await runIn(['runs', 'get', id], { env: fast.env });
    expect(piped.code).toBe(0);
    const fields = Object.fromEntries(
      piped.stdout
        .trimEnd()
        .split('\n')
        .map((line) => line.split('\t')),
    );
    expect(fields['id']).toBe(id);
    expect(fields['status']).toBe('SUCCEEDED');
    expect(fields['total_cost']).toMatch(/^\d+(\.\d+)?$/);
    const tty = await runIn(['runs', 'get', id], { env: { ...fast.env, DATAFRAMER_FORCE_TTY: '1' } });
    expect(tty.stdout).toMatch(/Progress.*completed, \d+ failed/);
    expect(tty.stdout).toMatch(/Cost.*\$\d+\.\d\d/);
    const json = JSON.parse((await runIn(['runs', 'get', id, '--json', 'id,runtime_params'], { env: fast.env })).stdout);
    expect(json.id).toBe(id);
    expect(json.runtime_params.number_of_samples).toBeGreaterThan(0);
  });

  it('takes every key its piped output prints as a --json field, the runtime parameters included', async () => {
    const id = succeeded();
    const piped = await runIn(['runs', 'get', id], { env: fast.env });
    const keys = piped.stdout
      .trimEnd()
      .split('\n')
      .map((line) => line.split('\t')[0]);
    expect(keys).toContain('number_of_samples');
    const json = await runIn(['runs', 'get', id, '--json', keys.join(',')], { env: fast.env });
    expect(json.code, json.stderr).toBe(0);
    const fields = JSON.parse(json.stdout);
    expect(Object.keys(fields)).toEqual(keys);
    expect(piped.stdout).toContain(`number_of_samples\t${fields.number_of_samples}\n`);
  });

  it('--json before an id that is not a field list lists the fields (the word is the id)', async () => {
    const result = await runIn(['runs', 'get', '--json', succeeded()], { env: fast.env });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Available fields');
  });

  it('exits 1 with the status and detail for an unknown id', async () => {
    const { code, stdout, stderr } = await runIn(['runs', 'get', 'no-such-run'], { env: fast.env });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^error: 404 Not Found .*Not found\./);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('names arguments as the user wrote them when the SDK rejects one', async () => {
    const { code, stderr } = await runIn(['runs', 'get', '..'], { env: fast.env });
    expect(code).toBe(2);
    expect(stderr).toMatch(/^error: invalid input: the run id must not be "\.\."/);
    expect(stderr).not.toContain('runId');
  });

  it('reads the id from stdin with -', async () => {
    const id = succeeded();
    const { code, stdout } = await runIn(['runs', 'get', '-', '--json', 'id'], { env: fast.env, input: `${id}\n` });
    expect(code).toBe(0);
    expect(JSON.parse(stdout).id).toBe(id);
    const empty = await runIn(['runs', 'get', '-'], { env: fast.env, input: '' });
    expect(empty.code).toBe(2);
  });

  it('takes any unique id prefix of 6 or more characters, wherever a run id is taken', async () => {
    const id = succeeded();
    for (const length of [6, 8, 13]) {
      const prefix = id.slice(0, length);
      const got = await runIn(['runs', 'get', prefix, '--json', 'id'], { env: fast.env });
      expect(got.code, prefix).toBe(0);
      expect(JSON.parse(got.stdout).id).toBe(id);
      expect((await runIn(['runs', 'get', prefix.toUpperCase(), '--json', 'id'], { env: fast.env })).code).toBe(0);
    }
    const short = id.slice(0, 8);
    const samples = await runIn(['runs', 'samples', short, '--limit', '1'], { env: fast.env });
    expect(samples.code).toBe(0);
    expect(samples.stdout.trimEnd().split('\n')).toHaveLength(1);
    const watched = await runIn(['runs', 'watch', short], { env: fast.env });
    expect(watched.code).toBe(0);
    expect(watched.stderr).toContain(`Run ${id} SUCCEEDED`);
    const missing = await runIn(['runs', 'get', 'abcdef99'], { env: fast.env });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('error: no run found with an id starting with abcdef99\n');
  });
});

describe("runs get and the run's evaluations", () => {
  it('names the latest evaluation in one line (id, status, score) and as latest_evaluation when piped or in --json', async () => {
    const id = fast.sandbox.control.seedRun({ status: 'SUCCEEDED', samples: 40 });
    const none = await runIn(['runs', 'get', id], { env: { ...fast.env, DATAFRAMER_FORCE_TTY: '120' } });
    expect(none.stdout).not.toContain('Evaluation');
    expect((await runIn(['runs', 'get', id], { env: fast.env })).stdout).toContain('latest_evaluation\t\n');
    const evaluations: string[] = [];
    for (let i = 0; i < 2; i++) {
      evaluations.push((await runIn(['runs', 'evaluate', id, '--wait'], { env: fast.env })).stdout.trim());
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const latest = evaluations[1];
    const json = JSON.parse((await runIn(['runs', 'get', id, '--json', 'latest_evaluation'], { env: fast.env })).stdout);
    expect(json.latest_evaluation).toMatchObject({ id: latest, status: 'SUCCEEDED' });
    const score = json.latest_evaluation.conformance_score;
    expect(typeof score).toBe('number');
    const tty = await runIn(['runs', 'get', id], { env: { ...fast.env, DATAFRAMER_FORCE_TTY: '120' } });
    expect(plain(tty.stdout)).toContain(`Evaluation  ${latest} SUCCEEDED, score ${score}/100 (the latest of 2 evaluations)\n`);
    const piped = await runIn(['runs', 'get', id], { env: fast.env });
    expect(piped.stdout).toContain(`latest_evaluation\t${JSON.stringify(json.latest_evaluation)}\n`);
  });

  it('leaves the evaluation out quietly when the server has no evaluation list for the run (404)', async () => {
    const id = succeeded();
    // The evaluations of a run the server does not know: a real 404 from the sandbox.
    const noList = async (options: Parameters<typeof createClient>[0]) => {
      const client = createClient(options);
      const list = client.runs.evaluations.bind(client.runs);
      client.runs.evaluations = (_runId, o) => list('00000000-0000-4000-8000-000000000000', o);
      return client;
    };
    const { code, stdout, stderr } = await runIn(['runs', 'get', id], {
      env: { ...fast.env, DATAFRAMER_FORCE_TTY: '1' },
      createClient: noList,
    });
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toContain(id);
    expect(stdout).not.toContain('Evaluation');
  });
});

itPrintedNoKey(fast);
