import { RUN_STATUSES, isTerminalStatus, type Run } from '@df/browser';
import { html, nothing, type TemplateResult } from 'lit-html';
import { repeat } from 'lit-html/directives/repeat.js';
import { describeError } from '../describeError';
import { formatCost, formatExact, shortId } from '../format';
import { textOr } from '../lenientValues';
import { statusLook } from '../statusLook';
import { readFilters, runHref } from '../route';
import { POLL_MS, RETRY_MS } from '../refreshIntervals';
import type { AppState } from '../state';
import type { ViewActions } from './ViewActions';
import { messageView } from './messageView';
import { selectValue } from './selectValue';
import { copyButton } from './copyButton';
import { progressBar } from './progressBar';
import { relativeTime } from './relativeTime';
import { runActions } from './runActions';
import { statusBadge, statusNote } from './statusBadge';

const COLUMNS = ['Status', 'Run', 'Spec', 'Progress', 'Cost', 'Created', 'Actions'] as const;

/** The runs that pass the filters in the URL. */
function visibleRuns(state: Pick<AppState, 'runs' | 'search'>): Run[] {
  const { status, spec } = readFilters(state.search);
  return (state.runs ?? []).filter((run) => (!status || run.status === status) && (!spec || run.spec_id === spec));
}

/** The "last updated" line: when, and whether and why the page keeps polling. */
function updatedLine(state: AppState): TemplateResult {
  const parts: Array<TemplateResult | string> = [];
  if (state.updatedAt !== undefined) {
    const at = new Date(state.updatedAt);
    parts.push(
      html`Last updated <time datetime=${at.toISOString()} title=${formatExact(at.toISOString())}>${at.toLocaleTimeString('en-US')}</time>`,
    );
  } else {
    parts.push(state.loading ? 'Loading…' : 'Not loaded yet');
  }
  if (state.runs && state.listError === undefined) {
    if (state.hidden) parts.push(' · auto-refresh paused while this tab is hidden');
    else if (state.runs.some((run) => !isTerminalStatus(run.status)))
      parts.push(` · refreshing every ${POLL_MS / 1000} s while runs are unfinished`);
    else parts.push(' · every run is finished, auto-refresh is off');
  }
  return html`<p id="updated" class="updated">${parts}</p>`;
}

function filtersView(state: AppState, actions: Pick<ViewActions, 'setFilters'>): TemplateResult {
  const filters = readFilters(state.search);
  const statuses = new Set<string>(RUN_STATUSES);
  for (const run of state.runs ?? []) if (run.status) statuses.add(run.status);
  if (filters.status) statuses.add(filters.status);
  const specs = new Map<string, string>();
  for (const spec of state.specs ?? []) {
    const id = textOr(spec.id);
    if (id) specs.set(id, textOr(spec.name) ?? `Spec ${shortId(id)}`);
  }
  for (const run of state.runs ?? []) {
    const id = textOr(run.spec_id);
    if (id && !specs.has(id)) specs.set(id, textOr(run.spec_name) ?? `Spec ${shortId(id)}`);
  }
  if (filters.spec && !specs.has(filters.spec)) specs.set(filters.spec, `Spec ${shortId(filters.spec)}`);
  const sortedSpecs = [...specs].sort((a, b) => a[1].localeCompare(b[1]));
  return html`<form class="filters" role="search" aria-label="Filter runs" @submit=${(e: Event) => e.preventDefault()}>
    <div class="field">
      <label for="filter-status">Status</label>
      <select id="filter-status" name="status" @change=${(e: Event) => actions.setFilters({ status: (e.target as HTMLSelectElement).value })}>
        <option value="">All statuses</option>
        ${[...statuses].map((s) => html`<option value=${s}>${statusLook(s).word}</option>`)}${selectValue(filters.status)}
      </select>
    </div>
    <div class="field">
      <label for="filter-spec">Spec</label>
      <select id="filter-spec" name="spec" @change=${(e: Event) => actions.setFilters({ spec: (e.target as HTMLSelectElement).value })}>
        <option value="">All specs</option>
        ${sortedSpecs.map(([id, name]) => html`<option value=${id}>${name}</option>`)}${selectValue(filters.spec)}
      </select>
    </div>
  </form>`;
}

