import { createApiError, formatMs } from './errors/createApiError';
import {
  AbortError,
  ConfigurationError,
  ConnectionError,
  ResponseValidationError,
  TimeoutError,
} from './errors/errors';
import { DataframerError } from './errors/DataframerError';
import { createDeadline, sleep, type Deadline } from './internal/deadline';
import { redact } from './redact';
import { RETRYABLE_STATUSES, NOT_SENT_CODES, backoffMs, findErrorCode, parseRetryAfter } from './internal/retryPolicy';
import { lenientSchemas, type SchemaMode } from './schemas/SchemaMode';
import type { CreateCallOptions, FetchInit, FetchResponse, Operation, RequestDescription, Runtime, Transport } from './operations/Operation';

/** Receives debug lines; every line is already redacted. */
export interface Logger {
  debug(message: string): void;
}

/** How a transport reaches the API. Runtime entries (`@df/node`, `@df/browser`) fill in `runtime` and `getToken`. */
export interface TransportOptions {
  /** Server root, e.g. `https://df-api.dataframer.ai`; paths start with `/api/dataframer/`. */
  baseUrl: string;
  runtime: Runtime;
  /** Returns the bearer token for each call; undefined sends no Authorization header. */
  getToken?: () => string | undefined | Promise<string | undefined>;
  /** When set, a call without a token fails with this message instead of being sent. */
  missingTokenMessage?: string;
  /** Deadline per call, every retry included (default 60 000 ms). */
  timeoutMs?: number;
  /** Retries after the first attempt (default 2). */
  maxRetries?: number;
  /** How responses are checked: `lenientSchemas` (default) or `strictSchemas` (contract tests). */
  schemas?: SchemaMode;
  logger?: Logger;
  /** Extra headers for every request (the Node entry sets User-Agent). */
  headers?: Record<string, string>;
  /** Passed to fetch (browsers: `include` for cookie-authenticated proxies). */
  credentials?: 'omit' | 'same-origin' | 'include';
}

/** Default deadline of one call, retries included. */
export const DEFAULT_TIMEOUT_MS = 60_000;
/** Default number of retries after the first attempt. */
export const DEFAULT_MAX_RETRIES = 2;

type AttemptFailure = {
      ok: false;
      error: DataframerError;
      /** Worth repeating for a safe request. */
      retryable: boolean;
      /** Proven not to have reached the server (or refused by it without acting): a create may repeat. */
      safeForCreate: boolean;
      /** The server may have acted on this attempt. */
      mayHaveActed: boolean;
      retryAfterMs?: number;
    };

type AttemptResult<R> = { ok: true; value: R } | AttemptFailure;

/** Whether a host name is this machine, where plain http cannot be overheard. */
export function isLoopbackHost(hostname: string): boolean {
  return /^(localhost|.+\.localhost|127(\.\d{1,3}){3}|\[::1\]|::1)$/i.test(hostname);
}

