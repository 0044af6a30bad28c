import { redact } from '@df/node';
import type { Context } from './context';
import { wrapText } from './wrapText';

/** ANSI styles for one stream; identity functions when colour is off. */
export interface Style {
  enabled: boolean;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

function style(enabled: boolean): Style {
  const wrap = (open: number, close: number) => (text: string) => (enabled ? `\x1b[${open}m${text}\x1b[${close}m` : text);
  return { enabled, red: wrap(31, 39), green: wrap(32, 39), yellow: wrap(33, 39), cyan: wrap(36, 39), dim: wrap(2, 22), bold: wrap(1, 22) };
}

/** What a command knows about its terminal: which streams are terminals, their widths, and whether to colour them. */
export interface Io {
  /** stdout is a terminal (or DATAFRAMER_FORCE_TTY is set): human tables instead of tab-separated values. */
  outTty: boolean;
  /** stderr is a terminal (or forced): progress bars and spinners. */
  errTty: boolean;
  /** stdin is a terminal (or forced): prompts are allowed. */
  inTty: boolean;
  out: Style;
  errStyle: Style;
  /** Width of stdout, for tables. */
  columns(): number;
  /** Width of stderr, for the redrawn progress line. */
  errColumns(): number;
  /** Secrets removed from every message (the API key in use, stored keys). */
  secrets: string[];
  /** Writes to stdout. */
  print(text: string): void;
  /** Writes raw text to stderr (progress redraws); secrets removed. */
  write(text: string): void;
  /** Writes a message line to stderr, secrets removed; on a terminal, wrapped between words to its width. */
  info(text: string): void;
  /** Removes secrets from a text. */
  redact(text: string): string;
}

/**
 * `DATAFRAMER_FORCE_TTY`: `1` or `true` renders as for a terminal; a number above 1 also sets the width
 * (as gh's GH_FORCE_TTY does), for tests and demos.
 */
export function forcedTty(env: Context['env']): { forced: boolean; columns: number | undefined } {
  const value = env['DATAFRAMER_FORCE_TTY'];
  if (!value) return { forced: false, columns: undefined };
  const n = Number(value);
  if (Number.isInteger(n) && n > 1) return { forced: true, columns: n };
  return { forced: value === '1' || value === 'true', columns: undefined };
}

/** Detects terminals and colour from the streams, NO_COLOR, TERM=dumb, --no-color and DATAFRAMER_FORCE_TTY. */
export function createIo(ctx: Context, options: { color?: boolean } = {}): Io {
  const { forced, columns: forcedColumns } = forcedTty(ctx.env);
  const outTty = forced || ctx.stdout.isTTY;
  const errTty = forced || ctx.stderr.isTTY;
  const inTty = forced || ctx.stdin.isTTY;
  const colorAllowed = options.color !== false && !ctx.env['NO_COLOR'] && ctx.env['TERM'] !== 'dumb';
  const fallback = Number(ctx.env['COLUMNS']) || 80;
  const secrets: string[] = [];
  const clean = (text: string) => redact(text, secrets);
  const errColumns = () => forcedColumns ?? ctx.stderr.columns() ?? fallback;
  return {
    outTty,
    errTty,
    inTty,
    out: style(colorAllowed && outTty),
    errStyle: style(colorAllowed && errTty),
    columns: () => forcedColumns ?? ctx.stdout.columns() ?? fallback,
    errColumns,
    secrets,
    print: (text) => ctx.stdout.write(text),
    write: (text) => ctx.stderr.write(clean(text)),
    info: (text) => ctx.stderr.write(`${errTty ? wrapText(clean(text), errColumns()) : clean(text)}\n`),
    redact: clean,
  };
}
