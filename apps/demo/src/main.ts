import {
  AuthenticationError,
  DataframerError,
  MAX_SAMPLES_PER_RUN,
  createClient,
  isTerminalStatus,
  type Run,
  type SpecListItem,
} from '@df/browser';
import { formatBytes, formatCost, formatCount, formatExact, formatRelative, parseSamples, shortId, statusLook } from './format';

// No key and no baseUrl: requests go to this page's origin, where the server's proxy adds the key.
const client = createClient({ timeoutMs: 20_000 });

/** Refresh interval while some run is unfinished, and after a failed refresh. */
const POLL_MS = 1500;
const ERROR_RETRY_MS = 10_000;
/** Relative times are redrawn this often even when nothing is polled. */
const CLOCK_MS = 30_000;

type Download = { state: 'building' } | { state: 'ready'; url: string; size: number } | { state: 'error'; message: string };

const state = {
  runs: undefined as Run[] | undefined,
  specs: [] as SpecListItem[],
  error: undefined as unknown,
  loading: false,
  updatedAt: undefined as Date | undefined,
  /** Samples asked for, per run: not in the list answer, read once from each run's detail (it never changes). */
  requested: new Map<string, number>(),
  downloads: new Map<string, Download>(),
  canceling: new Set<string>(),
};
let pollTimer: ReturnType<typeof setTimeout> | undefined;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const runsBox = $<HTMLDivElement>('runs');
const messageBox = $<HTMLDivElement>('message');
const announcer = $<HTMLDivElement>('announcer');
const updated = $<HTMLParagraphElement>('updated');
const countLabel = $<HTMLSpanElement>('runs-count');
const statusFilter = $<HTMLSelectElement>('filter-status');
const specFilter = $<HTMLSelectElement>('filter-spec');
const createForm = $<HTMLFormElement>('create-form');
const createSpec = $<HTMLSelectElement>('create-spec');
const createSamples = $<HTMLInputElement>('create-samples');
const samplesError = $<HTMLParagraphElement>('create-samples-error');
const createSubmit = $<HTMLButtonElement>('create-submit');
const createResult = $<HTMLParagraphElement>('create-result');

/** Builds an element with attributes and children in one call. */
function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number | boolean | undefined> = {},
  ...children: Array<Node | string | undefined>
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (name === 'class') el.className = String(value);
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) if (child !== undefined) el.append(child);
  return el;
}

// ---- filters in the URL query -------------------------------------------------------------------

function readFilters(): { status: string; spec: string } {
  const query = new URLSearchParams(location.search);
  return { status: query.get('status') ?? '', spec: query.get('spec') ?? '' };
}

function writeFilters(filters: { status: string; spec: string }): void {
  const url = new URL(location.href);
  for (const [key, value] of Object.entries(filters)) {
    if (value) url.searchParams.set(key, value);
    else url.searchParams.delete(key);
  }
  history.pushState(null, '', url);
  render();
}

function syncFilterControls(): void {
  const filters = readFilters();
  statusFilter.value = filters.status;
  fillSpecFilter();
  specFilter.value = filters.spec;
}

statusFilter.addEventListener('change', () => writeFilters({ ...readFilters(), status: statusFilter.value }));
specFilter.addEventListener('change', () => writeFilters({ ...readFilters(), spec: specFilter.value }));
window.addEventListener('popstate', () => {
  syncFilterControls();
  render();
});

function fillSpecFilter(): void {
  const names = new Map<string, string>();
  for (const spec of state.specs) if (spec.id) names.set(spec.id, spec.name ?? spec.id);
  for (const run of state.runs ?? []) if (run.spec_id && !names.has(run.spec_id)) names.set(run.spec_id, run.spec_name ?? run.spec_id);
  const wanted = readFilters().spec;
  if (wanted && !names.has(wanted)) names.set(wanted, `Spec ${shortId(wanted)}`);
  const options = [h('option', { value: '' }, 'All specs')];
  for (const [id, name] of [...names].sort((a, b) => a[1].localeCompare(b[1]))) options.push(h('option', { value: id }, name));
  specFilter.replaceChildren(...options);
  specFilter.value = wanted;
}

