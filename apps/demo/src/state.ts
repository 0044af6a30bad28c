import type { Run, RunDetail, SpecListItem } from '@df/browser';
import type { EvaluationsState } from './evaluations/evaluationsState';
import type { ModelOption } from './readModels';
import type { Route } from './route';

/** The ZIP of a run's files: being built, ready with its short-lived URL, or failed. */
export type Download =
  | { state: 'building' }
  | { state: 'ready'; url: string; size: number | undefined }
  | { state: 'error'; message: string };

/** What a confirmation says, when the part that asks words it itself. */
export interface ConfirmWords {
  title: string;
  text: string;
  /** The button that does nothing. */
  keep: string;
  /** The button that acts. */
  act: string;
}

/** A confirmation the page is asking for before it acts. */
type Confirmation = { action: 'cancel' | 'delete'; runId: string } | { action: 'evaluate'; runId: string; words: ConfirmWords };

/** One previewed sample: its position and its fields. */
export interface SamplePreview {
  index: number;
  fields: Record<string, unknown>;
}

/** The run whose page is open. */
export interface DetailState {
  /** The id in the URL: a full id, or the short one the dashboard shows until it is resolved. */
  runId: string;
  run: RunDetail | undefined;
  error: unknown;
  /** A short id that more than one run's id starts with: those runs' ids. */
  matches: string[] | undefined;
  samples: SamplePreview[] | undefined;
  samplesError: string | undefined;
  /** The run's evaluations, once its page loaded them (a SUCCEEDED run's only). */
  evaluations: EvaluationsState | undefined;
}

/** The create form's progress and its field messages (each field keeps a line for its message, so none shifts the form). */
interface CreateState {
  phase: 'idle' | 'starting' | 'started' | 'failed';
  message: string;
  runId: string | undefined;
  errors: Partial<Record<string, string>>;
  /** The chosen generation model, so the Databricks fields show when one needs them. */
  model: string;
}

/** Everything the page shows; views are functions of it. */
export interface AppState {
  route: Route;
  /** The URL query (`?status=…&spec=…`), read for the list filters. */
  search: string;
  runs: Run[] | undefined;
  listError: unknown;
  loading: boolean;
  updatedAt: number | undefined;
  hidden: boolean;
  now: number;
  /** Samples asked for, per run, read once from each run's detail; null when the server does not say. */
  requested: ReadonlyMap<string, number | null>;
  specs: SpecListItem[] | undefined;
  specsError: unknown;
  models: ModelOption[] | undefined;
  modelsError: unknown;
  detail: DetailState | undefined;
  downloads: ReadonlyMap<string, Download>;
  /** Runs with a cancel or delete on the way. */
  pending: ReadonlyMap<string, 'cancel' | 'delete'>;
  confirm: Confirmation | undefined;
  create: CreateState;
  /** Whether the create form is open on a narrow screen (on wide ones it always is); remembered across visits. */
  createOpen: boolean;
  /** The id last copied, for the button's "Copied" state. */
  copied: string | undefined;
  /** The last sentence for the polite live region. */
  announcement: string;
  /** When an action's result was last announced; status changes right after it are added to it, not put in its place. */
  actionAnnouncedAt: number;
}

/** The state before anything is loaded. */
export function initialState(route: Route, search: string, now: number, hidden = false, createOpen = false): AppState {
  return {
    route,
    search,
    runs: undefined,
    listError: undefined,
    loading: false,
    updatedAt: undefined,
    hidden,
    now,
    requested: new Map(),
    specs: undefined,
    specsError: undefined,
    models: undefined,
    modelsError: undefined,
    detail: route.name === 'detail' ? emptyDetail(route.runId) : undefined,
    downloads: new Map(),
    pending: new Map(),
    confirm: undefined,
    create: { phase: 'idle', message: '', runId: undefined, errors: {}, model: '' },
    createOpen,
    copied: undefined,
    announcement: '',
    actionAnnouncedAt: 0,
  };
}

/** The run page before anything about the run is known. */
export function emptyDetail(runId: string): DetailState {
  return {
    runId,
    run: undefined,
    error: undefined,
    matches: undefined,
    samples: undefined,
    samplesError: undefined,
    evaluations: undefined,
  };
}
