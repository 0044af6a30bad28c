import { usageError } from './errors';
import type { Io, Style } from './io';

const ANSI = /\x1b\[[0-9;]*m/g;

function width(text: string): number {
  return [...text.replace(ANSI, '')].length;
}

/**
 * Prints rows: aligned columns under a header on a terminal; tab-separated raw values without a header
 * when piped (the scripting contract: exact values, no colour, no truncation).
 */
export function printTable(io: Io, header: string[], human: string[][], raw: string[][]): void {
  if (!io.outTty) {
    io.print(raw.map((row) => `${row.map((cell) => cell.replace(/[\t\n]/g, ' ')).join('\t')}\n`).join(''));
    return;
  }
  const rows = [header.map((h) => io.out.bold(h)), ...human];
  const widths = header.map((_, i) => Math.max(...rows.map((row) => width(row[i] ?? ''))));
  const lines = rows.map((row) =>
    row
      .map((cell, i) => (i === row.length - 1 ? cell : cell + ' '.repeat(widths[i]! - width(cell))))
      .join('  ')
      .trimEnd(),
  );
  io.print(`${lines.join('\n')}\n`);
}

/** Prints `key  value` lines on a terminal, `key<TAB>value` lines when piped. */
export function printFields(io: Io, fields: Array<[string, string, string]>): void {
  if (!io.outTty) {
    io.print(fields.map(([key, , raw]) => `${key}\t${raw}\n`).join(''));
    return;
  }
  const pad = Math.max(...fields.map(([key]) => key.length));
  io.print(fields.map(([key, human]) => `${io.out.dim(key.padEnd(pad))}  ${human}\n`).join(''));
}

/** A status as a coloured word. */
export function statusText(style: Style, status: string | null | undefined): string {
  const s = status ?? '-';
  switch (s) {
    case 'SUCCEEDED':
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
