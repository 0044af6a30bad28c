import { execFileSync } from 'node:child_process';
import { createClient, type Evaluation } from '@df/node';
import { describe, expect, it, vi } from 'vitest';
import { BIN, plain, runIn } from '../../../../test/support/cli';
import type { Context } from '../../../context';
import { itPrintedNoKey, useSandbox } from '../../../../test/support/sandbox';

vi.setConfig({ testTimeout: 60_000 });

// Runs and evaluations finish at once and never fail.
const fast = useSandbox({ seed: 7, speed: 1000, failureRate: 0 });

/** A finished evaluation of a new 100-sample run of the sandbox, and its id. */
async function evaluated(): Promise<string> {
  const runId = fast.sandbox.control.seedRun({ status: 'SUCCEEDED', samples: 100 });
  const started = await runIn(['runs', 'evaluate', runId, '--wait'], { env: fast.env });
  expect(started.code, started.stderr).toBe(0);
  return started.stdout.trim();
}

const LONG_VALUE = 'a-property-value-far-too-long-for-the-value-column-of-a-narrow-terminal';
const URL = 'https://docs.example.com/a/long/path/that/is/one/word/and/must/never/be/cut/anywhere/by/the/wrapping';

/** An evaluation with long texts and values, served in place of the sandbox's (every other request is real). */
const crafted = (real: Evaluation): Evaluation => ({
  ...real,
  conformance_explanation: `Most properties follow the spec closely; see ${URL} for the method. ${'The sentiment of short replies leans positive. '.repeat(4)}`,
  conformant_areas: 'topic, language and length follow the requested shares within two points',
  non_conformant_areas: 'sentiment: positive replies are over-represented by five points',
  distribution_analysis: [
    {
      property_name: 'sentiment',
      total_samples_analyzed: 100,
      requested_distributions: { positive: 40, negative: 30, neutral: 30 },
      evaluated_distributions: { positive: 45, negative: 28, neutral: 27 },
    },
    {
      property_name: 'topic',
      expected_distributions: { billing: 50, [LONG_VALUE]: 50 },
      observed_distributions: { billing: 48.5, [LONG_VALUE]: 51.5 },
    },
  ],
});

/** The client factory of a run whose `evaluations.retrieve` answers the crafted evaluation. */
const craftedClient: Context['createClient'] = async (options) => {
  const client = createClient(options);
  const retrieve = client.evaluations.retrieve.bind(client.evaluations);
  client.evaluations.retrieve = async (id, o) => crafted(await retrieve(id, o));
  return client;
};

/** The words of a text, whitespace ignored. */
const words = (text: string) => text.split(/\s+/).filter(Boolean);

