import { GENERATION_MODELS, MAX_SAMPLES_PER_RUN, SEED_SHUFFLING_LEVELS } from '@df/core/constants';
import { createClient, type NodeClient, type NodeClientOptions } from '@df/node';
import { describe, expect, it, vi } from 'vitest';
import { runIn } from '../../../../test/support/cli';
import { found, itPrintedNoKey, useSandbox } from '../../../../test/support/sandbox';

vi.setConfig({ testTimeout: 30_000 });

// Runs finish at once and never fail.
const fast = useSandbox({ seed: 7, speed: 1000, failureRate: 0 });
// Every new run ends FAILED.
const failing = useSandbox({ seed: 7, speed: 1000, failureRate: 1 });
// Fast enough to spend a few dollars a second: 1,000 samples/s at $0.004 a sample.
const pricey = useSandbox({ seed: 5, speed: 200, failureRate: 0, pendingMs: 0 });

/** Two models a run may name without Databricks credentials. */
const [model, outlineModel] = GENERATION_MODELS.filter((name) => !name.startsWith('databricks/'));

/** How many creates the fast sandbox has received. */
const creates = () => fast.sandbox.requests().filter((r) => r.method === 'POST').length;

/** The run the fast sandbox holds under an id the command printed. */
const created = (stdout: string) =>
  found(
    fast.sandbox.runs('acme').find((r) => r.id === stdout.trim()),
    `the run ${stdout.trim()}`,
  );

