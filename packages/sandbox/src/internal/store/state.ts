/** What the store keeps: companies, specs, runs, evaluations and generated files. */
import type { DatasetType, SpecStatus } from '../rules';
import type { SampleKind } from './catalog';

/** A company and its API keys. */
export interface Tenant {
  id: string;
  name: string;
  email: string;
  keys: string[];
}

/** A spec as the store keeps it. */
export interface SpecState {
  id: string;
  companyId: string;
  name: string;
  description: string;
  status: SpecStatus;
  createdAt: number;
  updatedAt: number;
  datasetId: string | null;
  datasetName: string | null;
  datasetType: DatasetType;
  sampleKind: SampleKind;
  versions: Array<{ version: number; createdAt: number; contentYaml: string }>;
  /** A spec created through the API: how its generation ends (see `specGeneration.ts`). */
  generation?: SpecGeneration;
  /** A spec created through the API: the generation parameters its create body chose. */
  runtimeParams?: Record<string, unknown>;
}

/** How a spec created through the API is generated: PROCESSING until `readySim`, then SUCCEEDED with `contentYaml` or FAILED. */
interface SpecGeneration {
  readySim: number;
  fails: boolean;
  contentYaml: string;
}

/** One file of a seed dataset (its bytes are not kept). */
interface DatasetFileState {
  id: string;
  /** The file's path inside the dataset: its name, or `folder/name` in a MULTI_FOLDER dataset. */
  path: string;
  fileType: string;
  sizeBytes: number;
}

/** A seed dataset as the store keeps it. */
export interface DatasetState {
  id: string;
  companyId: string;
  name: string;
  description: string | null;
  type: DatasetType;
  createdAt: number;
  createdBy: string;
  files: DatasetFileState[];
  folderCount: number;
  /** What a spec made from it describes: a SINGLE_FILE dataset's columns (CSV header, JSON keys), else its file names. */
  properties: string[];
}

/** What the lifecycle needs to know about a run; times ending in `Sim` are simulated epoch ms. */
export interface LifecycleRun {
  samples: number;
  createdSim: number;
  canceledSim: number | null;
  fails: boolean;
  /** For a failing run: the fraction of its samples processed when it fails. */
  failFraction: number;
  sampleFailRate: number;
  costPerSample: number;
  pendingMs: number;
  samplesPerSecond: number;
}

/** A run as the store keeps it; its status and progress are computed from the clock. */
export interface RunState extends LifecycleRun {
  id: string;
  companyId: string;
  spec: SpecState;
  specVersion: number;
  params: Record<string, unknown>;
  /** Wall-clock epoch ms, as `created_at` shows it. */
  createdAt: number;
  createdBy: string;
  canceledAt: number | null;
  deletedAt: number | null;
  zipRequestedSim: number | null;
  idempotencyKey: string | null;
  requestId: string | null;
  seeded: boolean;
  evaluations: EvaluationState[];
}

/** An evaluation of a run; its status is computed from the clock (see `evaluationProgress`). */
export interface EvaluationState {
  id: string;
  runId: string;
  companyId: string;
  /** The email of the company whose key created it. */
  createdBy: string;
  model: string;
  /** Wall-clock epoch ms, as `created_at` shows it. */
  createdAt: number;
  createdSim: number;
  /** Whether it ends FAILED instead of SUCCEEDED (decided at creation). */
  fails: boolean;
  /** The id `trace.task_id` shows. */
  taskId: string;
}

/** A generated file with its bytes. */
export interface GeneratedFileData {
  id: string;
  path: string;
  fileType: string;
  data: Buffer;
}
