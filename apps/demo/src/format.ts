import type { RunStatus } from '@df/browser';

/** How each status is shown: a word and an icon, so the badge never relies on colour alone. */
export function statusLook(status: RunStatus): { word: string; icon: string; tone: string } {
  switch (status) {
    case 'PENDING':
      return { word: 'Pending', icon: '◷', tone: 'pending' };
    case 'PROCESSING':
      return { word: 'Processing', icon: '↻', tone: 'processing' };
    case 'SUCCEEDED':
      return { word: 'Succeeded', icon: '✓', tone: 'succeeded' };
    case 'FAILED':
      return { word: 'Failed', icon: '✕', tone: 'failed' };
    case 'CANCELED':
      return { word: 'Canceled', icon: '⊘', tone: 'canceled' };
    default:
      // A status this page does not know yet: shown as the server spells it, treated as unfinished.
      return { word: status, icon: '?', tone: 'unknown' };
  }
}

const count = new Intl.NumberFormat('en-US');
const dollars = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2 });
const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

/** A sample count with thousands separators. */
export function formatCount(value: number): string {
  return count.format(value);
}

/** Dollars, or an em dash while no cost is known. */
export function formatCost(value: number | null | undefined): string {
  return typeof value === 'number' ? dollars.format(value) : '—';
}

/** "3 minutes ago", "yesterday"; the exact time goes in a title beside it. */
export function formatRelative(iso: string, now: number): string {
  const seconds = Math.round((Date.parse(iso) - now) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 45) return 'just now';
  if (abs < 45 * 60) return relative.format(Math.round(seconds / 60), 'minute');
  if (abs < 22 * 3600) return relative.format(Math.round(seconds / 3600), 'hour');
  if (abs < 26 * 86400) return relative.format(Math.round(seconds / 86400), 'day');
  return relative.format(Math.round(seconds / (30 * 86400)), 'month');
}

/** The exact local time with its zone, for a title. */
export function formatExact(iso: string): string {
  return new Date(iso).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'long' });
}

/** A byte count in kB or MB. */
export function formatBytes(bytes: number): string {
  return bytes < 1_000_000 ? `${Math.max(1, Math.round(bytes / 1000))} kB` : `${(bytes / 1_000_000).toFixed(1)} MB`;
}

/** The first block of a UUID: enough to tell runs apart on one page. */
export function shortId(id: string): string {
  return id.split('-')[0] ?? id;
}

/** Checks the samples field: a whole number from 1 to `max`; returns the error message or the number. */
export function parseSamples(raw: string, max: number): { ok: true; value: number } | { ok: false; message: string } {
  const text = raw.trim();
  const value = Number(text);
  if (text === '' || !Number.isInteger(value) || value < 1 || value > max) {
    return { ok: false, message: `Enter a whole number from 1 to ${formatCount(max)}.` };
  }
  return { ok: true, value };
}
