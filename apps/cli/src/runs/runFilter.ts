import { RUN_STATUSES, type Run } from '@df/node';
import leven from 'leven';
import { parseDuration } from '../duration';
import { usageError } from '../errors';

/** The filters and order of `runs list`. */
export interface RunFilter {
  status?: string | undefined;
  spec?: string | undefined;
  since?: string | undefined;
  sort: string;
  /** Keep at most this many (after sorting). */
  limit?: number | undefined;
}

const SORT_KEYS: Record<string, (run: Run) => number | string> = {
  created: (run) => Date.parse(run.created_at ?? '') || 0,
  cost: (run) => run.total_cost ?? -1,
  status: (run) => run.status,
  spec: (run) => (run.spec_name ?? '').toLowerCase(),
  completed: (run) => run.samples_completed ?? 0,
};

/** Parses `--since`: a duration ago (30m, 2h, 3d, 1w) or a date; returns epoch ms. */
export function parseSince(text: string, now = Date.now()): number {
  const ago = parseDuration(text, 'none');
  if (ago !== undefined && /[a-z]$/i.test(text.trim())) return now - ago;
  const date = Date.parse(text);
  if (!Number.isNaN(date) && /\d{4}-\d{2}-\d{2}/.test(text)) return date;
  throw usageError(`invalid --since "${text}": use a duration such as 30m, 2h, 3d, 1w, or a date such as 2026-11-01`);
}

/**
 * Parses `--status`: documented statuses in any case, a near miss of one is a usage error with a suggestion,
 * and any other word is kept (servers may report statuses the contract does not list) and returned in `unknown`.
 */
export function parseStatuses(text: string): { wanted: string[]; unknown: string[] } {
  const wanted = text
    .split(',')
    .map((s) => s.trim().toUpperCase())
    .filter(Boolean);
  if (wanted.length === 0) throw usageError(`invalid --status "${text}": use one or more of ${RUN_STATUSES.join(', ')}, comma-separated`);
  const known = RUN_STATUSES as readonly string[];
  const unknown: string[] = [];
  for (const status of wanted) {
    if (known.includes(status)) continue;
    const near = known.find((k) => leven(status, k) <= 2);
    if (near)
      throw usageError(`invalid --status "${status}" (did you mean ${near}?): the documented statuses are ${RUN_STATUSES.join(', ')}`);
    unknown.push(status);
  }
  return { wanted, unknown };
}

/** Filters and sorts runs as `runs list` does (the API has no filters). */
export function filterRuns(runs: Run[], options: RunFilter, now = Date.now()): Run[] {
  let out = runs;
  if (options.status) {
    const { wanted } = parseStatuses(options.status);
    out = out.filter((run) => wanted.includes(run.status.toUpperCase()));
  }
  if (options.spec) {
    const spec = options.spec.toLowerCase();
    out = out.filter((run) => run.spec_id?.toLowerCase() === spec || run.spec_name?.toLowerCase() === spec);
  }
  if (options.since) {
    const since = parseSince(options.since, now);
    out = out.filter((run) => (Date.parse(run.created_at ?? '') || 0) >= since);
  }
  const descending = options.sort.startsWith('-');
  const keyName = options.sort.replace(/^[-+]/, '').toLowerCase();
  const key = SORT_KEYS[keyName];
  if (!key) throw usageError(`invalid --sort "${options.sort}": use one of ${Object.keys(SORT_KEYS).join(', ')}, with - for descending`);
  const sorted = [...out].sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    const order = x < y ? -1 : x > y ? 1 : 0;
    return descending ? -order : order;
  });
  return options.limit === undefined ? sorted : sorted.slice(0, options.limit);
}
