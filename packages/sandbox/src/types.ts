import type { FaultKind, FaultRule, SandboxFaults } from './faultTypes';
import type {
  DatasetPathsMode,
  EvaluationSuccessStatus,
  IdempotencyMode,
  OptionalFieldsMode,
  RunStatus,
  SpecReadyStatus,
} from './internal/rules';

export type { FaultKind, FaultRule, InstalledFaultRule, SandboxFaults } from './faultTypes';
export type { DatasetPathsMode, EvaluationSuccessStatus, IdempotencyMode, OptionalFieldsMode, SpecReadyStatus } from './internal/rules';

/** An extra company and the API keys that act for it. */
export interface SandboxTenant {
  id: string;
  name?: string;
  email?: string;
  keys: string[];
}

/** Options of `startSandbox`. */
export interface SandboxOptions {
  /** Port to listen on; 0 (default) picks a free one. */
  port?: number;
  /** Host to bind; default `127.0.0.1`. */
  host?: string;
  /**
   * Seed of all generated data and of probabilistic faults. Without it, the data is that of seed 1 except the
   * ids (and the samples drawn from a run's id), which are new on every start.
   */
  seed?: number;
  /** Time scale: 1 (default) is real time, 1000 makes runs progress a thousand times faster. */
  speed?: number;
  /** Clock in epoch milliseconds (default `Date.now`). */
  now?: () => number;
  /** Fault rules installed at start (objects or spec strings). */
  faults?: Array<FaultRule | string>;
  /** Extra companies besides the two demo ones. */
  tenants?: SandboxTenant[];
  /** Samples per second a run produces at speed 1 (default 5). */
  samplesPerSecond?: number;
  /** How long a new run stays PENDING at speed 1, in ms (default 2000). */
  pendingMs?: number;
  /** How long building a run's ZIP takes at speed 1, in ms (default 2000). */
  zipBuildMs?: number;
  /** Fraction of new runs that end FAILED, 0 to 1, decided from the seed and the order of creation (default 0.1). */
  failureRate?: number;
  /** What a create's `Idempotency-Key` does: `honour` (default) replays the first answer to a repeat, `ignore` makes every create a new run, as a server without idempotency would. */
  idempotency?: IdempotencyMode;
  /** How a usable spec's status is spelled in the spec list and detail: `SUCCEEDED` (default, the newest docs) or `READY` (older docs, SDK 0.3.1). */
  specReadyStatus?: SpecReadyStatus;
  /** How fields the contract marks optional are served: `present` (default, with their values), `null`, or `absent` (left out). */
  optionalFields?: OptionalFieldsMode;
  /** The most samples one page of `GET /runs/{id}/samples/` holds, 1 to 1000 (default: as many as `limit` asks for), as a gateway that caps pages does. */
  maxPageSize?: number;
  /** Which seed-dataset path families are served: `both` (default), only the newest docs' `/seed-datasets/` (`newest`), or only the older `/datasets/` (`older`); the other family answers 404. */
  datasetPaths?: DatasetPathsMode;
  /** How a successful evaluation's status is spelled: `SUCCEEDED` (default, the status enum) or `COMPLETED` (the create page's note). */
  evaluationSuccessStatus?: EvaluationSuccessStatus;
  /** Fraction of new evaluations that end FAILED, 0 to 1, decided from the seed and the order of creation (default: `failureRate`). */
  evaluationFailureRate?: number;
}

/** The settings a running sandbox can change (`control.set()`, `PATCH /__sandbox/settings`). */
export interface SandboxSettings {
  /** Time scale of the simulation; changing it keeps every run's progress so far. */
  speed: number;
  specReadyStatus: SpecReadyStatus;
  optionalFields: OptionalFieldsMode;
  /** The page cap of the samples list, when one is set (`maxPageSize`); absent means pages as large as asked for. */
  maxPageSize?: number;
  /** Which seed-dataset path families are served. */
  datasetPaths: DatasetPathsMode;
  /** How a successful evaluation's status is spelled. */
  evaluationSuccessStatus: EvaluationSuccessStatus;
  /** Fraction of new evaluations that end FAILED (1 makes every one fail). */
  evaluationFailureRate: number;
}

/** The statuses `control.seedRun()` can place a run in. */
export type SeedRunStatus = RunStatus;

/** What `control.seedRun()` creates: a run that shows `status` now. */
export interface SeedRunOptions {
  status: SeedRunStatus;
  /** Company id or API key (default `acme`). */
  company?: string;
  /** Number of samples (default 100). */
  samples?: number;
  /** A spec of that company in SUCCEEDED status (default: its first one). */
  specId?: string;
  /** PROCESSING and CANCELED: the fraction of samples processed so far, 0..1 (default 0.5). */
  progress?: number;
}

/** Controls a running sandbox from a test: time, faults, settings and seeded data. */
export interface SandboxControl {
  faults: SandboxFaults;
  /** The current settings. */
  settings(): SandboxSettings;
  /** Changes some settings and returns them all. */
  set(settings: Partial<SandboxSettings>): SandboxSettings;
  /** Changes the time scale (same as `set({ speed })`). */
  setSpeed(speed: number): void;
  /** Moves simulated time forward by `ms` (at speed 1), so runs progress as if that time had passed. */
  advance(ms: number): void;
  /** Creates a run of a company that shows `status` now and returns its id. */
  seedRun(options: SeedRunOptions): string;
  /** Starts over from the seeded data (of `seed`, default the current one): created runs, idempotency keys and download links are forgotten; faults, settings and request records are kept. */
  reset(options?: { seed?: number }): void;
}

/** One HTTP request the sandbox received, and what it did with it. */
export interface SandboxRequestRecord {
  requestId: string;
  at: string;
  method: string;
  path: string;
  /** The company of the API key, or null when the key was missing or unknown. */
  company: string | null;
  idempotencyKey: string | null;
  /** The status the handler produced, or null when the request was reset before any handling. */
  status: number | null;
  /** Whether a response was written to the client. */
  delivered: boolean;
  /** The non-latency fault injected into this request, if any. */
  fault: FaultKind | null;
  latencyMs: number;
}

/** One run as the sandbox knows it, for comparing what happened with what a client saw. */
export interface SandboxRunRecord {
  id: string;
  company: string;
  /** The `Idempotency-Key` the creating request carried (null for seeded runs or creates without one). */
  idempotencyKey: string | null;
  /** The request id of the creating request (null for seeded runs). */
  requestId: string | null;
  seeded: boolean;
  deleted: boolean;
  /** The run detail as `GET /runs/{id}/` would answer it now, every field present. */
  run: Record<string, unknown>;
}

/** A running sandbox. */
export interface Sandbox {
  /** Base URL, e.g. `http://127.0.0.1:54321` (API paths start with `/api/dataframer/`). */
  url: string;
  port: number;
  /** The demo API keys. */
  keys: { acme: string; globex: string };
  faults: SandboxFaults;
  /** Every run, or those of one company (company id or API key), including deleted ones. */
  runs(companyOrKey?: string): SandboxRunRecord[];
  /** Every request received, oldest first. */
  requests(): SandboxRequestRecord[];
  /** Time, settings and seeded data. */
  control: SandboxControl;
  /** Stops listening and closes every connection, keep-alive ones included. */
  stop(): Promise<void>;
}