// ---- loading and polling ------------------------------------------------------------------------

async function loadSpecs(): Promise<void> {
  try {
    state.specs = await client.specs.list();
  } catch {
    // The runs list reports the same failure with a retry; the form says specs are unavailable.
    state.specs = [];
  }
  const usable = state.specs.filter((spec) => spec.id && (spec.status === 'SUCCEEDED' || spec.status === 'READY'));
  createSpec.replaceChildren(
    ...(usable.length === 0
      ? [h('option', { value: '' }, 'No spec ready to use')]
      : usable.map((spec) => h('option', { value: spec.id }, spec.name ?? spec.id))),
  );
  fillSpecFilter();
}

async function refresh(): Promise<void> {
  clearTimeout(pollTimer);
  pollTimer = undefined;
  state.loading = true;
  render();
  try {
    const runs = await client.runs.list();
    await learnRequested(runs);
    announceChanges(state.runs, runs);
    state.runs = runs;
    state.error = undefined;
    state.updatedAt = new Date();
    if (state.specs.length === 0) await loadSpecs();
  } catch (error) {
    state.error = error;
  } finally {
    state.loading = false;
  }
  render();
  schedule();
}

/** Polls only while the tab is visible and some run can still change; after an error, tries again later. */
function schedule(): void {
  clearTimeout(pollTimer);
  pollTimer = undefined;
  if (document.visibilityState === 'hidden') return;
  if (state.error instanceof AuthenticationError) return;
  if (state.error !== undefined) pollTimer = setTimeout(refresh, ERROR_RETRY_MS);
  else if (hasUnfinished()) pollTimer = setTimeout(refresh, POLL_MS);
  renderUpdated();
}

function hasUnfinished(): boolean {
  return (state.runs ?? []).some((run) => !isTerminalStatus(run.status));
}

document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') {
    clearTimeout(pollTimer);
    pollTimer = undefined;
    renderUpdated();
  } else {
    void refresh();
  }
});

async function learnRequested(runs: Run[]): Promise<void> {
  const unknown = runs.filter((run) => !state.requested.has(run.id));
  await Promise.all(
    unknown.map(async (run) => {
      try {
        const detail = await client.runs.retrieve(run.id, { maxRetries: 0 });
        const requested = detail.runtime_params?.number_of_samples;
        if (typeof requested === 'number') state.requested.set(run.id, requested);
      } catch {
        // Without the total the row shows counts only.
      }
    }),
  );
}

function announceChanges(before: Run[] | undefined, after: Run[]): void {
  if (!before) return;
  const previous = new Map(before.map((run) => [run.id, run.status]));
  const lines: string[] = [];
  for (const run of after) {
    const was = previous.get(run.id);
    if (was === undefined || was === run.status) continue;
    const look = statusLook(run.status);
    const detail = isTerminalStatus(run.status)
      ? `: ${formatCount(run.samples_completed ?? 0)} samples, ${formatCount(run.samples_failed ?? 0)} failed, ${formatCost(run.total_cost)}`
      : '';
    lines.push(`Run ${shortId(run.id)} is now ${look.word.toLowerCase()}${detail}.`);
  }
  if (lines.length > 0) announce(lines.join(' '));
}

function announce(text: string): void {
  announcer.textContent = text;
}

// ---- rendering ----------------------------------------------------------------------------------

function visibleRuns(): Run[] {
  const { status, spec } = readFilters();
  return (state.runs ?? []).filter((run) => (!status || run.status === status) && (!spec || run.spec_id === spec));
}