describe('evaluations get', () => {
  it('prints key/value lines when piped, each key also a --json field with the same value', async () => {
    const id = await evaluated();
    const piped = await runIn(['evaluations', 'get', id], { env: fast.env });
    expect(piped.code, piped.stderr).toBe(0);
    const lines = piped.stdout.trimEnd().split('\n');
    const keys = lines.map((line) => line.split('\t')[0]);
    expect(keys).toContain('conformance_score');
    expect(keys).toContain('distribution_analysis');
    const json = await runIn(['evaluations', 'get', id, '--json', keys.join(',')], { env: fast.env });
    expect(json.code, json.stderr).toBe(0);
    const fields = JSON.parse(json.stdout);
    expect(Object.keys(fields)).toEqual(keys);
    expect(fields.id).toBe(id);
    expect(piped.stdout).toContain(`conformance_score\t${fields.conformance_score}\n`);
    expect(piped.stdout).toContain(`distribution_analysis\t${JSON.stringify(fields.distribution_analysis)}\n`);
  });

  it.each([60, 80, 120])(
    'at %i columns, wraps text between words, cuts no id, URL or value, and keeps every line within the width',
    async (width) => {
      const id = await evaluated();
      const { code, stdout, stderr } = await runIn(['evaluations', 'get', id], {
        env: { ...fast.env, DATAFRAMER_FORCE_TTY: String(width) },
        createClient: craftedClient,
      });
      expect(code, stderr).toBe(0);
      const lines = plain(stdout).trimEnd().split('\n');
      // A line wider than the terminal is only ever one unbreakable word on a line of its own (the URL, the long value).
      for (const line of lines) if ([...line].length > width) expect([URL, LONG_VALUE], line).toContain(line.trim());
      for (const whole of [id, URL, LONG_VALUE, 'positive', 'billing'])
        expect(
          lines.some((line) => line.includes(whole)),
          whole,
        ).toBe(true);
      const real = JSON.parse(
        (await runIn(['evaluations', 'get', id, '--json', 'run_id,conformance_explanation'], { env: fast.env })).stdout,
      );
      expect(lines.some((line) => line.includes(real.run_id))).toBe(true);
      // The explanation's lines, joined, are its words in order: nothing broken inside a word, nothing lost.
      const start = lines.indexOf('Explanation') + 1;
      const explanation = lines.slice(start, lines.indexOf('', start));
      expect(words(explanation.join(' '))).toEqual(words(crafted({ id, status: 'SUCCEEDED' }).conformance_explanation ?? ''));
      expect(explanation.length).toBeGreaterThan(1);
      // Each property's table: the value, the requested and evaluated shares and their difference.
      expect(lines.some((line) => /^ {4}positive +40% +45% +\+5\b/.test(line))).toBe(true);
      expect(lines.some((line) => /^ {4}billing +50% +48\.5% +-1\.5\b/.test(line))).toBe(true);
      // A bar where it fits beside the numbers: the short values' table has one at every width; the table of the long
      // value only when the terminal leaves room beside it (the bar goes before any value would be cut).
      expect(lines.some((line) => /^ {4}positive .*[█░]*│[█░]*$/.test(line))).toBe(true);
      expect(lines.some((line) => /^ {4}billing .*│/.test(line))).toBe(width >= 120);
    },
  );

  it('reads the id from stdin with -, and names a prefix as not taken', async () => {
    const id = await evaluated();
    const fromStdin = await runIn(['evaluations', 'get', '-', '--json', 'id'], { env: fast.env, input: `${id}\n` });
    expect(fromStdin.code, fromStdin.stderr).toBe(0);
    expect(JSON.parse(fromStdin.stdout).id).toBe(id);
    const prefix = await runIn(['evaluations', 'get', id.slice(0, 8)], { env: fast.env });
    expect(prefix.code).toBe(1);
    expect(prefix.stderr).toBe(
      `error: no evaluation has the id ${id.slice(0, 8)}; give the whole id (dataframer evaluations list RUN_ID shows them)\n`,
    );
  });
});

// A real pseudo-terminal: tmux runs the built bin in a pane of a fixed width and the screen is read back.
describe.each([60, 80, 120])('evaluations get in a %i-column terminal', (width) => {
  it('draws no line wider than the pane', async () => {
    const id = await evaluated();
    const socket = `dataframer-eval-test-${process.pid}-${width}`;
    const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, '-f', '/dev/null', ...args], { encoding: 'utf8' });
    const vars = Object.entries({ ...fast.env, TERM: 'xterm-256color' }).flatMap(([k, v]) => ['-e', `${k}=${v}`]);
    tmux(
      'new-session',
      '-d',
      '-s',
      'e',
      '-x',
      String(width),
      '-y',
      '60',
      ...vars,
      `"${process.execPath}" "${BIN}" evaluations get ${id}; echo "EXIT=$?"; sleep 60`,
    );
    let screen = '';
    try {
      for (let i = 0; i < 100 && !screen.includes('EXIT='); i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        // -J joins lines the terminal wrapped, so a line wider than the pane shows up as one long line.
        screen = tmux('capture-pane', '-p', '-J', '-t', 'e');
      }
    } finally {
      tmux('kill-server');
    }
    expect(screen, screen).toContain('EXIT=0');
    expect(screen).toContain(id);
    expect(screen).toContain('Distributions');
    for (const line of screen.split('\n')) expect([...line.trimEnd()].length, line).toBeLessThanOrEqual(width);
  });
});

itPrintedNoKey(fast);
