import type { Hooks } from 'ky';
import type { Runtime } from './types';
import type { SchemaMode } from './schemas/SchemaMode';

/** Receives debug lines; every line is already redacted. */
export interface Logger {
  debug(message: string): void;
}

/** ky hooks a client accepts: they run before the SDK adds the key, and nothing they receive holds it. What they throw is a CallbackError. */
export type ClientHooks = Pick<Hooks, 'beforeRequest' | 'afterResponse'>;

/** How a transport reaches the API. Runtime entries (`@df/node`, `@df/browser`) fill in `runtime` and `getToken`. */
export interface TransportOptions {
  /** Server root, e.g. `https://df-api.dataframer.ai` (the form ending in `/api/dataframer` is accepted too). */
  baseUrl: string;
  runtime: Runtime;
  /** Returns the bearer token for each attempt; undefined sends no Authorization header. */
  getToken?: () => string | undefined | Promise<string | undefined>;
  /** Where the token came from, for 401 and 403 messages (`DATAFRAMER_API_KEY`, `the apiKey option`). */
  tokenSource?: () => string;
  /** When set, a call without a token fails with this message instead of being sent. */
  missingTokenMessage?: string;
  /** Deadline per call, every retry included (default 60 000 ms). */
  timeoutMs?: number;
  /** Retries after the first attempt (default 2, at most 20). */
  maxRetries?: number;
  /** The largest JSON answer read, in bytes (default 256 MiB); a larger one fails with a ResponseValidationError instead of filling memory. */
  maxResponseBytes?: number;
  /** How responses are checked: `lenientSchemas` (default) or `strictSchemas` (contract tests). */
  schemas?: SchemaMode;
  logger?: Logger;
  /** Extra headers for every request (the Node entry sets User-Agent). */
  headers?: Record<string, string>;
  /** Passed to fetch (browsers: `include` for cookie-authenticated proxies). */
  credentials?: 'omit' | 'same-origin' | 'include';
  /** Your own ky hooks (tracing headers, metrics); they run before the SDK adds the key. */
  hooks?: ClientHooks;
}
