import type { Run, RunDetail, SpecListItem } from '@df/browser';
import { initialState, type AppState } from '../../src/state';
import type { ViewActions } from '../../src/views/ViewActions';

/** A run as the list answers it, with everything but `id` and `status` filled in. */
export function run(overrides: Partial<Run> = {}): Run {
  return {
    id: '0d918362-1111-4222-8333-444455556666',
    status: 'PROCESSING',
    spec_id: '7039b78b-0247-4c1e-86a8-1e7ff11aeaad',
    spec_name: 'Support tickets',
    spec_version: 3,
    dataset_id: 'aaaaaaaa-0247-4c1e-86a8-1e7ff11aeaad',
    dataset_name: 'tickets.csv',
    dataset_type: 'SINGLE_FILE',
    samples_completed: 1200,
    samples_failed: 12,
    total_cost: 4.8,
    created_at: '2026-01-01T10:00:00Z',
    created_by_email: 'demo@acme.example',
    completed_at: null,
    ...overrides,
  };
}

/** A run whose every optional field is null, as a lenient server may send it. */
export function nullRun(overrides: Partial<Run> = {}): RunDetail {
  const nulls = Object.fromEntries(
    [
      'spec_id',
      'spec_name',
      'spec_version',
      'dataset_id',
      'dataset_name',
      'dataset_type',
      'samples_completed',
      'samples_failed',
      'total_cost',
      'created_at',
      'created_by_email',
      'completed_at',
      'runtime_params',
      'generated_files',
    ].map((k) => [k, null]),
  );
  return { id: 'feedbeef-1111-4222-8333-444455556666', status: 'PROCESSING', ...nulls, ...overrides } as unknown as RunDetail;
}

/** Specs in each state the list may report. */
export const specs: SpecListItem[] = [
  { id: 's-ready', name: 'Ready spec', status: 'SUCCEEDED', latest_version: 2 },
  { id: 's-old', name: 'Older server spec', status: 'READY' },
  { id: 's-building', name: 'Building spec', status: 'PROCESSING' },
  { id: 's-failed', name: 'Broken spec', status: 'FAILED' },
];

/** A state on the list route, with these changes. */
export function state(overrides: Partial<AppState> = {}): AppState {
  return { ...initialState({ name: 'list' }, '', Date.parse('2026-01-01T10:05:00Z')), ...overrides };
}

/** View actions that record every call. */
export function recordingActions() {
  const calls: Array<[string, ...unknown[]]> = [];
  const record =
    (name: string) =>
    (...args: unknown[]) => {
      calls.push([name, ...args]);
      return Promise.resolve();
    };
  const actions = {
    ask: record('ask'),
    dismiss: record('dismiss'),
    confirm: record('confirm'),
    prepareZip: record('prepareZip'),
    copyId: record('copyId'),
    chooseModel: record('chooseModel'),
    createRun: record('createRun'),
    setFilters: record('setFilters'),
    loadFormData: record('loadFormData'),
    toggleCreate: record('toggleCreate'),
    askEvaluate: record('askEvaluate'),
    evaluationsPart: () => undefined,
    retry: record('retry'),
  } as unknown as ViewActions;
  return { actions, calls };
}
