import type { Run, RunStatus } from '@df/browser';
import { html, nothing, type TemplateResult } from 'lit-html';
import { numberOr } from '../lenientValues';
import { statusLook } from '../statusLook';

/** A status badge: icon and word, so it never relies on colour alone; unknown statuses get a neutral one. */
export function statusBadge(status: RunStatus): TemplateResult {
  const look = statusLook(status);
  return html`<span class="badge badge--${look.tone}" data-status=${status}><span class="badge-icon" aria-hidden="true">${look.icon}</span> ${look.word}</span>`;
}

/** A short line under a status: partial success, or nothing (the line keeps its height either way). */
export function statusNote(run: Run): TemplateResult {
  const partial = run.status === 'SUCCEEDED' && (numberOr(run.samples_failed) ?? 0) > 0;
  return html`<span class="status-note">${partial ? 'partial: some samples failed' : nothing}</span>`;
}
