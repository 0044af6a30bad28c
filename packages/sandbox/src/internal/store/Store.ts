import type { SandboxTenant } from '../../types';
import type { RunStatus } from '../rules';
import type { Downloads } from './createDownloads';
import type { Timeline } from './createTimeline';
import type { Datasets } from './datasets';
import type { RunProgress } from './lifecycle';
import type { EvaluationResult } from './scoreEvaluation';
import type { NewSpec } from './specGeneration';
import type { DatasetState, EvaluationState, GeneratedFileData, RunState, SpecState, Tenant } from './state';

/** Timing knobs and inputs of the simulation. */
export interface StoreOptions {
  seed: number;
  now: () => number;
  timeline: Timeline;
  samplesPerSecond: number;
  pendingMs: number;
  zipBuildMs: number;
  failureRate: number;
  /** No seed was asked for: ids are new on every start (everything else is drawn from `seed` all the same). */
  freshIds: boolean;
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
  /** Creates a spec that is PROCESSING now and ends SUCCEEDED or FAILED on the timeline (`specGeneration.ts`). */
  createSpec(tenant: Tenant, spec: NewSpec): SpecState;
  /** Adds a version with this YAML to a spec. */
  replaceSpec(spec: SpecState, contentYaml: string): SpecState;
  /** The seed datasets of every company. */
  datasets: Datasets;
  /** Adds a dataset of a company, with a new id. */
  createDataset(tenant: Tenant, fields: Omit<DatasetState, 'id' | 'companyId' | 'createdAt' | 'createdBy'>): DatasetState;
  /** A new id for a part of a dataset (a file). */
  newId(): string;
  /** Every run, deleted ones included, in creation order. */
  allRuns(): RunState[];
  /** Live runs of one company, newest first. */
  runsOf(companyId: string): RunState[];
  run(companyId: string, id: string): RunState | undefined;
  createRun(tenant: Tenant, spec: SpecState, specVersion: number, params: Record<string, unknown>): RunState;
  /** A run placed in time so that it shows `status` now (`progress` of the way through, for PROCESSING and CANCELED). */
  seedRun(tenant: Tenant, spec: SpecState, options: { status: RunStatus; samples: number; progress?: number | undefined }): RunState;
  /** The run's status and counts now. */
  progress(run: RunState): RunProgress;
  /** When the run finished, in wall-clock epoch ms, or null. */
  completedAt(run: RunState, progress: RunProgress): number | null;
  cancel(run: RunState): void;
  remove(run: RunState): void;
  /** Starts an evaluation of a run; it ends FAILED with probability `failureRate` (a seeded draw). */
  createEvaluation(run: RunState, model: string, failureRate: number): EvaluationState;
  /** An evaluation of one of a company's live runs. */
  evaluation(companyId: string, id: string): EvaluationState | undefined;
  /** What an evaluation finds in its run's samples (the same every time), and how many samples the run completed. */
  evaluationResult(evaluation: EvaluationState): { result: EvaluationResult; totalSamples: number };
  /** Replaces one API key of a company with a new one: the old key stops working at once. */
  replaceKey(oldKey: string, newKey: string): Tenant | undefined;
  /** One sample by finish-time position, with its finish time in epoch seconds. */
  sampleAt(run: RunState, position: number): { sample: Record<string, unknown>; finishTime: number };
  /** The generated files of a SUCCEEDED run. */
  files(run: RunState): GeneratedFileData[];
  downloads: Downloads;
  /** Starts over from the seeded data of `seed` (with ids that are the seed's own), or of the current seed and ids as at the start. */
  reset(seed?: number): void;
}
