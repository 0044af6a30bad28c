import { isTerminalStatus, type Run } from '@df/browser';
import { html, nothing, type TemplateResult } from 'lit-html';
import { formatBytes, shortId } from '../format';
import type { AppState, Download } from '../state';
import type { ViewActions } from './ViewActions';

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

/** Every label the ZIP control takes in turn; each is laid under the shown one, unseen, so the control keeps one width. */
const ZIP_LABELS = ['Prepare ZIP', 'Preparing ZIP…', 'Download ZIP'] as const;

function steadyLabel(label: (typeof ZIP_LABELS)[number]): TemplateResult {
  return html`<span class="steady">${ZIP_LABELS.map((l) => html`<span aria-hidden="true" class="steady-ghost">${l}</span>`)}<span>${label}</span></span>`;
}

function zipAction(runId: string, download: Download | undefined, actions: Pick<ViewActions, 'prepareZip'>): TemplateResult {
  const id = shortId(runId);
  if (download?.state === 'ready') {
    const size = download.size === undefined ? '' : ` (${formatBytes(download.size)})`;
    return html`<a class="button download" href=${download.url} download=${`run-${id}.zip`} title=${`The ZIP of run ${id}${size}`}>
      ${steadyLabel('Download ZIP')}<span class="visually-hidden">${size} of run ${id}</span>
    </a>`;
  }
  const building = download?.state === 'building';
  return html`<button type="button" ?disabled=${building} aria-busy=${building ? 'true' : 'false'} @click=${() => void actions.prepareZip(runId)}>
      ${steadyLabel(building ? 'Preparing ZIP…' : 'Prepare ZIP')}<span class="visually-hidden"> of run ${id}</span></button
    >${download?.state === 'error' ? html`<span class="field-error zip-error">${download.message}</span>` : nothing}`;
}
