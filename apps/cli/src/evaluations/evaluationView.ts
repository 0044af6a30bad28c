import type { Evaluation } from '@df/node';
import { counted, relativeTime, statusText, widthFor } from '../format';
import { wrapText } from '../wrapText';
import type { Io } from '../io';
import { bar } from '../statusLine';
import { scoreText } from './scoreText';

/** One property of `distribution_analysis`, in either shape the API documents (newest and older renderings). */
type DistributionItem = NonNullable<Evaluation['distribution_analysis']>[number];

/** Widest text lines run to, even on a wider terminal: longer lines are hard to read. */
const MAX_WIDTH = 120;
const KEY_WIDTH = 10;
const INDENT = '    ';
const NUMBER_WIDTH = 9;
const GAP = '  ';
const BAR_MIN = 8;
const BAR_MAX = 30;

/** A map of percentages by value, when the field holds one with at least one value. */
function percentages(value: unknown): Record<string, number> | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const entries = Object.entries(value as Record<string, unknown>).filter((e): e is [string, number] => typeof e[1] === 'number');
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

const percent = (n: number | undefined) => (n === undefined ? '-' : `${Number(n.toFixed(1))}%`);

function difference(requested: number | undefined, evaluated: number | undefined): string {
  if (requested === undefined || evaluated === undefined) return '-';
  const d = Number((evaluated - requested).toFixed(1));
  return d > 0 ? `+${d}` : String(d);
}

/** `██████│░░░`: the evaluated share, with a mark where the requested share ends. */
function comparisonBar(requested: number | undefined, evaluated: number | undefined, width: number): string {
  const drawn = [...bar((evaluated ?? 0) / 100, width)];
  if (requested !== undefined) drawn[Math.min(width - 1, Math.round((requested / 100) * width))] = '│';
  return drawn.join('');
}

/**
 * One property's table: each value with its requested (or expected) and evaluated (or observed) share, the difference
 * and a bar when there is room. A value is never cut: one wider than its column goes on a line of its own.
 */
function distributionLines(io: Io, item: DistributionItem, width: number, measure: (text: string) => number): string[] {
  const requested = percentages(item.requested_distributions) ?? percentages(item.expected_distributions) ?? {};
  const evaluated = percentages(item.evaluated_distributions) ?? percentages(item.observed_distributions) ?? {};
  const values = [...new Set([...Object.keys(requested), ...Object.keys(evaluated)])];
  const samples = item.total_samples_analyzed ?? item.total_samples;
  const title = `  ${item.property_name}${typeof samples === 'number' ? io.out.dim(` · ${counted(samples, 'sample')}`) : ''}`;
  if (values.length === 0) return [title, `${INDENT}${io.out.dim('no distribution given')}`];
  const available = width - INDENT.length;
  const numbers = 3 * GAP.length + 2 * NUMBER_WIDTH + 6;
  const valueWidth = Math.max(5, Math.min(Math.max(...values.map(measure)), available - numbers));
  const barWidth = Math.min(BAR_MAX, available - valueWidth - numbers - GAP.length);
  const row = (value: string, cells: string[], drawn: string) =>
    `${INDENT}${value}${' '.repeat(Math.max(0, valueWidth - measure(value)))}${GAP}${(cells[0] ?? '').padStart(NUMBER_WIDTH)}${GAP}${(cells[1] ?? '').padStart(NUMBER_WIDTH)}${GAP}${(cells[2] ?? '').padStart(6)}${drawn ? `${GAP}${drawn}` : ''}`.trimEnd();
  const lines = [title, io.out.dim(row('value', ['requested', 'evaluated', 'diff'], ''))];
  for (const value of values) {
    const r = requested[value];
    const e = evaluated[value];
    const drawn = barWidth >= BAR_MIN ? comparisonBar(r, e, barWidth) : '';
    const cells = [percent(r), percent(e), difference(r, e)];
    if (measure(value) > valueWidth) lines.push(`${INDENT}${value}`, row('', cells, drawn));
    else lines.push(row(value, cells, drawn));
  }
  return lines;
}

