import type { Io } from './io';

/** A one-line status redrawn in place on stderr when it is a terminal; silent otherwise. */
export interface StatusLine {
  update(text: string): void;
  /** Clears the line (the caller prints a final message itself). */
  clear(): void;
}

/** Creates the redrawn stderr line; throttled so fast updates cost nothing. */
export function createStatusLine(io: Io, minIntervalMs = 80): StatusLine {
  let last = 0;
  let shown = false;
  return {
    update(text) {
      if (!io.errTty) return;
      const now = Date.now();
      if (now - last < minIntervalMs) return;
      last = now;
      shown = true;
      process.stderr.write(`\r\x1b[2K${text}`);
    },
    clear() {
      if (shown) process.stderr.write('\r\x1b[2K');
      shown = false;
    },
  };
}

/** A bar such as `██████░░░░` for a fraction from 0 to 1. */
export function bar(fraction: number | undefined, width = 24): string {
  const f = Math.max(0, Math.min(1, fraction ?? 0));
  const filled = Math.round(f * width);
  return `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
}

/** `1.2 MB`, `340 kB`, `12 B`. */
export function bytes(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toFixed(1)} GB`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)} MB`;
  if (n >= 1e3) return `${(n / 1e3).toFixed(0)} kB`;
  return `${n} B`;
}
