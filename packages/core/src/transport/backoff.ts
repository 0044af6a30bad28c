/** Statuses whose `Retry-After` is honoured: the server turned the request away and said when to come back. */
export const RETRY_AFTER_STATUSES: readonly number[] = [429, 503];

/** Longest pause between two attempts. */
export const MAX_BACKOFF_MS = 8000;

/** Backoff before retry `attempt` (1-based) before jitter: 500 ms doubling, capped at 8 s. */
export function backoffMs(attempt: number): number {
  return Math.min(MAX_BACKOFF_MS, 500 * 2 ** (attempt - 1));
}

/** Equal jitter: half the backoff plus a random share of the other half (`random` in [0, 1)). */
export function jittered(delayMs: number, random: number): number {
  return delayMs / 2 + random * (delayMs / 2);
}

/** Reads `Retry-After` as seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}