/** Parses and checks a base URL (http or https, no query); throws a ConfigurationError otherwise. */
export function normalizeBaseUrl(baseUrl: string): string {
  let url: URL | undefined;
  try {
    url = new URL(baseUrl);
  } catch {
    // reported below
  }
  if (!url || !/^https?:$/.test(url.protocol) || url.username || url.password || url.search || url.hash) {
    throw new ConfigurationError(
      // The value itself is not echoed: a key pasted in the wrong place must not end up in a log.
      `Invalid base URL${url ? ` (${url.protocol}//${url.host})` : ''}: expected an absolute http(s) URL without credentials, query or fragment, like https://df-api.dataframer.ai`,
    );
  }
  return url.href.replace(/\/+$/, '');
}

/** Creates the one transport every runtime uses: auth, retries with backoff, one deadline, typed errors, redacted logs. */
export function createTransport(options: TransportOptions): Transport {
  const base = normalizeBaseUrl(options.baseUrl);
  const rt = options.runtime;
  const timeoutMsDefault = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxRetriesDefault = options.maxRetries ?? DEFAULT_MAX_RETRIES;
  const mode = options.schemas ?? lenientSchemas;
  const logger = options.logger;

  async function send<P, R>(operation: Operation<P, R>, params: P, callOptions: CreateCallOptions = {}): Promise<R> {
    const request = operation.build(params);
    const label = `${request.method} ${request.path}`;
    if (callOptions.signal?.aborted) {
      throw new AbortError(`${operation.name} was aborted before it was sent`, { request: label, cause: callOptions.signal.reason });
    }
    const token = (await options.getToken?.()) || undefined;
    if (token === undefined && options.missingTokenMessage) {
      throw new ConfigurationError(options.missingTokenMessage, { request: label });
    }
    // fetch rejects such a header with a TypeError that quotes the whole value, key included, so it is refused here.
    if (token !== undefined && /[^\x20-\x7e]/.test(token.trim())) {
      throw new ConfigurationError(
        'The API key has a character an HTTP header cannot carry (a line break, control or non-ASCII character); check where it is set',
        { request: label },
      );
    }
    const url = new URL(base + request.path);
    for (const [key, value] of Object.entries(request.query ?? {})) url.searchParams.set(key, value);
    if (token !== undefined && url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
      throw new ConfigurationError(
        `Refusing to send the API key over plain http to ${url.host}: use https (plain http only to localhost, 127.0.0.1 or [::1])`,
        { request: label },
      );
    }
    const secrets = token === undefined ? [] : [token];
    // Without a logger, `log?.(…)` skips building the line at all: no work on the hot path.
    const log = logger && ((line: string) => logger.debug(redact(line, secrets)));
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
    if (token !== undefined) headers['authorization'] = `Bearer ${token}`;
    const keyHeader = operation.idempotencyHeader;
    const idempotencyKey = keyHeader ? (callOptions.idempotencyKey ?? rt.randomUUID()) : undefined;
    if (keyHeader) headers[keyHeader] = idempotencyKey!;

    const timeoutMs = callOptions.timeoutMs ?? timeoutMsDefault;
    const maxRetries = callOptions.maxRetries ?? maxRetriesDefault;
    const deadline = createDeadline(rt, timeoutMs, callOptions.signal);
    let mayHaveActed = false;
    let lastError: DataframerError | undefined;
    try {
      for (let attempt = 1; ; attempt++) {
        log?.(`→ ${request.method} ${url.href} (${operation.name}, attempt ${attempt}/${maxRetries + 1}${keyHeader ? `, ${keyHeader} ${idempotencyKey}` : ''})`);
        const started = rt.now();
        const result = await attemptOnce(request, url, headers, operation, deadline, label, secrets, attempt);
        log?.(`← ${label} in ${formatMs(rt.now() - started)}: ${result.ok ? 'ok' : result.error.message}`);
        if (result.ok) return result.value;
        lastError = result.error;
        if (mayHaveActed && operation.doneAfterLostAnswer?.(result.error)) {
          return operation.parse({ status: 204, body: undefined, request: label }, mode);
        }
        mayHaveActed ||= result.mayHaveActed;
        const isCreate = request.retry === 'create';
        const canRetry = isCreate ? result.safeForCreate : result.retryable;
        if (!canRetry || attempt > maxRetries) {
          throw isCreate && mayHaveActed ? ambiguous(operation, label, result.error, idempotencyKey!, attempt) : result.error;
        }
        const delay = result.retryAfterMs ?? backoffMs(attempt, rt.random);
        if (delay >= deadline.remaining()) {
          log?.(`${label}: no retry, it would start after the deadline`);
          throw isCreate && mayHaveActed ? ambiguous(operation, label, result.error, idempotencyKey!, attempt) : result.error;
        }
        log?.(`${label}: retrying in ${formatMs(delay)}`);
        try {
          await sleep(rt, delay, deadline.signal);
        } catch {
          throw interrupted(operation, label, deadline, attempt, lastError, request, idempotencyKey, mayHaveActed);
        }
      }
    } finally {
      deadline.dispose();
    }
  }

  async function attemptOnce<P, R>(
    request: RequestDescription,
    url: URL,
    headers: Record<string, string>,
    operation: Operation<P, R>,
    deadline: Deadline,
    label: string,
    secrets: string[],
    attempt: number,
  ): Promise<AttemptResult<R>> {
    let response: FetchResponse;
    try {
      const init: FetchInit = { method: request.method, headers, signal: deadline.signal };
      if (request.body !== undefined) {
        init.body = JSON.stringify(request.body);
        init.headers = { ...headers, 'content-type': 'application/json' };
      }
      if (options.credentials !== undefined) init.credentials = options.credentials;
      response = await rt.fetch(url.href, init);
    } catch (error) {
      if (deadline.state !== 'running') {
        throw interrupted(operation, label, deadline, attempt, undefined, request, operation.idempotencyHeader && headers[operation.idempotencyHeader], true);
      }
      return connectionFailure(error, label, attempt, secrets);
    }
    let text: string;
    try {
      text = redact(await response.text(), secrets);
    } catch (error) {
      if (deadline.state !== 'running') {
        throw interrupted(operation, label, deadline, attempt, undefined, request, operation.idempotencyHeader && headers[operation.idempotencyHeader], true);
      }
      const failure = connectionFailure(error, label, attempt, secrets);
      return { ...failure, safeForCreate: false, mayHaveActed: true };
    }
    // A server may echo anything here, the key included.
    const rawRequestId = response.headers.get('x-request-id');
    const requestId = rawRequestId === null ? undefined : redact(rawRequestId, secrets);
    if (response.ok) {
      try {
        let body: unknown;
        try {
          body = text === '' ? undefined : JSON.parse(text);
        } catch {
          throw new ResponseValidationError(
            `The response to ${label} is not valid JSON (${response.status}, ${text.length} bytes)`,
            { issues: [{ path: '', message: 'invalid JSON' }], status: response.status, request: label, ...(requestId !== undefined && { requestId }) },
          );
        }
        return { ok: true, value: operation.parse({ status: response.status, body, request: label, ...(requestId !== undefined && { requestId }) }, mode) };
      } catch (error) {
        if (!(error instanceof DataframerError)) throw error;
        // The server accepted the request; for a create the run exists but its id could not be read.
        return { ok: false, error, retryable: false, safeForCreate: false, mayHaveActed: true };
      }
    }
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), rt.now());
    const error = createApiError({
      status: response.status,
      text,
      request: label,
      attempts: attempt,
      ...(requestId !== undefined && { requestId }),
      ...(retryAfterMs !== undefined && { retryAfterMs }),
    });
    const status = response.status;
    // 429, and 503 with Retry-After, mean the server turned the request away without acting on it.
    const refused = status === 429 || (status === 503 && retryAfterMs !== undefined);
    return {
      ok: false,
      error,
      retryable: RETRYABLE_STATUSES.has(status),
      safeForCreate: refused,
      mayHaveActed: status >= 500 && !refused,
      ...(retryAfterMs !== undefined && { retryAfterMs }),
    };
  }

  function connectionFailure(error: unknown, label: string, attempt: number, secrets: string[]): AttemptFailure {
    const code = findErrorCode(error);
    const notSent = code !== undefined && NOT_SENT_CODES.has(code);
    const reason = redact(describeCause(error), secrets);
    const hint = notSent
      ? `check the base URL (${base}) and that the server is reachable`
      : 'the connection broke before a full answer; check the network, proxy and CORS';
    return {
      ok: false,
      error: new ConnectionError(`Could not reach Dataframer for ${label}: ${reason}; ${hint}`, {
        cause: error,
        attempts: attempt,
        request: label,
        ...(code !== undefined && { causeCode: code }),
      }),
      retryable: true,
      safeForCreate: notSent,
      mayHaveActed: !notSent,
    };
  }

  return { send, runtime: rt, timeoutMs: timeoutMsDefault };
}

