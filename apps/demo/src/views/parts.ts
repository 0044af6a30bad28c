import { isTerminalStatus, type Run, type RunStatus } from '@df/browser';
import { html, nothing, type TemplateResult } from 'lit-html';
import { formatBytes, formatCount, formatExact, formatRelative, numberOr, shortId, statusLook, timeOf } from '../format';
import type { AppState, Download } from '../state';
import type { ViewActions } from './actions';

/** A status badge: icon and word, so it never relies on colour alone; unknown statuses get a neutral one. */
export function badge(status: RunStatus): TemplateResult {
  const look = statusLook(status);
  return html`<span class="badge badge--${look.tone}" data-status=${status}><span class="badge-icon" aria-hidden="true">${look.icon}</span> ${look.word}</span>`;
}

const COPY_ICON = html`<svg aria-hidden="true" viewBox="0 0 16 16" fill="none" stroke="currentColor" stroke-width="1.5"><rect x="5.5" y="5.5" width="8" height="8" rx="1.5" /><path d="M3.5 10.5h-1v-8h8v1" /></svg>`;

/** A one-click copy of a full id; its visible label keeps its width when it turns into "Copied". */
export function copyButton(
  id: string,
  what: string,
  state: Pick<AppState, 'copied'>,
  actions: Pick<ViewActions, 'copyId'>,
): TemplateResult {
  const copied = state.copied === id;
  return html`<button type="button" class="copy" data-copy=${id} @click=${() => void actions.copyId(id)}>
    ${copied ? html`<span aria-hidden="true">✓</span>` : COPY_ICON} ${copied ? 'Copied' : 'Copy'}<span class="visually-hidden"> ${what} id ${id}</span>
  </button>`;
}

/** A relative time with the exact one in its title; an em dash when the date is missing. */
export function relativeTime(iso: unknown, now: number): TemplateResult | string {
  if (timeOf(iso) === undefined) return '—';
  return html`<time datetime=${iso as string} title=${formatExact(iso)}>${formatRelative(iso, now)}</time>`;
}

/** Done and failed samples against the requested total: a bar when the total is known, counts otherwise; "—" for counts the server did not send. */
export function progress(run: Run, requested: number | null | undefined, label: string): TemplateResult {
  const done = numberOr(run.samples_completed);
  const failed = numberOr(run.samples_failed);
  const doneText = done === undefined ? '—' : formatCount(done);
  const failedText =
    failed === undefined
      ? html`<span class="muted">failed —</span>`
      : failed > 0
        ? html`<span class="failed-count">${formatCount(failed)} failed</span>`
        : html`<span class="muted">none failed</span>`;
  if (typeof requested !== 'number') {
    return html`<div class="progress">
      <div class="bar bar--unknown" aria-hidden="true"></div>
      <span class="progress-text">${doneText} done</span><span class="progress-text">${failedText}</span>
    </div>`;
  }
  const total = Math.max(requested, (done ?? 0) + (failed ?? 0));
  const pct = (n: number | undefined) => `${total === 0 || n === undefined ? 0 : (100 * n) / total}%`;
  const valueText =
    done === undefined
      ? `${formatCount(requested)} samples requested, progress not reported`
      : `${formatCount(done)} of ${formatCount(requested)} samples done, ${failed === undefined ? 'failures not reported' : `${formatCount(failed)} failed`}`;
  return html`<div class="progress">
    <div
      class="bar"
      role="progressbar"
      aria-label=${label}
      aria-valuemin="0"
      aria-valuemax=${total}
      aria-valuenow=${(done ?? 0) + (failed ?? 0)}
      aria-valuetext=${valueText}
    >
      <span class="bar-done" style=${`width: ${pct(done)}`}></span><span class="bar-failed" style=${`width: ${pct(failed)}`}></span>
    </div>
    <span class="progress-text">${doneText} / ${formatCount(requested)}</span><span class="progress-text">${failedText}</span>
  </div>`;
}

/** A short line under a status: partial success, or nothing (the line keeps its height either way). */
export function statusNote(run: Run): TemplateResult {
  const partial = run.status === 'SUCCEEDED' && (numberOr(run.samples_failed) ?? 0) > 0;
  return html`<span class="status-note">${partial ? 'partial: some samples failed' : nothing}</span>`;
}

/** The run's actions that do something: cancel while unfinished, the ZIP once succeeded. */
export function runActions(
  run: Run,
  state: Pick<AppState, 'downloads' | 'pending'>,
  actions: Pick<ViewActions, 'ask' | 'prepareZip'>,
): TemplateResult[] {
  const id = shortId(run.id);
  const out: TemplateResult[] = [];
  const pending = state.pending.get(run.id);
  if (!isTerminalStatus(run.status)) {
    out.push(html`<button type="button" class="danger" ?disabled=${pending !== undefined} aria-busy=${pending === 'cancel' ? 'true' : 'false'} @click=${() => actions.ask('cancel', run.id)}>
      Cancel<span class="visually-hidden"> run ${id}</span>
    </button>`);
  }
  if (run.status === 'SUCCEEDED') out.push(zipAction(run.id, state.downloads.get(run.id), actions));
  return out;
}

function zipAction(runId: string, download: Download | undefined, actions: Pick<ViewActions, 'prepareZip'>): TemplateResult {
  const id = shortId(runId);
  if (download?.state === 'ready') {
    return html`<a class="button download" href=${download.url} download=${`run-${id}.zip`}>
      Download ZIP${download.size === undefined ? '' : ` (${formatBytes(download.size)})`}<span class="visually-hidden"> of run ${id}</span>
    </a>`;
  }
  const building = download?.state === 'building';
  return html`<button type="button" ?disabled=${building} aria-busy=${building ? 'true' : 'false'} @click=${() => void actions.prepareZip(runId)}>
      ${building ? 'Preparing ZIP…' : 'Prepare ZIP'}<span class="visually-hidden"> of run ${id}</span></button
    >${download?.state === 'error' ? html`<span class="field-error zip-error">${download.message}</span>` : nothing}`;
}
