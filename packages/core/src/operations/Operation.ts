import type { RawResponse } from '../internal/validateResponse';
import type { DataframerError } from '../errors/DataframerError';
import type { SchemaMode } from '../schemas/SchemaMode';

/** A plain description of one HTTP request; builders return it and do no I/O. */
export interface RequestDescription {
  method: 'GET' | 'POST' | 'DELETE';
  /** Absolute path under the server root, already encoded, ending with `/` as the contract spells it. */
  path: string;
  query?: Record<string, string>;
  body?: Record<string, unknown>;
  /**
   * `safe`: may be repeated on any transient failure (reads, cancel, delete).
   * `create`: repeated only when the failure proves the server did not act, and always under one Idempotency-Key.
   */
  retry: 'safe' | 'create';
}

/** One API operation: a pure request builder and a parser for its answer. */
export interface Operation<P, R> {
  /** Dotted name used in logs and messages (`runs.list`). */
  readonly name: string;
  build(params: P): RequestDescription;
  parse(response: RawResponse, mode: SchemaMode): R;
  /** For creates: the header that carries one idempotency key across every attempt. */
  idempotencyHeader?: string;
  /** Whether this failure, after an earlier attempt's answer was lost, means that attempt did the work (a delete's 404). */
  doneAfterLostAnswer?(error: DataframerError): boolean;
  /** For creates: the error to throw when an attempt may have acted but its answer was lost (it lives here, not in the transport, so bundles without creates leave it out). */
  ambiguous?(cause: DataframerError, idempotencyKey: string, attempts: number, request: string): DataframerError;
}

/** Options every call accepts. */
export interface CallOptions {
  /** Aborts the call, including any retry wait. */
  signal?: AbortSignal;
  /** Deadline for the whole call, every retry and wait included (default: the client's `timeoutMs`). */
  timeoutMs?: number;
  /** Retries after the first attempt (default: the client's `maxRetries`). */
  maxRetries?: number;
}

/** Options of a create call. */
export interface CreateCallOptions extends CallOptions {
  /** Sent as `Idempotency-Key` on every attempt; generated when absent. Reuse it to retry a create safely. */
  idempotencyKey?: string;
}

/** What sends operations: the transport made by `createTransport`. */
export interface Transport {
  send<P, R>(operation: Operation<P, R>, params: P, options?: CreateCallOptions): Promise<R>;
  /** Clock and timers the transport runs on; waits use the same ones. */
  readonly runtime: Runtime;
  /** The client's default deadline per call, in milliseconds. */
  readonly timeoutMs: number;
}

/** What the transport passes to fetch (a subset of `RequestInit`, spelled out so no DOM types are needed). */
export interface FetchInit {
  method: string;
  headers: Record<string, string>;
  body?: string;
  signal: AbortSignal;
  credentials?: 'omit' | 'same-origin' | 'include';
}

/** The part of a fetch `Response` the transport reads, so a runtime can answer without building one. */
export interface FetchResponse {
  readonly status: number;
  readonly ok: boolean;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
}

/** What differs per runtime, injected by `@df/node` and `@df/browser`. */
export interface Runtime {
  /** Called with an absolute URL string and plain-object headers; `globalThis.fetch` fits. */
  fetch: (url: string, init: FetchInit) => Promise<FetchResponse>;
  setTimeout: (callback: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
  now: () => number;
  random: () => number;
  randomUUID: () => string;
}
