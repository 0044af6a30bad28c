import { numberOr, timeOf } from './lenientValues';

const count = new Intl.NumberFormat('en-US');
const dollars = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2 });
const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

/** Shown wherever a value is missing or null. */
const NONE = '—';

/** A count with thousands separators, or an em dash when unknown. */
export function formatCount(value: unknown): string {
  const n = numberOr(value);
  return n === undefined ? NONE : count.format(n);
}

/** Dollars, or an em dash while no cost is known. */
export function formatCost(value: unknown): string {
  const n = numberOr(value);
  return n === undefined ? NONE : dollars.format(n);
}

/** "3 minutes ago", "yesterday" (the exact time goes in a title beside it); an em dash for a missing or bad date. */
export function formatRelative(iso: unknown, now: number): string {
  const at = timeOf(iso);
  if (at === undefined) return NONE;
  const seconds = Math.round((at - now) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 45) return 'just now';
  if (abs < 45 * 60) return relative.format(Math.round(seconds / 60), 'minute');
  if (abs < 22 * 3600) return relative.format(Math.round(seconds / 3600), 'hour');
  if (abs < 26 * 86400) return relative.format(Math.round(seconds / 86400), 'day');
  return relative.format(Math.round(seconds / (30 * 86400)), 'month');
}

/** The exact local time with its zone, for a title; an em dash for a missing or bad date. */
export function formatExact(iso: unknown): string {
  const at = timeOf(iso);
  return at === undefined ? NONE : new Date(at).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'long' });
}

/** A duration such as "45 s", "12 min 5 s" or "3 h 20 min". */
export function formatDuration(ms: unknown): string {
  const n = numberOr(ms);
  if (n === undefined || n < 0) return NONE;
  const s = Math.round(n / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${s % 60} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

/** A byte count in B, kB or MB; an em dash when unknown. */
export function formatBytes(bytes: unknown): string {
  const n = numberOr(bytes);
  if (n === undefined || n < 0) return NONE;
  if (n < 1000) return `${n} B`;
  return n < 1_000_000 ? `${Math.round(n / 1000)} kB` : `${(n / 1_000_000).toFixed(1)} MB`;
}

/** The first block of a UUID: enough to tell runs apart on one page. */
export function shortId(id: string): string {
  return id.split('-')[0] || id;
}
