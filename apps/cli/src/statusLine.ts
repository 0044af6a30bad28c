import { truncate } from './format';
import { narrowWidth } from './wrapText';
import type { Io } from './io';

/** A one-line status redrawn in place on stderr when it is a terminal; silent otherwise. */
export interface StatusLine {
  /** Redraws the line from its parts, fitted to the terminal's current width. */
  update(parts: StatusParts | string): void;
  /** Clears the line (the caller prints a final message itself). */
  clear(): void;
}

/**
 * The parts of a progress line. `bar(width)` draws the bar at the width left over (anything it adds after the
 * bar, such as a percentage, is what `bar(0)` returns); `optional` parts are
 * dropped from the end, one at a time, while the line does not fit.
 */
export interface StatusParts {
  head: string;
  bar?: (width: number) => string;
  tail: string[];
  optional: string[];
}

const SEPARATOR = ' · ';
const BAR_MIN = 10;
const BAR_MAX = 24;

/** Lays out the parts in `width` columns: the bar shrinks first, then optional parts go, then the line is cut. */
export function layout(parts: StatusParts, width: number): string {
  const optional = [...parts.optional];
  for (;;) {
    const text = (barWidth: number) =>
      [`${parts.head}${parts.bar && barWidth > 0 ? ` ${parts.bar(barWidth)}` : ''}`, ...parts.tail, ...optional]
        .filter(Boolean)
        .join(SEPARATOR);
    // What the bar function adds besides the bar itself (a percentage) is part of the fixed width.
    const fixed = narrowWidth(text(0)) + (parts.bar ? 1 + narrowWidth(parts.bar(0)) : 0);
    const room = width - fixed;
    if (!parts.bar && room >= 0) return text(0);
    if (parts.bar && room >= BAR_MIN) return text(Math.min(BAR_MAX, room));
    if (optional.length === 0) return truncate(text(0), width);
    optional.pop();
  }
}

/**
 * Creates the redrawn stderr line; throttled so fast updates cost nothing. The line is always kept one
 * column short of the terminal's width, so it never wraps and `\r` always returns to its start: no stale lines.
 */
export function createStatusLine(io: Io, clock: { now(): number }, minIntervalMs = 80): StatusLine {
  let last = -Infinity;
  let shown = false;
  return {
    update(parts) {
      if (!io.errTty) return;
      const now = clock.now();
      if (now - last < minIntervalMs) return;
      last = now;
      shown = true;
      const width = Math.max(10, io.errColumns() - 1);
      io.write(`\r\x1b[2K${typeof parts === 'string' ? truncate(parts, width) : layout(parts, width)}`);
    },
    clear() {
      if (shown) io.write('\r\x1b[2K');
      shown = false;
    },
  };
}

/** A bar such as `██████░░░░` for a fraction from 0 to 1. */
export function bar(fraction: number | undefined, width = BAR_MAX): string {
  const f = Math.max(0, Math.min(1, fraction ?? 0));
  const filled = Math.round(f * width);
  return `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
}