function describeCause(error: unknown): string {
  // undici: TypeError('fetch failed') whose cause is the system error ("connect ECONNREFUSED …").
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return error instanceof Error ? error.message + cause : String(error);
}

/** The error for a create that may have acted: the operation's own (OutcomeUnknownError for runs), or the failure itself. */
function ambiguous<P, R>(operation: Operation<P, R>, label: string, cause: DataframerError, key: string, attempts: number): DataframerError {
  return operation.ambiguous ? operation.ambiguous(cause, key, attempts, label) : cause;
}

function interrupted<P, R>(
  operation: Operation<P, R>,
  label: string,
  deadline: Deadline,
  attempt: number,
  lastError: DataframerError | undefined,
  request: RequestDescription,
  idempotencyKey: string | undefined,
  mayHaveActed: boolean,
): DataframerError {
  const last = lastError ? ` (last failure: ${lastError.message})` : '';
  const name = operation.name;
  const error =
    deadline.state === 'timeout'
      ? new TimeoutError(
          `${name} did not finish within its ${formatMs(deadline.timeoutMs)} deadline after ${attempt} attempt${attempt === 1 ? '' : 's'}${last}`,
          { timeoutMs: deadline.timeoutMs, attempts: attempt, request: label, ...(lastError && { cause: lastError }) },
        )
      : new AbortError(`${name} was aborted by the caller after ${formatMs(deadline.elapsed())}${last}`, {
          attempts: attempt,
          request: label,
          cause: deadline.signal.reason,
        });
  if (request.retry === 'create' && mayHaveActed && idempotencyKey !== undefined) {
    return ambiguous(operation, label, error, idempotencyKey, attempt);
  }
  return error;
}
