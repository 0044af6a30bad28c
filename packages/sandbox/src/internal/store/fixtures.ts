import { DEFAULT_MODEL, type GenerationModel, MAX_SAMPLES_PER_RUN, type RunStatus } from '../rules';
import type { SampleKind } from './catalog';
import type { SpecState } from './state';

/** A spec every company starts with. `{company}` in the name is replaced by the company's name. */
export interface SpecFixture {
  key: string;
  name: string;
  description: string;
  status: SpecState['status'];
  dataset: { name: string; type: SpecState['datasetType'] } | null;
  sampleKind: SampleKind;
  versions: number;
  ageDays: number;
}

/** A run every company starts with, placed in time so that it shows `shows` when the sandbox starts. */
export interface RunFixture {
  spec: string;
  samples: number;
  specVersion: number;
  model: GenerationModel;
  shows: RunStatus;
  /** SUCCEEDED, FAILED and CANCELED runs: created this many days before the start. */
  ageDays?: number;
  /** PROCESSING and CANCELED runs: the fraction of samples processed (when canceled, for CANCELED). */
  progress?: number;
  /** Overrides the per-run sample failure rate drawn from the seed. */
  sampleFailRate?: number;
}

/** The four specs of every company: seeded and seedless SUCCEEDED ones, one PROCESSING, one FAILED. */
export const SPEC_FIXTURES: readonly SpecFixture[] = [
  {
    key: 'tickets',
    name: '{company} support tickets',
    description: 'Customer support tickets with category and priority.',
    status: 'SUCCEEDED',
    dataset: { name: 'support-tickets.csv', type: 'SINGLE_FILE' },
    sampleKind: 'ticket',
    versions: 3,
    ageDays: 30,
  },
  {
    key: 'reviews',
    name: 'Product reviews (seedless)',
    description: 'Short product reviews with a 1-5 rating, generated from objectives only.',
    status: 'SUCCEEDED',
    dataset: null,
    sampleKind: 'review',
    versions: 1,
    ageDays: 20,
  },
  {
    key: 'notes',
    name: 'Clinical notes',
    description: 'De-identified clinical notes; spec generation still in progress.',
    status: 'PROCESSING',
    dataset: { name: 'clinical-notes/', type: 'MULTI_FOLDER' },
    sampleKind: 'note',
    versions: 0,
    ageDays: 0.01,
  },
  {
    key: 'clauses',
    name: 'Contract clauses',
    description: 'Spec generation failed: the seed files could not be parsed.',
    status: 'FAILED',
    dataset: { name: 'contracts.zip', type: 'MULTI_FILE' },
    sampleKind: 'clause',
    versions: 0,
    ageDays: 5,
  },
];

/** The six runs of every company, oldest first: two SUCCEEDED, one FAILED, one CANCELED, one PROCESSING (a run of the most samples a create allows, 30% done), one PENDING. */
export const RUN_FIXTURES: readonly RunFixture[] = [
  { spec: 'tickets', samples: 50, specVersion: 2, model: DEFAULT_MODEL, shows: 'SUCCEEDED', ageDays: 9 },
  { spec: 'reviews', samples: 400, specVersion: 1, model: 'anthropic/claude-haiku-4-5', shows: 'FAILED', ageDays: 6, sampleFailRate: 0.02 },
  { spec: 'tickets', samples: 1000, specVersion: 3, model: 'anthropic/claude-opus-4-6', shows: 'CANCELED', ageDays: 4, progress: 0.35 },
  { spec: 'reviews', samples: 200, specVersion: 1, model: 'gemini/gemini-3-pro-preview', shows: 'SUCCEEDED', ageDays: 2 },
  {
    spec: 'tickets',
    samples: MAX_SAMPLES_PER_RUN,
    specVersion: 3,
    model: DEFAULT_MODEL,
    shows: 'PROCESSING',
    progress: 0.3,
    sampleFailRate: 0.01,
  },
  { spec: 'reviews', samples: 100, specVersion: 1, model: DEFAULT_MODEL, shows: 'PENDING' },
];
