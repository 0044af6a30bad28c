import { html, type TemplateResult } from 'lit-html';
import { formatExact, formatRelative } from '../format';
import { timeOf } from '../lenientValues';

/** A relative time with the exact one in its title; an em dash when the date is missing. */
export function relativeTime(iso: unknown, now: number): TemplateResult | string {
  if (timeOf(iso) === undefined) return '—';
  return html`<time datetime=${iso as string} title=${formatExact(iso)}>${formatRelative(iso, now)}</time>`;
}