function row(run: Run, state: AppState, actions: ViewActions): TemplateResult {
  const id = shortId(run.id);
  const specId = textOr(run.spec_id);
  const specName = textOr(run.spec_name) ?? (specId ? `Spec ${shortId(specId)}` : '—');
  const version = typeof run.spec_version === 'number' ? html`<span class="muted"> v${run.spec_version}</span>` : nothing;
  const dataset = textOr(run.dataset_name);
  return html`<tr data-run-id=${run.id} role="row">
    <td role="cell" class="c-status" data-label="Status">${statusBadge(run.status)}${statusNote(run)}</td>
    <td role="cell" class="c-run" data-label="Run">
      <a class="run-link" href=${runHref(run.id)}><code>${id}</code><span class="visually-hidden"> details</span></a>
      ${copyButton(run.id, 'run', state, actions)}
    </td>
    <td role="cell" class="c-spec" data-label="Spec">
      <span class="spec-name">${specName}</span>${version}${dataset ? html`<span class="dataset muted">${dataset}</span>` : nothing}
    </td>
    <td role="cell" class="c-progress" data-label="Progress">${progressBar(run, state.requested.get(run.id), `Progress of run ${id}`)}</td>
    <td role="cell" class="c-cost num" data-label="Cost">${formatCost(run.total_cost)}</td>
    <td role="cell" class="c-created" data-label="Created">${relativeTime(run.created_at, state.now)}</td>
    <td role="cell" class="c-actions" data-label="Actions">
      <div class="actions">
        ${runActions(run, state, actions)}
        <a class="button" href=${runHref(run.id)}>Details<span class="visually-hidden"> of run ${id}</span></a>
      </div>
    </td>
  </tr>`;
}

function table(runs: Run[], state: AppState, actions: ViewActions, busy: boolean): TemplateResult {
  return html`<table class="runs" role="table" aria-busy=${busy ? 'true' : 'false'} aria-describedby="updated">
    <caption class="visually-hidden">Runs, newest first</caption>
    <colgroup>${COLUMNS.map((c) => html`<col class=${`col-${c.toLowerCase()}`} />`)}</colgroup>
    <thead role="rowgroup">
      <tr role="row">${COLUMNS.map((c) => html`<th scope="col" role="columnheader" class=${c === 'Cost' ? 'num' : ''}>${c}</th>`)}</tr>
    </thead>
    <tbody role="rowgroup">
      ${
        busy
          ? [0, 1, 2].map(
              () => html`<tr class="skeleton" aria-hidden="true">${COLUMNS.map(() => html`<td><span class="bone"></span></td>`)}</tr>`,
            )
          : nothing
      }
      ${repeat(
        runs,
        (run) => run.id,
        (run) => row(run, state, actions),
      )}
    </tbody>
  </table>`;
}

function listBody(state: AppState, actions: ViewActions): TemplateResult | typeof nothing {
  const runs = state.runs;
  if (runs === undefined) {
    if (state.listError !== undefined) return nothing;
    return html`${table([], state, actions, true)}<p class="muted">Loading runs…</p>`;
  }
  if (runs.length === 0) {
    return html`<div class="empty">
      <p class="empty-title">There are no runs yet.</p>
      <p>Start one with the form above, or from a terminal:</p>
      <pre><code>dataframer runs create --spec &lt;spec-id&gt; --samples 100</code></pre>
    </div>`;
  }
  const shown = visibleRuns(state);
  if (shown.length === 0) {
    return html`<div class="empty">
      <p class="empty-title">No runs match these filters.</p>
      <button type="button" @click=${() => actions.setFilters({ status: '', spec: '' })}>Clear filters</button>
    </div>`;
  }
  return table(shown, state, actions, false);
}

/** The runs panel: heading with count, refresh, filters, errors, and the runs as a table (cards on narrow screens). */
export function runsView(state: AppState, actions: ViewActions): TemplateResult {
  const runs = state.runs;
  const shown = visibleRuns(state);
  const count = runs === undefined ? '' : shown.length === runs.length ? `(${runs.length})` : `(${shown.length} of ${runs.length})`;
  const error = state.listError === undefined ? undefined : describeError(state.listError, runs ? 'refresh the runs' : 'load the runs');
  return html`<section aria-labelledby="runs-heading" class="panel">
    <div class="runs-head">
      <h2 id="runs-heading" tabindex="-1">Runs <span id="runs-count" class="count">${count}</span></h2>
      <button type="button" id="refresh" @click=${() => actions.retry()}>Refresh</button>
    </div>
    ${updatedLine(state)} ${filtersView(state, actions)}
    ${error ? messageView(error, actions, { note: error.kind === 'auth' ? undefined : `Trying again automatically in ${RETRY_MS / 1000} s.` }) : nothing}
    <div id="runs">${listBody(state, actions)}</div>
  </section>`;
}