function render(): void {
  // Rows are rebuilt on every refresh; keep keyboard focus on the same control.
  const focusKey = (document.activeElement as HTMLElement | null)?.dataset['focusKey'];
  renderMessage();
  renderRuns();
  renderUpdated();
  if (focusKey) document.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(focusKey)}"]`)?.focus();
}

function renderUpdated(): void {
  const parts: Array<Node | string> = [];
  if (state.updatedAt) {
    parts.push('Last updated ', h('time', { datetime: state.updatedAt.toISOString(), title: formatExact(state.updatedAt.toISOString()) }, state.updatedAt.toLocaleTimeString('en-US')));
  } else {
    parts.push(state.loading ? 'Loading…' : 'Not loaded yet');
  }
  if (state.runs && !state.error) {
    if (document.visibilityState === 'hidden') parts.push(' · auto-refresh paused while this tab is hidden');
    else if (hasUnfinished()) parts.push(` · refreshing every ${POLL_MS / 1000} s while runs are unfinished`);
    else parts.push(' · every run is finished, auto-refresh is off');
  }
  updated.replaceChildren(...parts);
}

function renderMessage(): void {
  const error = state.error;
  if (error === undefined) {
    messageBox.hidden = true;
    messageBox.replaceChildren();
    messageBox.removeAttribute('role');
    return;
  }
  const retry = h('button', { type: 'button', class: 'primary', 'data-focus-key': 'retry' }, 'Retry');
  retry.addEventListener('click', () => void refresh());
  messageBox.hidden = false;
  messageBox.setAttribute('role', 'alert');
  if (error instanceof AuthenticationError) {
    messageBox.className = 'message message--auth';
    messageBox.replaceChildren(
      h('h3', {}, 'Not signed in to Dataframer'),
      h('p', {}, 'The Dataframer server refused the credentials this site sent (401). The page never holds an API key: the server that serves it adds one in its proxy.'),
      h('p', {}, 'Set a valid key in DATAFRAMER_API_KEY where this page is served, restart it, then retry.'),
      retry,
    );
    return;
  }
  const requestId = error instanceof DataframerError ? (error as { requestId?: string }).requestId : undefined;
  messageBox.className = 'message message--error';
  messageBox.replaceChildren(
    h('h3', {}, state.runs ? 'Could not refresh the runs' : 'Could not load the runs'),
    h('p', {}, error instanceof Error ? error.message : String(error)),
    ...(requestId ? [h('p', { class: 'muted' }, 'Request id: ', h('code', {}, requestId))] : []),
    h('p', { class: 'muted' }, `Trying again automatically in ${ERROR_RETRY_MS / 1000} s.`),
    retry,
  );
}

function renderRuns(): void {
  const runs = state.runs;
  if (runs === undefined) {
    countLabel.textContent = '';
    if (state.error !== undefined) {
      runsBox.replaceChildren();
      return;
    }
    runsBox.replaceChildren(table([], true), h('p', { class: 'muted' }, 'Loading runs…'));
    return;
  }
  const shown = visibleRuns();
  countLabel.textContent = shown.length === runs.length ? `(${runs.length})` : `(${shown.length} of ${runs.length})`;
  if (runs.length === 0) {
    runsBox.replaceChildren(
      h('div', { class: 'empty' },
        h('p', { class: 'empty-title' }, 'There are no runs yet.'),
        h('p', {}, 'Start one with the form above, or from a terminal:'),
        h('pre', {}, h('code', {}, 'dataframer runs create --spec <spec-id> --samples 100')),
      ),
    );
    return;
  }
  if (shown.length === 0) {
    const clear = h('button', { type: 'button', 'data-focus-key': 'clear-filters' }, 'Clear filters');
    clear.addEventListener('click', () => {
      writeFilters({ status: '', spec: '' });
      syncFilterControls();
    });
    runsBox.replaceChildren(h('div', { class: 'empty' }, h('p', { class: 'empty-title' }, 'No runs match these filters.'), clear));
    return;
  }
  runsBox.replaceChildren(table(shown, false));
}

