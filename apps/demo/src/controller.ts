import {
  AuthenticationError,
  NotFoundError,
  isTerminalStatus,
  type BrowserClient,
  type Run,
  type RunDetail,
} from '@df/browser';
import { describeError } from './describeError';
import { formatCost, formatCount, numberOr, shortId, statusLook } from './format';
import { readModels } from './models';
import type { PollNext } from './poller';
import { LIST_HREF, parseRoute, readFilters, withFilters, type Filters } from './route';
import { readCreateForm, type CreateFormValues } from './readCreateForm';
import { emptyDetail, type AppState, type DetailState, type SamplePreview } from './state';
import type { Store } from './store';

/** The part of the client the dashboard uses. */
export type DashboardClient = {
  runs: Pick<BrowserClient['runs'], 'list' | 'retrieve' | 'create' | 'cancel' | 'delete' | 'samples' | 'waitForFiles'>;
  specs: Pick<BrowserClient['specs'], 'list'>;
  models: Pick<BrowserClient['models'], 'list'>;
};

/** What the controller needs from the page around it, injected so it runs in tests without one. */
export interface ControllerDeps {
  client: DashboardClient;
  store: Store<AppState>;
  /** Reads and changes the page's URL. */
  nav: { href(): string; push(href: string): void; go(hash: string): void };
  copy(text: string): Promise<void>;
  now(): number;
  /** Polls now (the poller calls `tick`). */
  refresh(): Promise<void>;
  timers: { setTimeout(callback: () => void, ms: number): unknown };
}

/** How many samples the run page previews. */
export const PREVIEW_SAMPLES = 5;

/** How long a ZIP may take to be built before the page gives up. */
const ZIP_TIMEOUT_MS = 120_000;

/** Everything a user can do on the page; views call these, the poller calls `tick`. */
export type Controller = ReturnType<typeof createController>;

