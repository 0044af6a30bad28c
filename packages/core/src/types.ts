import type { DataframerError } from './errors/DataframerError';
import type { SchemaMode } from './schemas/SchemaMode';

// The shapes every layer shares: operations describe requests with them, the transport sends them, runtimes fill them in.

/** What an operation's parser gets from the transport. */
export interface RawResponse {
  status: number;
  /** Parsed JSON, or undefined for an empty body. */
  body: unknown;
  /** `METHOD /path/` for messages. */
  request: string;
  requestId?: string;
}

/** A plain description of one HTTP request; builders return it and do no I/O. */
export interface RequestDescription {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Absolute path under the server root, already encoded, ending with `/` as the contract spells it. */
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  /**
   * `safe`: may be repeated on any transient failure (reads, cancel, delete).
   * `create`: repeated only when the failure proves the server did not act, and always under one Idempotency-Key.
   * `none`: never repeated (a write the caller did not declare idempotent).
   */
  retry: 'safe' | 'create' | 'none';
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

/** What a successful answer carried besides its body: what support asks for. */
export interface ResponseInfo {
  /** HTTP status of the answer (200, 201, 202, 204). */
  status: number;
  /** The server's request id (`X-Request-Id`), redacted, when it sent one. */
  requestId: string | undefined;
  /** Every response header, names in lower case, values redacted. */
  headers: Record<string, string>;
  /** `METHOD /path/` of the request. */
  request: string;
  /** How many attempts the call took. */
  attempts: number;
}

/** Options every call accepts. */
export interface CallOptions {
  /** Aborts the call, including any retry wait. */
  signal?: AbortSignal;
  /** Deadline for the whole call, every retry and wait included (default: the client's `timeoutMs`). */
  timeoutMs?: number;
  /** Retries after the first attempt (default: the client's `maxRetries`). */
  maxRetries?: number;
  /** Called with the status, request id and headers of the successful answer, before the value is returned. */
  onResponse?: (info: ResponseInfo) => void;
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

/** What differs per runtime, injected by `@df/node` and `@df/browser`. */
export interface Runtime {
  /**
   * Sends one `Request` (built by ky with the runtime's own `Request` class); `globalThis.fetch` fits. `init.signal`,
   * when given, is the one to honour: it is the call's deadline, which a cloned Request's own signal may have lost.
   */
  fetch: (request: Request, init?: { signal?: AbortSignal }) => Promise<Response>;
  setTimeout: (callback: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
  now: () => number;
  random: () => number;
  randomUUID: () => string;
}
