import type { SandboxTenant, SeedRunOptions } from '../../types';
import type { SampleKind } from './catalog';
import type { Downloads } from './createDownloads';
import type { RunProgress } from './lifecycle';
import type { Timeline } from './createTimeline';

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
  status: 'PROCESSING' | 'SUCCEEDED' | 'FAILED';
  createdAt: number;
  updatedAt: number;
  datasetId: string | null;
  datasetName: string | null;
  datasetType: 'SINGLE_FILE' | 'MULTI_FILE' | 'MULTI_FOLDER';
  sampleKind: SampleKind;
  versions: Array<{ version: number; createdAt: number; contentYaml: string }>;
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

/** An evaluation of a run (the legacy run-scoped evaluations routes). */
export interface EvaluationState {
  id: string;
  runId: string;
  model: string;
  createdAt: number;
  createdSim: number;
}

/** A generated file with its bytes. */
export interface GeneratedFileData {
  id: string;
  path: string;
  fileType: string;
  data: Buffer;
}

/** Timing knobs and inputs of the simulation. */
export interface StoreOptions {
  seed: number;
  now: () => number;
  timeline: Timeline;
  samplesPerSecond: number;
  pendingMs: number;
  zipBuildMs: number;
  failureRate: number;
  tenants: SandboxTenant[];
}

/** The in-memory state of a sandbox: tenants, specs, runs and their files. */
export interface Store {
  /** Wall-clock epoch ms. */
  now(): number;
  timeline: Timeline;
  /** The seed the current data was made from. */
  seed(): number;
  tenantForKey(key: string): Tenant | undefined;
  tenant(id: string): Tenant | undefined;
  specsOf(companyId: string): SpecState[];
  spec(companyId: string, id: string): SpecState | undefined;
  /** Every run, deleted ones included, in creation order. */
  allRuns(): RunState[];
  /** Live runs of one company, newest first. */
  runsOf(companyId: string): RunState[];
  run(companyId: string, id: string): RunState | undefined;
  createRun(tenant: Tenant, spec: SpecState, specVersion: number, params: Record<string, unknown>): RunState;
  /** A run placed in time so that it shows the requested status now. */
  seedRun(tenant: Tenant, spec: SpecState, options: SeedRunOptions): RunState;
  /** The run's status and counts now. */
  progress(run: RunState): RunProgress;
  /** When the run finished, in wall-clock epoch ms, or null. */
  completedAt(run: RunState, progress: RunProgress): number | null;
  cancel(run: RunState): void;
  remove(run: RunState): void;
  createEvaluation(run: RunState, model: string): EvaluationState;
  /** One sample by finish-time position, with its finish time in epoch seconds. */
  sampleAt(run: RunState, position: number): { sample: Record<string, unknown>; finishTime: number };
  /** The generated files of a SUCCEEDED run. */
  files(run: RunState): GeneratedFileData[];
  downloads: Downloads;
  /** Starts over from the seeded data of `seed`. */
  reset(seed: number): void;
}