describe('runs create', () => {
  it('prints only the new id on stdout', async () => {
    const { code, stdout, stderr } = await runIn(['runs', 'create', '--spec', fast.readySpec, '--samples', '20'], { env: fast.env });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^[0-9a-f-]{36}\n$/);
    // The confirmation goes to stderr, terminal or not, so stdout stays the id alone.
    const id = stdout.trim();
    expect(stderr).toBe(`✓ Started run ${id} (20 samples). Follow it with: dataframer runs watch ${id}\n`);
    expect(fast.sandbox.runs('acme').map((r) => r.id)).toContain(stdout.trim());
  });

  it('takes the spec by name (any case) or id prefix, and names the candidates or the miss', async () => {
    const { env, readySpec } = fast;
    const byName = await runIn(['runs', 'create', '--spec', 'acme corp SUPPORT tickets', '-n', '3'], { env });
    expect(byName.code, byName.stderr).toBe(0);
    expect(created(byName.stdout).run.spec_name).toBe('Acme Corp support tickets');
    const byPrefix = await runIn(['runs', 'create', '--spec', readySpec.slice(0, 8), '-n', '3'], { env });
    expect(byPrefix.code, byPrefix.stderr).toBe(0);
    expect(created(byPrefix.stdout).run.spec_id).toBe(readySpec);
    const before = creates();
    const none = await runIn(['runs', 'create', '--spec', 'No such spec', '-n', '3'], { env });
    expect(none.code).toBe(1);
    expect(none.stderr).toBe('error: no spec named "No such spec" (nor with an id starting with it); see: dataframer specs list\n');
    expect(creates()).toBe(before);
  });

  it('says so when a create replayed under the same idempotency key answers with the run that already existed', async () => {
    const args = ['runs', 'create', '--spec', fast.readySpec, '-n', '7', '--idempotency-key', 'cli-test-replay-1'];
    const first = await runIn(args, { env: fast.env });
    expect(first.code).toBe(0);
    expect(first.stderr).toBe(
      `✓ Started run ${first.stdout.trim()} (7 samples). Follow it with: dataframer runs watch ${first.stdout.trim()}\n`,
    );
    const again = await runIn(args, { env: fast.env });
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(first.stdout);
    expect(again.stderr).toBe(
      `Run ${first.stdout.trim()} already existed: the server answered Idempotency-Key cli-test-replay-1 with the run an earlier request started, so no new run was started.\n`,
    );
    expect(fast.sandbox.runs('acme').filter((r) => r.idempotencyKey === 'cli-test-replay-1')).toHaveLength(1);
  });

  it('lists the candidates when a spec name matches several specs, and creates nothing', async () => {
    const { readySpec } = fast;
    // The sandbox's spec names are unique: the list is given a second spec of the same name.
    const twinSpec = '00000000-0000-4000-8000-0000000000aa';
    const withTwin = async (options: NodeClientOptions): Promise<NodeClient> => {
      const client = createClient(options);
      const list = client.specs.list.bind(client.specs);
      client.specs.list = async (o) => {
        const specs = await list(o);
        return [
          ...specs,
          {
            ...found(
              specs.find((spec) => spec.id === readySpec),
              'the ready spec',
            ),
            id: twinSpec,
          },
        ];
      };
      return client;
    };
    const name = String(found(fast.sandbox.runs('acme').find((r) => r.run.spec_id === readySpec)?.run.spec_name, 'the ready spec name'));
    const before = creates();
    const result = await runIn(['runs', 'create', '--spec', name, '-n', '3'], { env: fast.env, createClient: withTwin });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`--spec "${name}" matches 2 specs; give the id:`);
    expect(result.stderr).toContain(`  ${readySpec}  ${name}`);
    expect(result.stderr).toContain(`  ${twinSpec}  ${name}`);
    expect(creates()).toBe(before);
  });

  it('sends the documented create fields', async () => {
    const level = found(SEED_SHUFFLING_LEVELS.at(-1), 'a seed shuffling level');
    const { code, stdout } = await runIn(
      [
        ...['runs', 'create', '--spec', fast.readySpec, '-n', '30', '--spec-version', '2'],
        ...['--model', found(model, 'a model'), '--outline-model', found(outlineModel, 'a second model')],
        ...['--max-examples', '5', '--seed-shuffling', level, '--idempotency-key', 'cli-test-fields-1'],
      ],
      { env: fast.env },
    );
    expect(code).toBe(0);
    const record = created(stdout);
    expect(record.idempotencyKey).toBe('cli-test-fields-1');
    expect(record.run.spec_version).toBe(2);
    expect(record.run.runtime_params).toMatchObject({
      number_of_samples: 30,
      generation_model: model,
      outline_model: outlineModel,
      max_examples_in_prompt: 5,
      seed_shuffling_level: level,
    });
  });

  it('rejects missing, non-numeric and out-of-range values with exit 2 before sending anything', async () => {
    const { readySpec } = fast;
    const before = creates();
    for (const args of [
      ['--samples', '10'],
      ['--spec', readySpec],
      ['--spec', readySpec, '--samples', 'ten'],
      ['--spec', readySpec, '--samples', '0'],
      ['--spec', readySpec, '--samples', String(MAX_SAMPLES_PER_RUN + 1)],
      ['--spec', readySpec, '--samples', '10', '--spec-version', '0'],
      ['--spec', readySpec, '--samples', '10', '--seed-shuffling', 'lots'],
      ['--spec', readySpec, '--samples', '10', '--timeout', 'soon'],
      ['--spec', ' ', '--samples', '10'],
    ]) {
      const result = await runIn(['runs', 'create', ...args], { env: fast.env });
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stdout).toBe('');
    }
    expect(creates()).toBe(before);
  });

  it('reports a server-side rejection (unknown spec) as exit 1 with the detail', async () => {
    const unknownSpec = '00000000-0000-4000-8000-000000000000';
    const { code, stderr } = await runIn(['runs', 'create', '--spec', unknownSpec, '--samples', '5'], { env: fast.env });
    expect(code).toBe(1);
    expect(stderr).toMatch(new RegExp(`^error: 400 Bad Request from POST /api/dataframer/runs/: Spec ${unknownSpec} was not found`));
  });

  it('--wait exits 0 for a SUCCEEDED run and 5 for a FAILED one', async () => {
    const ok = await runIn(['runs', 'create', '--spec', fast.readySpec, '-n', '50', '--wait', '--interval', '50ms'], { env: fast.env });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^[0-9a-f-]{36}\n$/);
    expect(ok.stderr).toContain('SUCCEEDED');
    const bad = await runIn(['runs', 'create', '--spec', failing.readySpec, '-n', '50', '--wait', '--interval', '50ms'], {
      env: failing.env,
    });
    expect(bad.code).toBe(5);
    expect(bad.stderr).toContain('FAILED');
  });

  it('--wait --max-cost cancels the run once its cost passes the limit, exit 7; --max-cost without --wait is refused before anything is created', async () => {
    const { env, readySpec, sandbox } = pricey;
    const samples = String(MAX_SAMPLES_PER_RUN);
    const before = sandbox.runs('acme').length;
    const refused = await runIn(['runs', 'create', '--spec', readySpec, '-n', samples, '--max-cost', '3'], { env });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--max-cost needs --wait');
    expect(sandbox.runs('acme').length).toBe(before);
    const guarded = await runIn(
      ['runs', 'create', '--spec', readySpec, '-n', samples, '--wait', '--max-cost', '2.5', '--interval', '100ms'],
      { env },
    );
    expect(guarded.code, guarded.stderr).toBe(7);
    const id = guarded.stdout.trim();
    expect(
      found(
        sandbox.runs('acme').find((r) => r.id === id),
        `the run ${id}`,
      ).run.status,
    ).toBe('CANCELED');
    // The limit as typed, the cost with the decimals that tell it from the limit, the same cost in the progress.
    const told = new RegExp(
      `\\n✗ Run ${id} passed the \\$2\\.50 limit of --max-cost at \\$(\\d+\\.\\d{2,}) and was canceled: \\d+/${samples} done, \\d+ failed, \\$\\1\\n$`,
    ).exec(guarded.stderr);
    expect(Number(found(told, guarded.stderr)[1])).toBeGreaterThan(2.5);
    for (const bad of ['0', '-1', 'lots']) expect((await runIn(['runs', 'watch', id, '--max-cost', bad], { env })).code, bad).toBe(2);
  });

  it('when a create may have happened: says so from the error fields, how to check, and the command that repeats it under the same key', async () => {
    const fault = fast.sandbox.faults.add({ method: 'POST', path: '/runs/', kind: 'drop-after-act', nth: [1] });
    try {
      const first = await runIn(['runs', 'create', '--spec', fast.readySpec, '--samples', '12', '--model', found(model, 'a model')], {
        env: fast.env,
      });
      expect(first.code).toBe(1);
      expect(first.stdout).toBe('');
      const retry = found(/(dataframer runs create .*--idempotency-key ([0-9a-f-]{36}))/.exec(first.stderr), 'the retry command');
      const [, command = '', key = ''] = retry;
      const lines = first.stderr.trimEnd().split('\n');
      expect(lines[0]).toMatch(
        /^error: the create may or may not have started a run: .+, after \d+ attempts?\. It was not repeated automatically because runs cost money\.$/,
      );
      expect(lines[1]).toBe('Check first whether the run exists: dataframer runs list --since 1h');
      expect(lines[2]).toBe(
        `If it does not, repeat the create under the same Idempotency-Key ${key}; a server that honours Idempotency-Key answers with the run it already started instead of starting a second one:`,
      );
      expect(lines[3]).toBe(command);
      expect(first.stderr).not.toMatch(/\bsafe(ly)?\b/);
      const second = await runIn(command.split(' ').slice(1), { env: fast.env });
      expect(second.code).toBe(0);
      const runs = fast.sandbox.runs('acme').filter((r) => r.idempotencyKey === key);
      expect(runs.map((r) => r.id)).toEqual([second.stdout.trim()]);
    } finally {
      fast.sandbox.faults.remove(fault);
    }
  });
});