/** Text wrapped at word boundaries to the width, every line starting with `indent`. */
function wrapped(text: string, width: number, indent: string): string[] {
  return text.split(/\r?\n/).flatMap((line) => wrapText(`${indent}${line.trim().replace(/\s+/g, ' ')}`, width).split('\n'));
}

/** A titled block of text wrapped to the width, or a list of such texts as bullets. */
function section(io: Io, title: string, text: unknown, width: number): string[] {
  const items = (Array.isArray(text) ? text : [text]).filter((t): t is string => typeof t === 'string' && t.trim() !== '');
  if (items.length === 0) return [];
  const body =
    items.length === 1
      ? wrapped(items[0] as string, width, '  ')
      : items.flatMap((item) => wrapped(item, width, '    ').map((line, i) => (i === 0 ? `  - ${line.slice(4)}` : line)));
  return ['', io.out.bold(title), ...body];
}

/** `key  value` with the value wrapped under itself. */
function field(io: Io, key: string, value: string, width: number): string[] {
  const indent = ' '.repeat(KEY_WIDTH + 2);
  return wrapped(value, width, indent).map((line, i) =>
    i === 0 ? `${io.out.dim(key.padEnd(KEY_WIDTH))}  ${line.slice(indent.length)}` : line,
  );
}

/**
 * The evaluation as a person reads it on a terminal: its fields, the explanation and the areas as paragraphs wrapped
 * at word boundaries, and each property's distribution as a small table, all within the terminal's width (at most
 * 120 columns). Ids and property values are never cut.
 */
export async function evaluationView(io: Io, e: Evaluation, now: number): Promise<string[]> {
  const width = Math.min(MAX_WIDTH, io.columns());
  const analysis = e.distribution_analysis ?? [];
  // Only the tables align cells, so only their values need string-width when they are not ASCII.
  const texts = [
    ...analysis.flatMap((item) => [
      item.property_name,
      ...Object.keys({
        ...item.requested_distributions,
        ...item.expected_distributions,
        ...item.evaluated_distributions,
        ...item.observed_distributions,
      }),
    ]),
  ];
  const measure = await widthFor(texts.filter((t): t is string => typeof t === 'string'));
  const when = (iso: string | null | undefined) => (iso ? `${relativeTime(iso, now)} (${iso})` : '-');
  const score = typeof e.conformance_score === 'number' ? `${scoreText(e.conformance_score)}/100` : 'none yet';
  const lines = [
    ...field(io, 'ID', e.id, width),
    ...field(io, 'Run', e.run_id ?? '-', width),
    `${io.out.dim('Status'.padEnd(KEY_WIDTH))}  ${statusText(io.out, e.status)}`,
    ...field(io, 'Score', score, width),
    ...field(io, 'Created', when(e.created_at), width),
    ...field(io, 'Started', when(e.started_at), width),
    ...field(io, 'Completed', when(e.completed_at), width),
    ...(e.error_message ? field(io, 'Error', e.error_message, width) : []),
    ...section(io, 'Explanation', e.conformance_explanation, width),
    ...section(io, 'Conformant areas', e.conformant_areas, width),
    ...section(io, 'Non-conformant areas', e.non_conformant_areas, width),
  ];
  if (analysis.length > 0) {
    lines.push('', ...wrapped('Distributions (percent of samples: requested, evaluated, difference)', width, '').map(io.out.bold));
    for (const item of analysis) lines.push(...distributionLines(io, item, width, measure));
  }
  return lines;
}

/** The fields the piped view prints, in order; each is also a `--json` field. */
export const PIPED_FIELDS = [
  'id',
  'run_id',
  'status',
  'conformance_score',
  'created_at',
  'started_at',
  'completed_at',
  'error_message',
  'conformance_explanation',
  'conformant_areas',
  'non_conformant_areas',
  'distribution_analysis',
] as const;

/** A value on one line of tab-separated output: text with its line breaks and tabs as spaces, objects as JSON. */
export function pipedValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value).replace(/[\t\r\n]+/g, ' ');
}