function table(runs: Run[], busy: boolean): HTMLTableElement {
  const head = h('thead', {},
    h('tr', {}, ...['Status', 'Run', 'Spec', 'Progress', 'Cost', 'Created', 'Actions'].map((label) => h('th', { scope: 'col' }, label))),
  );
  const body = h('tbody');
  if (busy) {
    for (let i = 0; i < 3; i++) {
      body.append(h('tr', { class: 'skeleton', 'aria-hidden': 'true' }, ...Array.from({ length: 7 }, () => h('td', {}, h('span', { class: 'bone' })))));
    }
  }
  const now = Date.now();
  for (const run of runs) body.append(row(run, now));
  return h('table', { class: 'runs', 'aria-busy': busy ? 'true' : 'false', 'aria-describedby': 'updated' }, h('caption', { class: 'visually-hidden' }, 'Runs, newest first'), head, body);
}

function row(run: Run, now: number): HTMLTableRowElement {
  const look = statusLook(run.status);
  const id = shortId(run.id);
  const badge = h('span', { class: `badge badge--${look.tone}`, 'data-status': run.status },
    h('span', { class: 'badge-icon', 'aria-hidden': 'true' }, look.icon), ` ${look.word}`);
  const partial = run.status === 'SUCCEEDED' && (run.samples_failed ?? 0) > 0;
  const statusCell = h('td', {}, badge, partial ? h('span', { class: 'partial' }, 'partial: some samples failed') : undefined);
  const spec = h('td', {},
    h('span', { class: 'spec-name' }, run.spec_name ?? run.spec_id ?? '—'),
    run.spec_version !== undefined ? h('span', { class: 'muted' }, ` v${run.spec_version}`) : undefined,
    run.dataset_name ? h('span', { class: 'dataset muted' }, run.dataset_name) : undefined,
  );
  const created = run.created_at
    ? h('time', { datetime: run.created_at, title: formatExact(run.created_at) }, formatRelative(run.created_at, now))
    : '—';
  return h('tr', { 'data-run-id': run.id },
    statusCell,
    h('td', {}, h('code', { title: run.id }, id)),
    spec,
    h('td', {}, progress(run, id)),
    h('td', { class: 'num' }, formatCost(run.total_cost)),
    h('td', {}, created),
    h('td', {}, h('div', { class: 'actions' }, ...actions(run, id))),
  );
}

function progress(run: Run, id: string): HTMLElement {
  const done = run.samples_completed ?? 0;
  const failed = run.samples_failed ?? 0;
  const requested = state.requested.get(run.id);
  const failedText = failed > 0 ? h('span', { class: 'failed-count' }, `${formatCount(failed)} failed`) : h('span', { class: 'muted' }, 'none failed');
  if (requested === undefined) {
    return h('div', { class: 'progress' }, h('span', {}, `${formatCount(done)} done · `), failedText);
  }
  const total = Math.max(requested, done + failed);
  const pct = (n: number) => `${total === 0 ? 0 : (100 * n) / total}%`;
  const valueText = `${formatCount(done)} of ${formatCount(requested)} samples done, ${formatCount(failed)} failed`;
  const bar = h('div', {
    class: 'bar',
    role: 'progressbar',
    'aria-label': `Progress of run ${id}`,
    'aria-valuemin': 0,
    'aria-valuemax': total,
    'aria-valuenow': done + failed,
    'aria-valuetext': valueText,
  },
    h('span', { class: 'bar-done', style: `width: ${pct(done)}` }),
    h('span', { class: 'bar-failed', style: `width: ${pct(failed)}` }),
  );
  return h('div', { class: 'progress' }, bar, h('span', {}, `${formatCount(done)} / ${formatCount(requested)} · `), failedText);
}

