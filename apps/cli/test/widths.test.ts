// Every command's help, and every list and detail command against a sandbox with long names, in real terminals 60, 80
// and 120 columns wide: no line wider than the terminal, no value a user types back cut, no word broken in two. Each
// width is one pane that runs every command in turn; what each should say comes from runs in this process, once.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { COMMANDS } from '../src/commands/registry';
import { SHORT_ID } from '../src/format';
import { runIn } from './support/cli';
import { newDataset } from './support/datasets';
import { found, useSandbox } from './support/sandbox';
import { type Shown, useTerminal } from './support/terminal';

vi.setConfig({ hookTimeout: 120_000 });

const WIDTHS = [60, 80, 120];
const fast = useSandbox({ seed: 5, speed: 1000, failureRate: 0 });
const terminal = useTerminal('widths');

// Longer than a model id, shorter than the narrowest terminal with the id beside it.
const SPEC_NAME = 'Enterprise support escalations, multilingual';
const DATASET_NAME = 'Customer-support escalation export 2024-Q4';

/** Ids of what the sandbox was given: a dataset, a spec made from objectives, runs of it, an evaluation. */
const made = { dataset: '', spec: '', run: '', evaluation: '' };
const started = Date.now();

beforeAll(async () => {
  const env = fast.env;
  made.dataset = await newDataset(env, DATASET_NAME, 'Tickets escalated to the second line, in every language we answer in');
  const spec = await runIn(['specs', 'create', SPEC_NAME, '--objectives', 'Escalated tickets with a reason and a priority', '--wait'], {
    env,
  });
  expect(spec.code, spec.stderr).toBe(0);
  made.spec = spec.stdout.trim().split('\n')[0] ?? '';
  const runs = await Promise.all(
    Array.from({ length: 4 }, () => runIn(['runs', 'create', '--spec', made.spec, '-n', '3', '--wait'], { env })),
  );
  for (const r of runs) expect(r.code, r.stderr).toBe(0);
  made.run = found(runs[0], 'a run').stdout.trim();
  const evaluation = await runIn(['runs', 'evaluate', made.run, '--wait'], { env });
  expect(evaluation.code, evaluation.stderr).toBe(0);
  made.evaluation = evaluation.stdout.trim().split('\n')[0] ?? '';

  // The words as they are meant (on a terminal too wide to wrap anything), and the values users type back.
  for (const c of checked()) {
    const wide = await runIn(c.args, { env: { ...fast.env, DATAFRAMER_FORCE_TTY: '1000', NO_COLOR: '1' } });
    expect(wide.code, wide.stderr).toBe(0);
    c.wide = wide.stdout + wide.stderr;
    if (c.copied.length === 0) continue;
    const json = await runIn([...c.args, '--json', c.copied.join(',')], { env });
    expect(json.code, json.stderr).toBe(0);
    const items = [JSON.parse(json.stdout)].flat() as Array<Record<string, unknown>>;
    c.values = items.flatMap((item) => c.copied.map((field) => item[field]).filter((v): v is string => typeof v === 'string' && v !== ''));
    expect(c.values.length, c.key).toBeGreaterThanOrEqual(items.length);
  }
  const panes = await Promise.all(
    WIDTHS.map((width) =>
      terminal.run(
        width,
        checked().map((c) => c.args),
        env,
      ),
    ),
  );
  for (const [i, width] of WIDTHS.entries()) shown.set(width, panes[i] ?? []);
});

afterAll(() => {
  // The budget this file keeps on a 2-core machine.
  console.info(`widths.test.ts: ${Math.round((Date.now() - started) / 1000)} s`);
});

/** A command line checked at every width: its words as they are meant, and the values in them users type back. */
interface Checked {
  key: string;
  args: string[];
  copied: string[];
  wide: string;
  values: string[];
}

const pathOf = (c: (typeof COMMANDS)[number]) => [c.group?.name, c.name].filter(Boolean).join(' ');

/** The help of the bare command, of every group and of every command of the registry. */
const HELPS = ['', ...new Set(COMMANDS.flatMap((c) => (c.group ? [c.group.name, pathOf(c)] : [pathOf(c)])))];

