/** The kinds of fault the sandbox can inject. */
export type FaultKind =
  | 'latency'
  | 'rate-limit'
  | 'server-error'
  | 'reset'
  | 'drop-after-act'
  | 'malformed-json'
  | 'unknown-status'
  | 'extra-field';

/** One fault rule: which requests it matches, what it does, and how often. */
export interface FaultRule {
  /** HTTP method to match, or `*` (default) for any. */
  method?: string;
  /** Path pattern relative to `/api/dataframer` (e.g. `/runs/`, `/runs/{id}/cancel/`; a segment `*`, `:name` or `{name}` matches any one segment); `*` (default) matches every API path. */
  path?: string;
  /** What to inject. */
  kind: FaultKind;
  /** `latency`: milliseconds to wait before handling the request (default 500). */
  ms?: number;
  /** `server-error`: 500, 502 or 503 (default 500). */
  status?: number;
  /** `rate-limit` (default 1) and `server-error` (default none): value of the `Retry-After` header in seconds. */
  retryAfter?: number;
  /** `unknown-status`: the status value put into run objects (default `QUEUED_FOR_GPU`). */
  value?: string;
  /** `extra-field`: the name of the unknown field added to response objects (default `x_sandbox_extra`). */
  field?: string;
  /** Inject on each matching request with this probability (seeded), 0..1. */
  probability?: number;
  /** Inject only on these matching requests, counted from 1 (e.g. `[1, 3]`). */
  nth?: number[];
}

/** A fault rule as installed, with its id and how often it matched and fired. */
export interface InstalledFaultRule extends FaultRule {
  id: string;
  matched: number;
  injected: number;
}

/** Programmatic control of fault injection. */
export interface SandboxFaults {
  /** Installs a rule (object or spec string, see `parseFaultSpec`) and returns its id. */
  add(rule: FaultRule | string): string;
  /** Removes one rule; answers whether it existed. */
  remove(id: string): boolean;
  /** Removes every rule (counters are kept). */
  clear(): void;
  /** The installed rules. */
  list(): InstalledFaultRule[];
  /** How many faults of each kind were injected since start (or the last `resetCounts`). */
  counts(): Record<FaultKind, number>;
  /** Sets every counter back to zero. */
  resetCounts(): void;
}

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
  /** Seed of all generated data and of probabilistic faults (default 1). */
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
  /** Fraction of new runs that end FAILED, decided from the seed and the run id (default 0.1). */
  failureRate?: number;
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
  /** The run detail as `GET /runs/{id}/` would answer it now. */
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
  /** Stops listening and closes every connection, keep-alive ones included. */
  stop(): Promise<void>;
}
