import { ANSI, narrowWidth, wrapHanging } from './wrapText';
import { usageError } from './errors';
import type { Io, Style } from './io';

/** Characters of an id shown in a table on a terminal; any unique prefix of 6 or more is accepted back. */
export const SHORT_ID = 8;

// biome-ignore lint/suspicious/noControlCharactersInRegex: every ASCII character, control characters included.
const ASCII = /^[\x00-\x7f]*$/;

/**
 * A width function for these texts: string-width (wide characters count two, emoji sequences one cluster)
 * only when one of them is not ASCII. Loading it costs about 50 ms (measured: the Intl.Segmenter it builds
 * at import), so plain tables do without it.
 */
export async function widthFor(texts: readonly string[]): Promise<(text: string) => number> {
  if (texts.every((t) => ASCII.test(t))) return narrowWidth;
  const { default: stringWidth } = await import('string-width');
  return stringWidth;
}

/** Cuts a text to at most `width` columns, ending it with `…` when something was cut (colours are dropped then). */
export function truncate(text: string, width: number, measure: (text: string) => number = narrowWidth): string {
  if (measure(text) <= width) return text;
  if (width <= 0) return '';
  const plain = text.replace(ANSI, '');
  const pieces = ASCII.test(plain) ? plain : [...new Intl.Segmenter().segment(plain)].map((s) => s.segment);
  let out = '';
  let used = 0;
  for (const piece of pieces) {
    const w = measure(piece);
    if (used + w > width - 1) break;
    out += piece;
    used += w;
  }
  return `${out}…`;
}

/** A table column: its header and whether it may be cut to fit the terminal (long free text: names, specs). */
export interface Column {
  header: string;
  /** Cut first when the table is wider than the terminal. */
  flexible?: boolean;
  /** Never cut: what a user copies from the table (names they type back). */
  keep?: boolean;
  /** Left out, the rightmost first, when cutting the flexible columns is not enough. */
  optional?: boolean;
}

const GAP = 2;
const MIN_FLEXIBLE = 6;

/**
 * Fits column widths into `available` columns as gh does: flexible columns give up width first (widest
 * first, down to a few characters), then the others from the right; the first column keeps its width.
 */
export function fitColumns(widths: number[], columns: Column[], available: number): number[] {
  const out = [...widths];
  let overflow = out.reduce((a, b) => a + b, 0) + GAP * (out.length - 1) - available;
  const shrink = (candidates: number[], floor: (i: number) => number) => {
    while (overflow > 0) {
      let widest = -1;
      for (const i of candidates) if ((out[i] ?? 0) > floor(i) && (widest === -1 || (out[i] ?? 0) > (out[widest] ?? 0))) widest = i;
      if (widest === -1) return;
      out[widest] = (out[widest] ?? 0) - 1;
      overflow--;
    }
  };
  const all = columns.map((_, i) => i);
  const header = (i: number) => columns[i]?.header.length ?? 0;
  shrink(
    all.filter((i) => columns[i]?.flexible),
    (i) => Math.min(widths[i] ?? 0, Math.max(MIN_FLEXIBLE, header(i))),
  );
  shrink(
    all
      .slice(1)
      .filter((i) => !columns[i]?.keep)
      .reverse(),
    (i) => Math.min(widths[i] ?? 0, header(i)),
  );
  return out;
}

/**
 * The columns a table keeps in `available` columns: optional ones are left out, the rightmost first, while the table
 * would not fit even with its flexible columns cut down.
 */
export function shownColumns(widths: number[], columns: Column[], available: number): number[] {
  const shown = columns.map((_, i) => i);
  const floor = (i: number) =>
    columns[i]?.flexible ? Math.min(widths[i] ?? 0, Math.max(MIN_FLEXIBLE, columns[i]?.header.length ?? 0)) : (widths[i] ?? 0);
  const total = () => shown.reduce((sum, i) => sum + floor(i), 0) + GAP * (shown.length - 1);
  for (let i = columns.length - 1; i > 0 && total() > available; i--) if (columns[i]?.optional) shown.splice(shown.indexOf(i), 1);
  return shown;
}

/**
 * Prints rows: aligned columns under a header, fitted to the terminal's width, on a terminal; tab-separated
 * raw values without a header when piped (the scripting contract: exact values, no colour, no truncation).
 */
export async function printTable(io: Io, columns: Column[], human: string[][], raw: string[][]): Promise<void> {
  if (!io.outTty) {
    io.print(raw.map((row) => `${row.map((cell) => cell.replace(/[\t\n]/g, ' ')).join('\t')}\n`).join(''));
    return;
  }
  const all = [columns.map((c) => c.header), ...human];
  const measure = await widthFor(all.flat());
  const wide = columns.map((_, i) => Math.max(...all.map((row) => measure(row[i] ?? ''))));
  const shown = shownColumns(wide, columns, io.columns());
  const rows = all.map((row) => shown.map((i) => row[i] ?? ''));
  const widths = fitColumns(
    shown.map((i) => wide[i] ?? 0),
    shown.map((i) => columns[i] as Column),
    io.columns(),
  );
  const lines = rows.map((row, r) =>
    row
      .map((cell, i) => {
        const width = widths[i] ?? 0;
        const fitted = truncate(cell, width, measure);
        const shown = r === 0 ? io.out.bold(fitted) : fitted;
        return i === row.length - 1 ? shown : shown + ' '.repeat(Math.max(0, width - measure(fitted)));
      })
      .join(' '.repeat(GAP))
      .trimEnd(),
  );
  io.print(`${lines.join('\n')}\n`);
}

