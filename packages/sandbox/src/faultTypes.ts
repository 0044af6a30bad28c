import type { FAULT_KINDS } from './internal/rules';

/** The kinds of fault the sandbox can inject. */
export type FaultKind = (typeof FAULT_KINDS)[number];

/** One fault rule: which requests it matches, what it does, and how often. */
export interface FaultRule {
  /** HTTP method to match, or `*` (default) for any. `refuse` acts before a request is read, so it takes `*` only. */
  method?: string;
  /** Path pattern relative to `/api/dataframer` (e.g. `/runs/`, `/runs/{id}/cancel/`; a segment `*`, `:name` or `{name}` matches any one segment); `*` (default) matches every API path. `refuse` takes `*` only. */
  path?: string;
  /** What to inject. */
  kind: FaultKind;
  /** `latency`: milliseconds to wait before handling the request (default 500). `refuse`: how long connections are refused (default 500). */
  ms?: number;
  /** `server-error`: 500, 502 or 503 (default 500). */
  status?: number;
  /** `rate-limit` (default 1) and `server-error` (default none): value of the `Retry-After` header in seconds. */
  retryAfter?: number;
  /** `unknown-status`: the status value put into run objects (default `QUEUED_FOR_GPU`). */
  value?: string;
  /** `extra-field`: the name of the unknown field added to response objects (default `x_sandbox_extra`). */
  field?: string;
  /** Inject on each matching request with this probability (seeded), 0..1. Not for `refuse`. */
  probability?: number;
  /** Inject only on these matching requests, counted from 1 (e.g. `[1, 3]`). Not for `refuse`. */
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
  /** Installs a rule (object or spec string, see `parseFaultSpec`) and returns its id. A `refuse` rule starts refusing connections at once. */
  add(rule: FaultRule | string): string;
  /** Removes one rule (ending its refusal, for `refuse`); answers whether it existed. */
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
