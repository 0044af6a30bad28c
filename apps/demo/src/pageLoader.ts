import { AuthenticationError, NotFoundError, isTerminalStatus, type Run, type RunDetail } from '@df/browser';
import type { DashboardClient } from './dashboardClient';
import { describeError } from './describeError';
import { formatCost, formatCount, shortId } from './format';
import { numberOr } from './lenientValues';
import { statusLook } from './statusLook';
import { readModels } from './readModels';
import type { LazyEvaluations } from './lazyEvaluations';
import type { PollNext } from './poller';
import { FULL_RUN_ID } from './route';
import type { AppState, DetailState, SamplePreview } from './state';
import type { Store } from './store';

/** How many samples the run page previews. */
const PREVIEW_SAMPLES = 5;

/** How long an action's result stays in the live region before status changes may replace it. */
const ACTION_NOTICE_MS = 5000;

/** What loading needs: the client, the store, a clock, and a way to put a run's full id in the URL in place of a short one. */
export interface PageLoaderDeps {
  client: DashboardClient;
  store: Store<AppState>;
  now(): number;
  /** Shows the run page of `runId` in place of the current one, without a new history entry. */
  replaceRun(runId: string): void;
  /** The evaluation part, loaded with the page of a SUCCEEDED run. */
  evaluations: LazyEvaluations;
}

/** Loading what the page shows: the runs list, one run's page, the specs and models; `tick` is one poll of the current view. */
export function createPageLoader({ client, store, now: clock, replaceRun, evaluations }: PageLoaderDeps) {
  const set = (change: Partial<AppState> | ((state: AppState) => Partial<AppState>)) =>
    store.update(typeof change === 'function' ? change : () => change);
  const setDetail = (runId: string, change: Partial<DetailState>) =>
    set((s) => (s.detail?.runId === runId ? { detail: { ...s.detail, ...change } } : {}));
  const withChanges = (s: AppState, changes: string | undefined, now: number) =>
    changes === undefined ? s.announcement : now - s.actionAnnouncedAt < ACTION_NOTICE_MS ? `${s.announcement} ${changes}` : changes;

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
      const now = clock();
      set((s) => ({
        runs,
        requested,
        listError: undefined,
        loading: false,
        updatedAt: now,
        now,
        announcement: withChanges(s, changes, now),
      }));
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

  /**
   * The full id a short one in the URL stands for, from the runs list: the run whose id is it, or the only one whose id
   * starts with it. Several matches are put on the page to choose from; none is left to the server to answer.
   */
  async function resolveShortId(runId: string): Promise<string | undefined> {
    const prefix = runId.toLowerCase();
    const ids = (await client.runs.list()).map((run) => run.id);
    if (ids.includes(runId)) return runId;
    const matches = ids.filter((id) => id.toLowerCase().startsWith(prefix));
    if (matches.length > 1) {
      setDetail(runId, { matches, error: undefined });
      return undefined;
    }
    return matches[0] ?? runId;
  }

  async function refreshDetail(runId: string): Promise<PollNext> {
    if (!FULL_RUN_ID.test(runId) && store.get().detail?.run === undefined) {
      try {
        const full = await resolveShortId(runId);
        if (full === undefined) return 'idle';
        if (full !== runId) {
          replaceRun(full);
          return refreshDetail(full);
        }
      } catch (error) {
        setDetail(runId, { error });
        return error instanceof AuthenticationError ? 'idle' : 'retry';
      }
    }
    try {
      const run: RunDetail = await client.runs.retrieve(runId);
      const before = store.get().detail?.run;
      const now = clock();
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
      if (!isTerminalStatus(run.status)) return 'again';
      // Only a SUCCEEDED run can be evaluated: the part is loaded for its page only, and followed while one runs.
      return run.status === 'SUCCEEDED' ? await refreshEvaluations(runId) : 'idle';
    } catch (error) {
      setDetail(runId, { error });
      return error instanceof AuthenticationError || error instanceof NotFoundError ? 'idle' : 'retry';
    }
  }

  async function refreshEvaluations(runId: string): Promise<PollNext> {
    try {
      return await (await evaluations.load()).refresh(runId);
    } catch {
      // The part's chunk did not load (the server went away, or was updated): tried again on the next poll.
      return 'retry';
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

  return {
    /** One poll of whatever the current view shows. */
    tick(): Promise<PollNext> {
      const { route } = store.get();
      return route.name === 'detail' ? refreshDetail(route.runId) : refreshList();
    },
    loadFormData,
  };
}