/** Every list and detail command, by its path, and the JSON fields of what a user types back; held to the registry below. */
const CASES: Record<string, { args: () => string[]; copied: string[] }> = {
  'runs list': { args: () => ['runs', 'list'], copied: ['id'] },
  'runs get': { args: () => ['runs', 'get', made.run], copied: ['id', 'spec_id', 'spec_name', 'generation_model'] },
  'specs list': { args: () => ['specs', 'list'], copied: ['id', 'name'] },
  'specs get': { args: () => ['specs', 'get', made.spec], copied: ['id', 'name'] },
  'datasets list': { args: () => ['datasets', 'list'], copied: ['id', 'name'] },
  'datasets get': { args: () => ['datasets', 'get', made.dataset], copied: ['id', 'name'] },
  'models list': { args: () => ['models', 'list'], copied: ['id'] },
  'evaluations list': { args: () => ['evaluations', 'list', made.run], copied: ['id'] },
  'evaluations get': { args: () => ['evaluations', 'get', made.evaluation], copied: ['id'] },
  'auth status': { args: () => ['auth', 'status'], copied: [] },
};

let cases: Checked[] | undefined;
/** The command lines, in the order every pane runs them; the ids in them are known once the sandbox has its data. */
function checked(): Checked[] {
  cases ??= [
    ...HELPS.map((path) => ({ key: `${path || 'dataframer'} --help`, args: [...path.split(' ').filter(Boolean), '--help'], copied: [] })),
    ...Object.entries(CASES).map(([key, c]) => ({ key, args: c.args(), copied: c.copied })),
  ].map((c) => ({ ...c, wide: '', values: [] }));
  return cases;
}

/** What each command line showed, in the order of `checked()`, by the width of its pane. */
const shown = new Map<number, Shown[]>();

/** Pairs `end|start` of rows where a word of the unwrapped output was broken in two. */
function brokenWords(screen: string, wide: string): string[] {
  const words = new Set(wide.split(/\s+/));
  const rows = screen.split('\n').map((row) => row.trim().split(/\s+/));
  const broken: string[] = [];
  for (let i = 0; i + 1 < rows.length; i++) {
    const end = rows[i]?.at(-1) ?? '';
    const start = rows[i + 1]?.[0] ?? '';
    if (/^[a-z]/.test(start) && words.has(end + start) && !(words.has(end) && words.has(start))) broken.push(`${end}|${start}`);
  }
  return broken;
}

/** Every value is on the screen whole (an id in a table as its short form), and no start of one ends in `…`. */
function expectWhole(screen: string, values: string[]): void {
  const flat = screen.replace(/\s+/g, ' ');
  const tokens = new Set(screen.split(/\s+/));
  for (const value of values) {
    expect(flat.includes(value) || tokens.has(value.slice(0, SHORT_ID)), `${value} whole:\n${screen}`).toBe(true);
    for (let n = 1; n < value.length; n++) expect(flat, `${value} cut`).not.toContain(`${value.slice(0, n)}…`);
  }
}

it('has a case for every list and detail command of the registry', () => {
  const listed = COMMANDS.filter((c) => c.name === 'list' || c.name === 'get').map(pathOf);
  expect(listed.length).toBeGreaterThan(0);
  for (const path of listed) expect(Object.keys(CASES)).toContain(path);
});

/**
 * A row fits the width, or passes it only with its last word, which starts inside the width and is longer than a
 * continuation row leaves room for (indented as the next row is, or as this one when the next is not indented): a
 * value such as a long path is never cut, and no wrapping could have made it fit.
 */
function fitsOrLongWord(row: string, next: string, width: number): boolean {
  const chars = [...row.trimEnd()];
  if (chars.length <= width) return true;
  const start = chars.lastIndexOf(' ') + 1;
  const indentOf = (text: string) => text.length - text.trimStart().length;
  const hanging = indentOf(next) > 0 ? indentOf(next) : indentOf(row);
  return start > 0 && start < width && chars.length - start > width - hanging;
}

describe.each(WIDTHS)('in a %i-column terminal', (width) => {
  it.each([...HELPS.map((path) => `${path || 'dataframer'} --help`), ...Object.keys(CASES)])('%s', (key) => {
    const i = checked().findIndex((c) => c.key === key);
    const c = checked()[i] as Checked;
    const { screen, code } = shown.get(width)?.[i] ?? { screen: '', code: -1 };
    expect(code, screen).toBe(0);
    if (key.endsWith('--help'))
      expect(screen).toContain(`Usage: dataframer ${key.replace(/^dataframer /, '').replace(/ ?--help$/, '')}`.trimEnd());
    const rows = screen.split('\n');
    for (const [r, row] of rows.entries()) expect(fitsOrLongWord(row, rows[r + 1] ?? '', width), `${row}\n${screen}`).toBe(true);
    expect(brokenWords(screen, c.wide), screen).toEqual([]);
    expectWhole(screen, c.values);
  });
});