describe('runs create --wait --evaluate: the CI gate', () => {
  /** The evaluations the sandbox has made of a run, from its API. */
  const evaluationsOf = async (on: typeof fast, runId: string): Promise<Array<{ id: string; conformance_score: number }>> =>
    JSON.parse((await runIn(['evaluations', 'list', runId, '--json', 'id,conformance_score'], { env: on.env })).stdout);

  it('exits 0 when the score is at least --min-score, and 9 when it is below; the run id stays alone on stdout', async () => {
    // The sandbox scores a run of many samples well (80 or more) and a run of one sample poorly (below 80).
    const gate = ['--wait', '--evaluate', '--min-score', '80', '--interval', '50ms'];
    const good = await runIn(['runs', 'create', '--spec', fast.readySpec, '-n', '100', ...gate], { env: fast.env });
    expect(good.code, good.stderr).toBe(0);
    expect(good.stdout).toMatch(/^[0-9a-f-]{36}\n$/);
    const [evaluation] = await evaluationsOf(fast, good.stdout.trim());
    const goodScore = found(evaluation, 'the evaluation of the good run').conformance_score;
    expect(good.stderr).toContain(`✓ Started evaluation ${evaluation?.id} of run ${good.stdout.trim()}`);
    expect(good.stderr).toContain(`score ${goodScore}/100, at least --min-score 80.`);

    const poor = await runIn(['runs', 'create', '--spec', fast.readySpec, '-n', '1', ...gate], { env: fast.env });
    expect(poor.code, poor.stderr).toBe(9);
    expect(poor.stdout).toMatch(/^[0-9a-f-]{36}\n$/);
    const poorScore = found((await evaluationsOf(fast, poor.stdout.trim()))[0], 'the evaluation of the poor run').conformance_score;
    expect(poorScore).toBeLessThan(80);
    expect(poor.stderr).toContain(`score ${poorScore}/100, below --min-score 80.`);
  });

  it('ends the --json stream with the evaluation and its exit code', async () => {
    const result = await runIn(
      ['runs', 'create', '--spec', fast.readySpec, '-n', '1', '--wait', '--json', '--evaluate', '--min-score', '99'],
      {
        env: fast.env,
      },
    );
    expect(result.code).toBe(9);
    const [id, ...events] = result.stdout.trimEnd().split('\n');
    const last = JSON.parse(found(events.at(-1), 'the last event'));
    expect(last).toMatchObject({ type: 'evaluation', run_id: id, min_score: 99, exit_code: 9 });
    expect(last.conformance_score).toBeLessThan(99);
  });

  it("does not evaluate a run that did not SUCCEED, and keeps the run's exit code", async () => {
    const result = await runIn(['runs', 'create', '--spec', failing.readySpec, '-n', '20', '--wait', '--evaluate', '--min-score', '80'], {
      env: failing.env,
    });
    expect(result.code).toBe(5);
    expect(result.stderr).toContain(`Run ${result.stdout.trim()} did not succeed, so it was not evaluated.`);
    expect(await evaluationsOf(failing, result.stdout.trim())).toEqual([]);
  });

  it('refuses --evaluate without --wait, and --min-score or --eval-model without --evaluate, before creating anything', async () => {
    const before = creates();
    for (const [flags, message] of [
      [['--evaluate'], '--evaluate needs --wait'],
      [['--wait', '--min-score', '80'], '--min-score needs --evaluate'],
      [['--wait', '--eval-model', 'gpt-4.1'], '--eval-model needs --evaluate'],
    ] as const) {
      const result = await runIn(['runs', 'create', '--spec', fast.readySpec, '-n', '5', ...flags], { env: fast.env });
      expect(result.code, flags.join(' ')).toBe(2);
      expect(result.stderr).toContain(`error: ${message}`);
    }
    expect(creates()).toBe(before);
  });
});

itPrintedNoKey(fast, failing, pricey);
