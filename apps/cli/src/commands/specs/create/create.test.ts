import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GENERATION_MODELS } from '@df/core/constants';
import { describe, expect, it, vi } from 'vitest';
import { plain, runIn, tempDir } from '../../../../test/support/cli';
import { newDataset } from '../../../../test/support/datasets';
import { found, itPrintedNoKey, useSandbox } from '../../../../test/support/sandbox';

vi.setConfig({ testTimeout: 30_000 });

// Specs are generated at once.
const fast = useSandbox({ seed: 7, speed: 1000, failureRate: 0 });
// Specs take the sandbox's real 3 s.
const slow = useSandbox({ seed: 7, speed: 1, failureRate: 0 });

/** A name the sandbox makes a spec FAIL for. */
const FAILING = '[sandbox:fail]';

/** The spec creates a sandbox received. */
const creates = (s: typeof fast) => s.sandbox.requests().filter((r) => r.method === 'POST' && r.path.endsWith('/specs/')).length;

/** A spec as `specs get --json` shows it. */
async function spec(id: string, env = fast.env) {
  const got = await runIn(['specs', 'get', id, '--json', 'name,status,dataset_id,runtime_params'], { env });
  expect(got.code, got.stderr).toBe(0);
  return JSON.parse(got.stdout);
}

describe('specs create', () => {
  it('--dataset NAME --wait: the id alone on stdout, the outcome on stderr, exit 0 once SUCCEEDED', async () => {
    const datasetId = await newDataset(fast.env, 'Spec source tickets');
    const model = found(
      GENERATION_MODELS.find((m) => !m.startsWith('databricks/')),
      'a model without credentials',
    );
    const { code, stdout, stderr } = await runIn(
      ['specs', 'create', 'Spec from tickets', '--dataset', 'spec source TICKETS', '--model', model, '--wait'],
      { env: fast.env },
    );
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(/^[0-9a-f-]{36}\n$/);
    const id = stdout.trim();
    expect(stderr).toMatch(
      new RegExp(
        `^✓ Spec "Spec from tickets" \\(${id}\\) SUCCEEDED in \\d+s\\. Start a run with: dataframer runs create --spec ${id} --samples N\\n$`,
      ),
    );
    expect(await spec(id)).toMatchObject({
      name: 'Spec from tickets',
      status: 'SUCCEEDED',
      dataset_id: datasetId,
      runtime_params: { spec_generation_model_name: model },
    });
  });

  it('--objectives @FILE makes a spec without a dataset; without --wait one line says it started', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'objectives.txt'), 'Short answers to billing questions\n');
    const { code, stdout, stderr } = await runIn(['specs', 'create', 'Billing answers', '--objectives', '@objectives.txt'], {
      env: fast.env,
      cwd,
    });
    expect(code, stderr).toBe(0);
    const id = stdout.trim();
    expect(stderr).toBe(`✓ Started spec "Billing answers" (${id}) from objectives. Check it with: dataframer specs get ${id}\n`);
    expect((await spec(id)).dataset_id).toBeNull();
  });

  it('--wait exits 5 when the spec FAILED', async () => {
    const name = `Doomed spec ${FAILING}`;
    const { code, stdout, stderr } = await runIn(['specs', 'create', name, '--objectives', 'Anything', '--wait'], { env: fast.env });
    expect(code).toBe(5);
    expect(stderr).toMatch(new RegExp(`^✗ Spec ".*" \\(${stdout.trim()}\\) FAILED after \\d+s\\n$`));
  });

  it('refuses a missing source, both sources, empty objectives and an unreadable file with exit 2 before creating anything', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'blank.txt'), '  \n');
    const before = creates(fast);
    for (const [args, message] of [
      [['No source'], 'give --dataset DATASET (a spec from a seed dataset) or --objectives TEXT'],
      [
        ['Two sources', '--dataset', 'x', '--objectives', 'y'],
        "option '--dataset <dataset>' cannot be used with option '--objectives <text>'",
      ],
      [['Blank', '--objectives', ' '], '--objectives is empty'],
      [['Blank file', '--objectives', '@blank.txt'], '--objectives @blank.txt: the file is empty'],
      [['Missing file', '--objectives', '@nope.txt'], '--objectives @nope.txt: no such file'],
      [[' ', '--objectives', 'y'], 'the spec name is empty'],
    ] as const) {
      const result = await runIn(['specs', 'create', ...args], { env: fast.env, cwd });
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toContain(message);
      expect(result.stdout).toBe('');
    }
    const unknown = await runIn(['specs', 'create', 'Orphan', '--dataset', 'No such dataset'], { env: fast.env });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe(
      'error: no dataset named "No such dataset" (nor with an id starting with it); see: dataframer datasets list\n',
    );
    expect(creates(fast)).toBe(before);
  });

  it('--wait --timeout: exit 8 while the spec is still being generated, saying how to check it', async () => {
    const { code, stdout, stderr } = await runIn(
      ['specs', 'create', 'Slow spec', '--objectives', 'Anything', '--wait', '--timeout', '1s'],
      {
        env: slow.env,
      },
    );
    expect(code).toBe(8);
    const id = stdout.trim();
    expect(stderr).toMatch(
      new RegExp(
        `^Spec "Slow spec" \\(${id}\\) is still PROCESSING after \\ds; it goes on being generated on the server\\. Check it with: dataframer specs get ${id}\\n$`,
      ),
    );
  });

  it('draws the status and the elapsed time on a terminal, within the width, and clears it before the outcome', async () => {
    const width = 60;
    const { code, stdout, stderr } = await runIn(['specs', 'create', 'Drawn spec', '--objectives', 'Anything', '--wait'], {
      env: { ...slow.env, NO_COLOR: '1' },
      tty: { stderr: true, columns: width },
    });
    expect(code, stderr).toBe(0);
    const frames = stderr.split('\r\x1b[2K');
    const drawn = frames.filter((frame) => /PROCESSING/.test(frame));
    expect(drawn.length).toBeGreaterThan(1);
    for (const frame of drawn) {
      expect(frame).toMatch(/^[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] PROCESSING · spec "Drawn spec" · \d+s$/);
      expect([...frame].length).toBeLessThan(width);
    }
    const last = plain(found(frames.at(-1), 'the last frame'));
    for (const line of last.trimEnd().split('\n')) expect([...line].length, line).toBeLessThanOrEqual(width);
    expect(last.replace(/\n(?!$)/g, ' ')).toContain(`✓ Spec "Drawn spec" (${stdout.trim()}) SUCCEEDED in `);
  });

  it('Ctrl-C stops waiting with exit 130 and says the spec goes on', async () => {
    let interrupt = (): void => {
      throw new Error('the wait never asked to be told of interrupts');
    };
    const pending = runIn(['specs', 'create', 'Interrupted spec', '--objectives', 'Anything', '--wait'], {
      env: slow.env,
      onInterruptReady: (fire) => {
        interrupt = fire;
      },
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    interrupt();
    const result = await pending;
    expect(result.code).toBe(130);
    const id = result.stdout.trim();
    expect(result.stderr).toBe(
      `Stopped waiting; spec "Interrupted spec" (${id}) goes on being generated on the server. Check it with: dataframer specs get ${id}\n`,
    );
  });
});

itPrintedNoKey(fast, slow);
