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
  /** A multipart/form-data body instead of JSON; each attempt reads the files afresh. */
  form?: MultipartForm;
  /**
   * `safe`: may be repeated on any transient failure (reads, cancel, delete).
   * `create`: repeated only when the failure proves the server did not act, and always under one Idempotency-Key.
   * `none`: never repeated (a write the caller did not declare idempotent).
   */
  retry: 'safe' | 'create' | 'none';
}

/** A file to upload: a Blob or File, or a Blob with the name to send it under (`@df/node` also takes a path). */
export type UploadFile = Blob | { name: string; data: Blob };

/** One part of a multipart/form-data body: a text field, or a file sent under its file name. */
export type FormPart = { name: string; value: string } | { name: string; filename: string; data: Blob };

/** How one attempt sends an upload: its own Request with a fresh body, and a note when the answer came. */
export interface UploadAttempt {
  request: Request;
  /** Called when the attempt was answered: without a streamed body, the last progress report is made here. */
  answered(): void;
}

/** A multipart body ready to send: the whole of it as one lazily read Blob, and a fresh copy for each attempt. */
export interface Upload {
  readonly body: Blob;
  attempt(request: Request): UploadAttempt;
}

/**
 * A multipart/form-data body: its parts (what builders are tested by), and how the transport opens it for one call.
 * The encoding comes with the form, so code that sends no forms carries none of it.
 */
export interface MultipartForm {
  readonly parts: readonly FormPart[];
  /** `boundary` separates the parts; `streams` and `onProgress` say whether and to whom progress is counted as bytes leave. */
  open(boundary: string, streams: boolean, onProgress?: (progress: UploadProgress) => void): Upload;
}

/** What `Operation.recover` gets when a create's answer was lost. */
export interface LostAnswer {
  /** The error the call ends with when nothing is found (an OutcomeUnknownError). */
  error: DataframerError;
  /** When the call started, on the runtime's clock (`Runtime.now`). */
  startedAt: number;
  /** The call's deadline: every look-up runs within it. */
  signal: AbortSignal;
  /** Milliseconds left before the deadline. */
  timeoutMs: number;
  /** Says what was found instead of the lost answer: to the client's logger and the call's `onRecovered`. */
  report(message: string): void;
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
  /**
   * For writes that are not safe to repeat (creates, the key rotation): the error to throw when an attempt may have
   * acted but its answer was lost; `idempotencyKey` is the one every attempt carried, if the operation sends one. It
   * lives here, not in the transport, so bundles without such writes leave it out.
   */
  ambiguous?(cause: DataframerError, idempotencyKey: string | undefined, attempts: number, request: string): DataframerError;
  /** Advice of the operation's own for an error answer's status (the key rotation's rate limit), added to the error's message. */
  failureHint?(status: number): string | undefined;
  /**
   * For the key rotation: the key its answer hands out. From then on the transport sends it in place of the client's
   * own and masks it wherever it masks keys; the call's value is the one place it is handed back.
   */
  nextKey?(value: R): string;
  /**
   * For creates of uniquely named things: after a lost answer, finds what the create made and returns it, or throws
   * `lost.error`. The transport calls it within the call's deadline and knows nothing of what it looks up.
   */
  recover?(transport: Transport, params: P, lost: LostAnswer): Promise<R>;
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

/** How far an upload has got: bytes handed to the network so far, of the whole body. */
export interface UploadProgress {
  sentBytes: number;
  totalBytes: number;
}

/** Options of a call that uploads files and creates something with a unique name. */
export interface UploadCallOptions extends CreateCallOptions {
  /**
   * Called as the body leaves (about every 1 %), and once more with `sentBytes === totalBytes` when all of it was
   * sent. A repeated attempt counts again from 0. Where the runtime cannot stream a request body (browsers), only
   * the first and the last call are made.
   */
  onUploadProgress?: (progress: UploadProgress) => void;
  /** Called when the answer was lost and the created item was found by its name instead; the message says which. */
  onRecovered?: (message: string) => void;
}

/** What sends operations: the transport made by `createTransport`. */
export interface Transport {
  send<P, R>(operation: Operation<P, R>, params: P, options?: UploadCallOptions): Promise<R>;
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
   * An upload also passes `window: null`, so fetch keeps no copy of the body to follow a redirect with.
   */
  fetch: (request: Request, init?: { signal?: AbortSignal; window?: null }) => Promise<Response>;
  setTimeout: (callback: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
  now: () => number;
  random: () => number;
  randomUUID: () => string;
  /** Opens a file path lazily, without reading it (`@df/node`); where absent, a path given as a file is refused. */
  openFile?: (path: string) => Promise<{ name: string; data: Blob }>;
  /** Whether `fetch` sends a streamed request body with its Content-Length (`@df/node`), so upload progress is counted as bytes leave. */
  streamsRequestBodies?: boolean;
}