function actions(run: Run, id: string): Node[] {
  const nodes: Node[] = [];
  if (!isTerminalStatus(run.status)) {
    const busy = state.canceling.has(run.id);
    const cancel = h('button', { type: 'button', class: 'danger', 'data-focus-key': `cancel-${run.id}`, disabled: busy },
      busy ? 'Canceling…' : 'Cancel', h('span', { class: 'visually-hidden' }, ` run ${id}`));
    cancel.addEventListener('click', () => void cancelRun(run.id));
    nodes.push(cancel);
  }
  if (run.status === 'SUCCEEDED') {
    const download = state.downloads.get(run.id);
    if (download?.state === 'ready') {
      nodes.push(h('a', { href: download.url, download: `run-${id}.zip`, class: 'download', 'data-focus-key': `zip-${run.id}` },
        `Download ZIP (${formatBytes(download.size)})`, h('span', { class: 'visually-hidden' }, ` of run ${id}`)));
    } else {
      const building = download?.state === 'building';
      const prepare = h('button', { type: 'button', 'data-focus-key': `zip-${run.id}`, disabled: building, 'aria-busy': building ? 'true' : undefined },
        building ? 'Preparing ZIP…' : 'Prepare ZIP', h('span', { class: 'visually-hidden' }, ` of run ${id}`));
      prepare.addEventListener('click', () => void prepareZip(run.id));
      nodes.push(prepare);
      if (download?.state === 'error') nodes.push(h('p', { class: 'field-error' }, download.message));
    }
  }
  return nodes;
}

// ---- actions ------------------------------------------------------------------------------------

async function cancelRun(runId: string): Promise<void> {
  state.canceling.add(runId);
  render();
  try {
    await client.runs.cancel(runId);
    announce(`Run ${shortId(runId)} canceled.`);
  } catch (error) {
    announce(`Could not cancel run ${shortId(runId)}: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    state.canceling.delete(runId);
  }
  await refresh();
}

async function prepareZip(runId: string): Promise<void> {
  state.downloads.set(runId, { state: 'building' });
  render();
  try {
    const zip = await client.runs.waitForFiles(runId, { timeoutMs: 120_000 });
    state.downloads.set(runId, { state: 'ready', url: zip.download_url, size: zip.size_bytes ?? 0 });
    announce(`The ZIP of run ${shortId(runId)} is ready to download.`);
  } catch (error) {
    state.downloads.set(runId, { state: 'error', message: error instanceof Error ? error.message : String(error) });
  }
  render();
}

createForm.addEventListener('submit', (event) => {
  event.preventDefault();
  void createRun();
});

async function createRun(): Promise<void> {
  const samples = parseSamples(createSamples.value, MAX_SAMPLES_PER_RUN);
  if (!samples.ok) {
    createSamples.setAttribute('aria-invalid', 'true');
    samplesError.textContent = samples.message;
    samplesError.hidden = false;
    createSamples.focus();
    return;
  }
  createSamples.removeAttribute('aria-invalid');
  samplesError.hidden = true;
  if (!createSpec.value) {
    createResult.textContent = 'Choose a spec first.';
    createSpec.focus();
    return;
  }
  createSubmit.disabled = true;
  createResult.textContent = 'Starting…';
  try {
    const { id } = await client.runs.create({ spec_id: createSpec.value, number_of_samples: samples.value });
    state.requested.set(id, samples.value);
    createResult.textContent = `Run ${shortId(id)} started for ${formatCount(samples.value)} samples.`;
    announce(`Run ${shortId(id)} started.`);
  } catch (error) {
    createResult.textContent = `Could not start the run: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    createSubmit.disabled = false;
  }
  await refresh();
}

$<HTMLButtonElement>('refresh').addEventListener('click', () => void refresh());
setInterval(() => {
  if (document.visibilityState === 'visible' && state.runs) render();
}, CLOCK_MS);

syncFilterControls();
render();
void loadSpecs();
void refresh();