/** Creates the page's actions over a store and a client. */
export function createController(deps: ControllerDeps) {
  const { client, store, nav } = deps;
  const set = (change: Partial<AppState> | ((state: AppState) => Partial<AppState>)) =>
    store.update(typeof change === 'function' ? change : () => change);
  const announce = (text: string) => set({ announcement: text, actionAnnouncedAt: deps.now() });
  /** How long an action's result stays in the live region before status changes may replace it. */
  const ACTION_NOTICE_MS = 5000;
  const withChanges = (s: AppState, changes: string | undefined, now: number) =>
    changes === undefined ? s.announcement : now - s.actionAnnouncedAt < ACTION_NOTICE_MS ? `${s.announcement} ${changes}` : changes;
  const setDetail = (runId: string, change: Partial<DetailState>) =>
    set((s) => (s.detail?.runId === runId ? { detail: { ...s.detail, ...change } } : {}));

  async function learnRequested(runs: Run[]): Promise<Map<string, number | null>> {
    const known = new Map(store.get().requested);
    await Promise.all(
      runs
        .filter((run) => !known.has(run.id))
        .map(async (run) => {
          try {
            const detail = await client.runs.retrieve(run.id, { maxRetries: 0 });
            known.set(run.id, numberOr(detail.runtime_params?.number_of_samples) ?? null);
          } catch {
            // Asked again on the next poll; until then the run shows counts only.
          }
        }),
    );
    return known;
  }

  function statusChanges(before: Run[] | undefined, after: Run[]): string | undefined {
    if (!before) return undefined;
    const previous = new Map(before.map((run) => [run.id, run.status]));
    const lines: string[] = [];
    for (const run of after) {
      const was = previous.get(run.id);
      if (was !== undefined && was !== run.status) lines.push(statusSentence(run));
    }
    return lines.length > 0 ? lines.join(' ') : undefined;
  }

  function statusSentence(run: Run): string {
    const detail = isTerminalStatus(run.status)
      ? `: ${formatCount(run.samples_completed ?? 0)} samples, ${formatCount(run.samples_failed ?? 0)} failed, ${formatCost(run.total_cost)}`
      : '';
    return `Run ${shortId(run.id)} is now ${statusLook(run.status).word.toLowerCase()}${detail}.`;
  }

  async function refreshList(): Promise<PollNext> {
    set({ loading: true });
    try {
      const runs = await client.runs.list();
      const requested = await learnRequested(runs);
      const changes = statusChanges(store.get().runs, runs);
      const now = deps.now();
      set((s) => ({ runs, requested, listError: undefined, loading: false, updatedAt: now, now, announcement: withChanges(s, changes, now) }));
      if (store.get().specs === undefined && store.get().specsError !== undefined) void loadFormData();
      return runs.some((run) => !isTerminalStatus(run.status)) ? 'again' : 'idle';
    } catch (error) {
      set({ listError: error, loading: false });
      return error instanceof AuthenticationError ? 'idle' : 'retry';
    }
  }

  async function loadSamples(runId: string): Promise<void> {
    try {
      const page = await client.runs.samples(runId, { offset: 0, limit: PREVIEW_SAMPLES }, { maxRetries: 0 });
      const outputs = Array.isArray(page?.result?.generated_outputs) ? page.result.generated_outputs : [];
      const samples: SamplePreview[] = outputs.slice(0, PREVIEW_SAMPLES).map((output, i) => {
        const sample = output?.generated_sample;
        const index = numberOr(output?.metadata?.['index']) ?? i;
        return { index, fields: sample && typeof sample === 'object' ? sample : { value: sample ?? null } };
      });
      setDetail(runId, { samples, samplesError: undefined });
    } catch (error) {
      setDetail(runId, { samplesError: describeError(error, 'load the samples').text });
    }
  }

  async function refreshDetail(runId: string): Promise<PollNext> {
    try {
      const run: RunDetail = await client.runs.retrieve(runId);
      const before = store.get().detail?.run;
      const now = deps.now();
      set((s) => {
        const requested = new Map(s.requested);
        requested.set(run.id, numberOr(run.runtime_params?.number_of_samples) ?? null);
        const announcement = withChanges(s, before && before.status !== run.status ? statusSentence(run) : undefined, now);
        return { requested, now, updatedAt: now, announcement };
      });
      setDetail(runId, { run, error: undefined });
      const shown = store.get().detail?.samples;
      const done = numberOr(run.samples_completed) ?? 0;
      if (shown === undefined || (shown.length < PREVIEW_SAMPLES && done > shown.length)) await loadSamples(runId);
      return isTerminalStatus(run.status) ? 'idle' : 'again';
    } catch (error) {
      setDetail(runId, { error });
      return error instanceof AuthenticationError || error instanceof NotFoundError ? 'idle' : 'retry';
    }
  }

  async function loadFormData(): Promise<void> {
    const [specs, models] = await Promise.allSettled([client.specs.list(), client.models.list()]);
    set({
      specs: specs.status === 'fulfilled' ? specs.value : undefined,
      specsError: specs.status === 'rejected' ? specs.reason : undefined,
      models: models.status === 'fulfilled' ? readModels(models.value) : undefined,
      modelsError: models.status === 'rejected' ? models.reason : undefined,
    });
  }

  async function cancelRun(runId: string): Promise<void> {
    set((s) => ({ pending: new Map(s.pending).set(runId, 'cancel') }));
    try {
      await client.runs.cancel(runId);
      announce(`Run ${shortId(runId)} canceled.`);
    } catch (error) {
      announce(`Could not cancel run ${shortId(runId)}: ${describeError(error, 'cancel the run').text}`);
    } finally {
      set((s) => {
        const pending = new Map(s.pending);
        pending.delete(runId);
        return { pending };
      });
    }
    await deps.refresh();
  }

  async function deleteRun(runId: string): Promise<void> {
    set((s) => ({ pending: new Map(s.pending).set(runId, 'delete') }));
    try {
      await client.runs.delete(runId);
      set((s) => ({ runs: s.runs?.filter((run) => run.id !== runId) }));
      announce(`Run ${shortId(runId)} deleted.`);
      const route = store.get().route;
      if (route.name === 'detail' && route.runId === runId) nav.go(LIST_HREF);
    } catch (error) {
      announce(`Could not delete run ${shortId(runId)}: ${describeError(error, 'delete the run').text}`);
    } finally {
      set((s) => {
        const pending = new Map(s.pending);
        pending.delete(runId);
        return { pending };
      });
    }
  }

  return {
    /** One poll of whatever the current view shows. */
    tick(): Promise<PollNext> {
      const { route } = store.get();
      return route.name === 'detail' ? refreshDetail(route.runId) : refreshList();
    },
    /** Loads the specs and models the create form offers. */
    loadFormData,
    /** Follows the URL after a hash or history change, and polls the new view at once. */
    navigate(): Promise<void> {
      const url = new URL(nav.href());
      const route = parseRoute(url.hash);
      set((s) => ({
        route,
        search: url.search,
        confirm: undefined,
        detail: route.name === 'detail' ? (s.detail?.runId === route.runId ? s.detail : emptyDetail(route.runId)) : undefined,
      }));
      return deps.refresh();
    },
    /** Puts new list filters into the URL (a history entry, so Back undoes them). */
    setFilters(change: Partial<Filters>): void {
      const filters = { ...readFilters(store.get().search), ...change };
      const href = withFilters(nav.href(), filters);
      nav.push(href);
      set({ search: new URL(href).search });
    },
    /** Asks before cancelling or deleting a run. */
    ask(action: 'cancel' | 'delete', runId: string): void {
      set({ confirm: { action, runId } });
    },
    /** Closes the confirmation without acting. */
    dismiss(): void {
      set({ confirm: undefined });
    },
    /** Does what the open confirmation asked about. */
    async confirm(): Promise<void> {
      const confirmation = store.get().confirm;
      set({ confirm: undefined });
      if (!confirmation) return;
      if (confirmation.action === 'cancel') await cancelRun(confirmation.runId);
      else await deleteRun(confirmation.runId);
    },
    /** Asks for the ZIP of a run's files and waits until it is built. */
    async prepareZip(runId: string): Promise<void> {
      set((s) => ({ downloads: new Map(s.downloads).set(runId, { state: 'building' }) }));
      try {
        const zip = await client.runs.waitForFiles(runId, { timeoutMs: ZIP_TIMEOUT_MS });
        set((s) => ({
          downloads: new Map(s.downloads).set(runId, { state: 'ready', url: zip.download_url, size: numberOr(zip.size_bytes) }),
        }));
        announce(`The ZIP of run ${shortId(runId)} is ready to download.`);
      } catch (error) {
        set((s) => ({ downloads: new Map(s.downloads).set(runId, { state: 'error', message: describeError(error, 'prepare the ZIP').text }) }));
      }
    },
    /** Copies a full id to the clipboard and shows "Copied" on its button for a moment. */
    async copyId(id: string): Promise<void> {
      try {
        await deps.copy(id);
        set({ copied: id });
        announce(`Copied ${id}.`);
        deps.timers.setTimeout(() => set((s) => (s.copied === id ? { copied: undefined } : {})), 2000);
      } catch {
        announce('Could not copy: select the id and copy it by hand.');
      }
    },
    /** Remembers the chosen model, so the form shows the fields it needs. */
    chooseModel(model: string): void {
      set((s) => ({ create: { ...s.create, model } }));
    },
    /** Checks the create form and starts the run it describes. */
    async createRun(values: CreateFormValues): Promise<void> {
      const state = store.get();
      const checked = readCreateForm(values, state.specs ?? [], state.models ?? []);
      if (!checked.ok) {
        set((s) => ({ create: { ...s.create, phase: 'idle', message: '', errors: checked.errors } }));
        return;
      }
      set((s) => ({ create: { ...s.create, phase: 'starting', message: 'Starting…', errors: {}, runId: undefined } }));
      try {
        const { id } = await client.runs.create(checked.params);
        set((s) => ({
          requested: new Map(s.requested).set(id, checked.params.number_of_samples),
          create: { ...s.create, phase: 'started', runId: id, message: `Run ${shortId(id)} started for ${formatCount(checked.params.number_of_samples)} samples.` },
        }));
        announce(`Run ${shortId(id)} started.`);
      } catch (error) {
        const view = describeError(error, 'start the run');
        set((s) => ({ create: { ...s.create, phase: 'failed', runId: undefined, message: `${view.title}: ${view.text}${view.advice ? ` ${view.advice}` : ''}` } }));
      }
      await deps.refresh();
    },
    /** Stops or restarts polling when the tab is hidden or shown. */
    setHidden(hidden: boolean): void {
      set({ hidden });
    },
    /** Moves the clock the relative times are drawn from. */
    tickClock(): void {
      set({ now: deps.now() });
    },
  };
}
