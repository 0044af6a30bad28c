import { isTerminalStatus, NotFoundError, runtimeParamsSchema, type RunDetail } from '@df/browser';
import { html, nothing, type TemplateResult } from 'lit-html';
import { describeError } from '../describeError';
import { formatBytes, formatCost, formatCount, formatDuration, formatExact, shortId } from '../format';
import { numberOr, textOr, timeOf } from '../lenientValues';
import { paramLabel } from '../paramLabel';
import { FULL_RUN_ID, LIST_HREF, runHref } from '../route';
import type { AppState, DetailState } from '../state';
import type { ViewActions } from './ViewActions';
import { messageView } from './messageView';
import { copyButton } from './copyButton';
import { progressBar } from './progressBar';
import { relativeTime } from './relativeTime';
import { runActions } from './runActions';
import { statusBadge, statusNote } from './statusBadge';

/** The parameters core's schema of `runtime_params` names, in its order: a field added there shows here without a change. */
function knownParams(): string[] {
  const schema = runtimeParamsSchema();
  return 'entries' in schema && typeof schema.entries === 'object' && schema.entries !== null ? Object.keys(schema.entries) : [];
}

/** A parameter value in words: lists joined, booleans as yes/no, objects as JSON, nothing as an em dash. */
function paramText(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return formatCount(value);
  if (Array.isArray(value))
    return value.length === 0 ? 'none' : value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function idLine(label: string, id: string | undefined, what: string, state: AppState, actions: ViewActions, name?: string): TemplateResult {
  return html`<div class="kv">
    <dt>${label}</dt>
    <dd>
      ${name ? html`<span class="kv-name">${name}</span>` : nothing}
      ${id ? html`<span class="id-line"><code class="full-id">${id}</code>${copyButton(id, what, state, actions)}</span>` : name ? nothing : '—'}
    </dd>
  </div>`;
}

function kv(label: string, value: TemplateResult | string): TemplateResult {
  return html`<div class="kv"><dt>${label}</dt><dd>${value}</dd></div>`;
}

function exact(iso: unknown): TemplateResult | string {
  if (timeOf(iso) === undefined) return '—';
  return html`<time datetime=${iso as string}>${formatExact(iso)}</time>`;
}

function timings(run: RunDetail, now: number): TemplateResult {
  const created = timeOf(run.created_at);
  const completed = timeOf(run.completed_at);
  const terminal = isTerminalStatus(run.status);
  const took = created !== undefined && completed !== undefined ? formatDuration(completed - created) : '—';
  const running = created !== undefined ? formatDuration(Math.max(0, now - created)) : '—';
  return html`<dl class="kvs">
    ${kv('Created', created === undefined ? '—' : html`${exact(run.created_at)} <span class="muted">(${relativeTime(run.created_at, now)})</span>`)}
    ${kv('Finished', terminal ? exact(run.completed_at) : 'not yet')}
    ${kv(terminal ? 'Took' : 'Running for', terminal ? took : running)}
    ${kv('Created by', textOr(run.created_by_email) ?? '—')}
  </dl>`;
}

function params(run: RunDetail): TemplateResult {
  const raw = run.runtime_params;
  const given: Record<string, unknown> = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const known = knownParams();
  // Known parameters under their labels, in the schema's order; any other one the server sends follows under its own name.
  const rows = known.filter((key) => key in given).map((key) => kv(paramLabel(key), paramText(given[key])));
  for (const [key, value] of Object.entries(given)) if (!known.includes(key)) rows.push(kv(key, paramText(value)));
  if (!('generation_model' in given)) rows.unshift(kv(paramLabel('generation_model'), 'not reported'));
  return html`<dl class="kvs kvs--columns">${rows}</dl>`;
}

function files(run: RunDetail): TemplateResult {
  const list = Array.isArray(run.generated_files) ? run.generated_files : [];
  if (list.length === 0) {
    return html`<p class="muted">${run.status === 'SUCCEEDED' ? 'The server lists no files for this run.' : 'Files appear here once the run has succeeded.'}</p>`;
  }
  return html`<ul class="files">
    ${list.map(
      (file) => html`<li>
        <code class="file-path">${textOr(file?.path) ?? textOr(file?.id) ?? 'unnamed file'}</code>
        <span class="muted">${textOr(file?.file_type) ?? 'file'} · ${formatBytes(file?.size_bytes)}</span>
      </li>`,
    )}
  </ul>`;
}

function samples(detail: DetailState): TemplateResult {
  if (detail.samplesError) return html`<p class="muted">The samples preview is not available: ${detail.samplesError}</p>`;
  if (detail.samples === undefined) return html`<p class="muted">Loading samples…</p>`;
  if (detail.samples.length === 0) return html`<p class="muted">No samples yet.</p>`;
  return html`<ol class="samples">
    ${detail.samples.map(
      (sample) => html`<li>
        <span class="sample-index">Sample ${sample.index + 1}</span>
        <dl class="kvs kvs--sample">${Object.entries(sample.fields).map(([key, value]) => kv(key, typeof value === 'string' ? value : paramText(value)))}</dl>
      </li>`,
    )}
  </ol>`;
}

function runPage(run: RunDetail, detail: DetailState, state: AppState, actions: ViewActions): TemplateResult {
  const id = shortId(run.id);
  const requested = numberOr(run.runtime_params?.number_of_samples) ?? state.requested.get(run.id);
  const pending = state.pending.get(run.id);
  const refreshNote = detail.error !== undefined ? describeError(detail.error, 'refresh the run') : undefined;
  const specName = textOr(run.spec_name);
  const version = numberOr(run.spec_version);
  return html`<article class="run-page" data-run-id=${run.id}>
    <header class="run-head">
      <h2 id="run-heading" tabindex="-1">Run <code>${id}</code></h2>
      <div class="run-status">${statusBadge(run.status)}${statusNote(run)}</div>
    </header>
    ${refreshNote ? messageView(refreshNote, actions, { note: 'Showing what was last received.' }) : nothing}
    <div class="actions run-actions">
      ${runActions(run, state, actions)}
      <button type="button" class="danger" ?disabled=${pending !== undefined} aria-busy=${pending === 'delete' ? 'true' : 'false'} @click=${() => actions.ask('delete', run.id)}>
        Delete<span class="visually-hidden"> run ${id}</span>
      </button>
    </div>
    <div class="run-grid">
      <section class="panel" aria-labelledby="h-progress">
        <h3 id="h-progress">Progress</h3>
        ${progressBar(run, requested, `Progress of run ${id}`)}
        <dl class="kvs">
          ${kv('Samples done', formatCount(run.samples_completed))}
          ${kv('Samples failed', formatCount(run.samples_failed))}
          ${kv('Requested', typeof requested === 'number' ? formatCount(requested) : 'not reported')}
          ${kv(isTerminalStatus(run.status) ? 'Cost' : 'Cost so far', formatCost(run.total_cost))}
        </dl>
      </section>
      <section class="panel" aria-labelledby="h-about">
        <h3 id="h-about">Run</h3>
        <dl class="kvs">
          ${idLine('Run id', run.id, 'run', state, actions)}
          ${idLine('Spec', textOr(run.spec_id), 'spec', state, actions, specName ? `${specName}${version !== undefined ? ` · v${version}` : ''}` : version !== undefined ? `v${version}` : undefined)}
          ${idLine('Dataset', textOr(run.dataset_id), 'dataset', state, actions, textOr(run.dataset_name) ?? (run.dataset_id === null ? 'none (seedless spec)' : undefined))}
          ${kv('Dataset type', textOr(run.dataset_type) ?? '—')}
        </dl>
      </section>
      <section class="panel" aria-labelledby="h-timings">
        <h3 id="h-timings">Timings</h3>
        ${timings(run, state.now)}
      </section>
      <section class="panel panel--wide" aria-labelledby="h-params">
        <h3 id="h-params">Parameters</h3>
        ${params(run)}
      </section>
      <section class="panel panel--wide" aria-labelledby="h-samples">
        <h3 id="h-samples">First samples</h3>
        ${samples(detail)}
      </section>
      <section class="panel panel--wide" aria-labelledby="h-files">
        <h3 id="h-files">Files</h3>
        ${files(run)}
      </section>
      ${run.status === 'SUCCEEDED' ? (actions.evaluationsPart()?.view(state, actions) ?? nothing) : nothing}
    </div>
  </article>`;
}

/** What the page says when the run in the URL cannot be shown: none has that id, several start with it, or loading failed. */
function notShown(detail: DetailState, actions: ViewActions): TemplateResult {
  const full = FULL_RUN_ID.test(detail.runId);
  if (detail.matches) {
    const view = {
      kind: 'not-found' as const,
      title: 'More than one run matches',
      text: `${detail.matches.length} runs have an id starting with ${detail.runId}. Open the one you mean:`,
      advice: undefined,
      requestId: undefined,
    };
    const links = html`<ul class="matches">
      ${detail.matches.map((id) => html`<li><a href=${runHref(id)}><code>${id}</code></a></li>`)}
    </ul>`;
    return messageView(view, actions, { next: 'back', extra: links });
  }
  if (detail.error instanceof NotFoundError) {
    const view = {
      ...describeError(detail.error, 'load the run'),
      title: 'No such run',
      text: full
        ? `There is no run ${detail.runId} in this account. It may have been deleted.`
        : `No run in this account has an id starting with ${detail.runId}. It may have been deleted.`,
      advice: undefined,
    };
    return messageView(view, actions, { next: 'back' });
  }
  return messageView(describeError(detail.error, 'load the run'), actions);
}

/** A run's own page (`#/runs/<id>`): status, progress, cost, parameters, timings, samples, files and actions. */
export function detailView(state: AppState, actions: ViewActions): TemplateResult {
  const detail = state.detail;
  const back = html`<p class="back"><a href=${LIST_HREF}>← All runs</a></p>`;
  if (!detail) return back;
  if (detail.run) return html`${back}${runPage(detail.run, detail, state, actions)}`;
  const heading = html`<h2 id="run-heading" tabindex="-1">Run <code>${shortId(detail.runId)}</code></h2>`;
  if (detail.error !== undefined || detail.matches) return html`${back}${heading}${notShown(detail, actions)}`;
  return html`${back}${heading}<p class="muted">Loading the run…</p>`;
}
