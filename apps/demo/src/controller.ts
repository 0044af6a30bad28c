import type { DashboardClient } from './dashboardClient';
import { describeError } from './describeError';
import { formatCount, shortId } from './format';
import { numberOr } from './lenientValues';
import { createPageLoader } from './pageLoader';
import { LIST_HREF, parseRoute, readFilters, runHref, withFilters, type Filters } from './route';
import { readCreateForm, type CreateFormValues } from './readCreateForm';
import type { LazyEvaluations } from './lazyEvaluations';
import { emptyDetail, type AppState, type ConfirmWords } from './state';
import type { Store } from './store';

/** What the controller needs from the page around it, injected so it runs in tests without one. */
export interface ControllerDeps {
  client: DashboardClient;
  store: Store<AppState>;
  /** Reads and changes the page's URL (`replace` changes it without a new history entry). */
  nav: { href(): string; push(href: string): void; go(hash: string): void; replace(hash: string): void };
  /** The evaluation part of a run's page, loaded on first use. */
  evaluations: LazyEvaluations;
  /** Keeps a choice across visits (whether the create form is open on a phone). */
  remember(key: string, value: string): void;
  copy(text: string): Promise<void>;
  now(): number;
  /** Polls now (the poller calls `tick`). */
  refresh(): Promise<void>;
  timers: { setTimeout(callback: () => void, ms: number): unknown };
}

/** Where the create form's open or closed state is remembered. */
export const CREATE_OPEN_KEY = 'dataframer-dashboard:create-form';

/** How long a ZIP may take to be built before the page gives up. */
const ZIP_TIMEOUT_MS = 120_000;

/** Everything a user can do on the page; views call these, the poller calls `tick`. */
export type Controller = ReturnType<typeof createController>;

/** Creates the page's actions over a store and a client. */
export function createController(deps: ControllerDeps) {
  const { client, store, nav } = deps;
  const loader = createPageLoader({
    ...deps,
    replaceRun(runId) {
      nav.replace(runHref(runId));
      set({ route: { name: 'detail', runId }, detail: emptyDetail(runId) });
    },
  });
  const set = (change: Partial<AppState> | ((state: AppState) => Partial<AppState>)) =>
    store.update(typeof change === 'function' ? change : () => change);
  const announce = (text: string) => set({ announcement: text, actionAnnouncedAt: deps.now() });
  const setPending = (runId: string, action: 'cancel' | 'delete' | undefined) =>
    set((s) => {
      const pending = new Map(s.pending);
      if (action) pending.set(runId, action);
      else pending.delete(runId);
      return { pending };
    });

  async function cancelRun(runId: string): Promise<void> {
    setPending(runId, 'cancel');
    try {
      await client.runs.cancel(runId);
      announce(`Run ${shortId(runId)} canceled.`);
    } catch (error) {
      announce(`Could not cancel run ${shortId(runId)}: ${describeError(error, 'cancel the run').text}`);
    } finally {
      setPending(runId, undefined);
    }
    await deps.refresh();
  }

  async function deleteRun(runId: string): Promise<void> {
    setPending(runId, 'delete');
    try {
      await client.runs.delete(runId);
      set((s) => ({ runs: s.runs?.filter((run) => run.id !== runId) }));
      announce(`Run ${shortId(runId)} deleted.`);
      const route = store.get().route;
      if (route.name === 'detail' && route.runId === runId) nav.go(LIST_HREF);
    } catch (error) {
      announce(`Could not delete run ${shortId(runId)}: ${describeError(error, 'delete the run').text}`);
    } finally {
      setPending(runId, undefined);
    }
  }

  return {
    /** One poll of whatever the current view shows. */
    tick: loader.tick,
    /** Loads the specs and models the create form offers. */
    loadFormData: loader.loadFormData,
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
    /** Asks before evaluating a run, in the words the evaluation part gives (an evaluation may cost money). */
    askEvaluate(runId: string, words: ConfirmWords): void {
      set({ confirm: { action: 'evaluate', runId, words } });
    },
    /** The evaluation part, once loaded: the run page's view of evaluations. */
    evaluationsPart: deps.evaluations.loaded,
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
      else if (confirmation.action === 'delete') await deleteRun(confirmation.runId);
      else {
        await (await deps.evaluations.load()).start(confirmation.runId);
        await deps.refresh();
      }
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
        set((s) => ({
          downloads: new Map(s.downloads).set(runId, { state: 'error', message: describeError(error, 'prepare the ZIP').text }),
        }));
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
    /** Opens or closes the create form (on narrow screens, where it starts closed), and remembers the choice. */
    toggleCreate(): void {
      const createOpen = !store.get().createOpen;
      set({ createOpen });
      deps.remember(CREATE_OPEN_KEY, createOpen ? 'open' : 'closed');
    },
    /** Remembers the chosen model, so the form shows the fields it needs. */
    chooseModel(model: string): void {
      set((s) => ({ create: { ...s.create, model } }));
    },
    /** Checks the create form and starts the run it describes. */
    async createRun(values: CreateFormValues): Promise<void> {
      const state = store.get();
      const checked = readCreateForm(values, state.specs ?? []);
      if (!checked.ok) {
        const { errors, general } = checked;
        set((s) => ({ create: { ...s.create, phase: general.length > 0 ? 'failed' : 'idle', message: general.join(' '), errors } }));
        return;
      }
      set((s) => ({ create: { ...s.create, phase: 'starting', message: 'Starting…', errors: {}, runId: undefined } }));
      try {
        const { id } = await client.runs.create(checked.params);
        set((s) => ({
          requested: new Map(s.requested).set(id, checked.params.number_of_samples),
          create: {
            ...s.create,
            phase: 'started',
            runId: id,
            message: `Run ${shortId(id)} started for ${formatCount(checked.params.number_of_samples)} samples.`,
          },
        }));
        announce(`Run ${shortId(id)} started.`);
      } catch (error) {
        const view = describeError(error, 'start the run');
        set((s) => ({
          create: {
            ...s.create,
            phase: 'failed',
            runId: undefined,
            message: `${view.title}: ${view.text}${view.advice ? ` ${view.advice}` : ''}`,
          },
        }));
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