/**
 * Prints `key  value` lines on a terminal, each value wrapped between words under itself; `key<TAB>value` lines when
 * piped.
 */
export function printFields(io: Io, fields: Array<[string, string, string]>): void {
  if (!io.outTty) {
    io.print(fields.map(([key, , raw]) => `${key}\t${raw}\n`).join(''));
    return;
  }
  const pad = Math.max(...fields.map(([key]) => key.length));
  const width = io.columns();
  io.print(
    fields
      .map(([key, human]) => {
        const value = human
          .split('\n')
          .map((line) => wrapHanging(`${' '.repeat(pad + GAP)}${line.trimStart()}`, width, pad + GAP).trimStart())
          .join(`\n${' '.repeat(pad + GAP)}`);
        return `${io.out.dim(key.padEnd(pad))}${' '.repeat(GAP)}${value}\n`;
      })
      .join(''),
  );
}

/**
 * Dollars with as many decimals as tell `value` from `other` (at least two), or `-`: a cost that passed a limit
 * never reads the same as the limit (`$0.052` over `$0.05`).
 */
export function moneyApart(value: number | null | undefined, other: number): string {
  if (typeof value !== 'number') return '-';
  let decimals = 2;
  while (decimals < MAX_DECIMALS && value !== other && value.toFixed(decimals) === other.toFixed(decimals)) decimals++;
  return `$${value.toFixed(decimals)}`;
}

/** Dollars as given (a limit the user typed: `$0.05`, `$0.125`), with at least two decimals. */
export function moneyExact(value: number): string {
  let decimals = 2;
  while (decimals < MAX_DECIMALS && Number(value.toFixed(decimals)) !== value) decimals++;
  return `$${value.toFixed(decimals)}`;
}

/** The most decimals a dollar amount is shown with: a millionth of a dollar. */
const MAX_DECIMALS = 6;

/** A status as a coloured word. */
export function statusText(style: Style, status: string | null | undefined): string {
  const s = status ?? '-';
  switch (s) {
    case 'SUCCEEDED':
    case 'COMPLETED':
    case 'READY':
      return style.green(s);
    case 'FAILED':
      return style.red(s);
    case 'CANCELED':
      return style.dim(s);
    case 'PROCESSING':
      return style.cyan(s);
    case 'PENDING':
      return style.yellow(s);
    default:
      // An unknown status (the API may add some) is shown as a neutral word and counts as not finished.
      return s;
  }
}

/** Dollars with two decimals, or `-`. */
export function money(value: number | null | undefined): string {
  return typeof value === 'number' ? `$${value.toFixed(2)}` : '-';
}

/** A raw value for tab-separated output: empty for null/undefined. */
export function raw(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** `just now`, `5m ago`, `3h ago`, `2d ago`, or the date for older times. */
export function relativeTime(iso: string | null | undefined, now = Date.now()): string {
  if (!iso) return '-';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const s = Math.round((now - t) / 1000);
  if (s < 0) return 'in the future';
  if (s < 45) return 'just now';
  if (s < 3600) return `${Math.round(s / 60)}m ago`;
  if (s < 86_400) return `${Math.round(s / 3600)}h ago`;
  if (s < 30 * 86_400) return `${Math.round(s / 86_400)}d ago`;
  return iso.slice(0, 10);
}

/** `1h02m`, `3m05s`, `12s`. */
export function shortDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return `${h}h${String(m).padStart(2, '0')}m`;
  if (m > 0) return `${m}m${String(s).padStart(2, '0')}s`;
  return `${s}s`;
}

/**
 * Handles `--json [fields]`: without fields, lists the available ones (exit 2, like gh); with fields, prints
 * each object reduced to them.
 */
export function printJson(io: Io, value: object | object[], fields: string | true, available: readonly string[]): void {
  if (fields === true) {
    throw usageError(`specify one or more comma-separated fields for --json. Available fields:\n  ${available.join('\n  ')}`);
  }
  const wanted = fields
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  const unknown = wanted.filter((f) => !available.includes(f));
  if (wanted.length === 0 || unknown.length > 0) {
    throw usageError(`unknown JSON field "${unknown[0] ?? fields}". Available fields: ${available.join(', ')}`);
  }
  const pick = (item: object) => {
    const record = item as Record<string, unknown>;
    return Object.fromEntries(wanted.map((f) => [f, record[f] ?? null]));
  };
  const out = Array.isArray(value) ? value.map(pick) : pick(value);
  io.print(`${JSON.stringify(out, null, 2)}\n`);
}

/** `1.2 MB`, `340 kB`, `12 B`. */
export function bytes(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toFixed(1)} GB`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)} MB`;
  if (n >= 1e3) return `${(n / 1e3).toFixed(0)} kB`;
  return `${n} B`;
}

/** Writes a message line on stderr, wrapped between words to the width of stderr when it is a terminal. */
export function tell(io: Io, text: string): void {
  io.info(text);
}

/** A count with its noun in the right number: `1 file`, `2 files`, `0 files`. */
export function counted(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`;
}
