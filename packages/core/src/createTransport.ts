import ky, { HTTPError, type AfterResponseHook, type BeforeRequestHook, type Options as KyOptions } from 'ky';
import { formatMs } from './errors/createApiError';
import { AbortError, ConfigurationError, ResponseValidationError } from './errors/errors';
import { DataframerError } from './errors/DataframerError';
import { createKeyCheck } from './internal/apiKey';
import { normalizeBaseUrl } from './internal/baseUrl';
import { type Call, ambiguous, callOf, callsByRequest, interrupted } from './internal/call';
import { createDeadline, untilAborted } from './internal/deadline';
import { authorizingReplacement, withoutKey } from './internal/userHooks';
import { prepareRequest } from './internal/prepareRequest';
import { RETRYABLE_STATUSES } from './internal/retryableStatuses';
import {
  MAX_BACKOFF_MS,
  RETRY_AFTER_STATUSES,
  backoffMs,
  classifyConnectionFailure,
  classifyHttpFailure,
  decideRetry,
  jittered,
  type AttemptFailure,
} from './internal/retryPolicy';
import { redact, withoutSecrets } from './redact';
import { lenientSchemas } from './schemas/SchemaMode';
import type { CreateCallOptions, Operation, ResponseInfo, Transport } from './operations/Operation';
import type { TransportOptions } from './TransportOptions';

/** Default deadline of one call, retries included. */
export const DEFAULT_TIMEOUT_MS = 60_000;
/** Default number of retries after the first attempt. */
export const DEFAULT_MAX_RETRIES = 2;

/** Creates the one transport every runtime uses: ky sends and repeats, under our create safety, deadline, errors and redaction. */
export function createTransport(options: TransportOptions): Transport {
  const base = normalizeBaseUrl(options.baseUrl);
  const rt = options.runtime;
  const timeoutMsDefault = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxRetriesDefault = options.maxRetries ?? DEFAULT_MAX_RETRIES;
  const mode = options.schemas ?? lenientSchemas;
  const logger = options.logger;
  // Without a logger, `log?.(…)` skips building the line at all: no work on the hot path.
  const log = logger && ((call: Call, line: string) => logger.debug(redact(line, call.secrets)));

  const checkKey = createKeyCheck(base, options.tokenSource);

  const authorize: BeforeRequestHook = async (request, kyOptions) => {
    const call = callOf(kyOptions);
    call.attempts++;
    const token = (await options.getToken?.()) || undefined;
    if (token === undefined && options.missingTokenMessage)
      throw new ConfigurationError(options.missingTokenMessage, { request: call.label });
    if (token !== undefined) {
      const { key, keyHint } = checkKey(token, request, call.label);
      for (const secret of [token, key]) if (!call.secrets.includes(secret)) call.secrets.push(secret);
      call.keyHint = keyHint;
      request.headers.set('authorization', `Bearer ${key}`);
    }
    callsByRequest.set(request, call);
    log?.(
      call,
      `→ ${request.method} ${request.url} (${call.operation.name}, attempt ${call.attempts}/${call.maxRetries + 1}${call.idempotencyKey ? `, ${call.operation.idempotencyHeader} ${call.idempotencyKey}` : ''})`,
    );
    call.started = rt.now();
    call.phase = 'sending';
  };

  const api = ky.create({
    prefixUrl: base,
    // ky always calls fetch with the Request it built; the deadline's signal goes with it (see callsByRequest).
    fetch: ((request: Request) => {
      const call = callsByRequest.get(request);
      if (!call) return rt.fetch(request);
      const { signal } = call.deadline;
      return untilAborted(rt.fetch(request, { signal }), signal);
    }) as KyOptions['fetch'],
    // The one deadline owns time, through the signal; ky's own timeout would be a second, lying one.
    timeout: false,
    headers: { accept: 'application/json', ...options.headers },
    ...(options.credentials !== undefined && { credentials: options.credentials }),
    retry: {
      methods: ['get', 'post', 'put', 'patch', 'delete'],
      statusCodes: [...RETRYABLE_STATUSES],
      afterStatusCodes: [...RETRY_AFTER_STATUSES],
      delay: backoffMs,
      backoffLimit: MAX_BACKOFF_MS,
    },
    hooks: {
      beforeRequest: [
        // A retry starts from a copy of the request sent before, key included: take it off before your hooks see it.
        ...(options.hooks?.beforeRequest?.length
          ? [((request) => request.headers.delete('authorization')) satisfies BeforeRequestHook]
          : []),
        ...(options.hooks?.beforeRequest ?? []).map((hook) => authorizingReplacement(hook, authorize)),
        authorize,
      ],
      afterResponse: [
        ...(options.hooks?.afterResponse ?? []).map(withoutKey),
        // Error answers are logged with their message once classified.
        ...(log
          ? [
              ((_request, kyOptions, response) => {
                const call = callOf(kyOptions);
                if (response.ok) log(call, `← ${call.label} in ${formatMs(rt.now() - call.started)}: ok (${response.status})`);
              }) satisfies AfterResponseHook,
            ]
          : []),
      ],
      beforeRetry: log
        ? [
            ({ options: kyOptions }) => {
              const call = callOf(kyOptions);
              log(call, `${call.label}: retrying in ${formatMs(call.nextDelayMs)}`);
            },
          ]
        : [],
    },
  });

  /** Classifies a raw failure once: ky's HTTPError with its body read, or a fetch failure. */
  async function classify(call: Call, raw: unknown): Promise<AttemptFailure> {
    const known = call.last;
    if (known && known.raw === raw) return known.failure;
    let failure: AttemptFailure;
    if (raw instanceof HTTPError) {
      const response = raw.response;
      let text = '';
      try {
        text = redact(await untilAborted(response.text(), call.deadline.signal), call.secrets);
      } catch {
        // The error body broke off (or the deadline passed while it came): the status alone still says what happened.
      }
      const requestId = response.headers.get('x-request-id');
      failure = classifyHttpFailure({
        status: response.status,
        text,
        retryAfter: response.headers.get('retry-after'),
        request: call.label,
        url: raw.request.url,
        attempts: call.attempts,
        now: rt.now(),
        ...(requestId !== null && { requestId: redact(requestId, call.secrets) }),
        ...(call.keyHint !== undefined && { keyHint: call.keyHint }),
      });
    } else {
      failure = classifyConnectionFailure(raw, { request: call.label, attempts: call.attempts, baseUrl: base, secrets: call.secrets });
    }
    log?.(call, `← ${call.label} in ${formatMs(rt.now() - call.started)}: ${failure.error.message}`);
    call.last = { raw, failure };
    return failure;
  }

  /** Records a failure; answers whether it shows an earlier attempt already did the work (a delete's 404 after a lost answer). */
  function absorb(call: Call, failure: AttemptFailure): boolean {
    const doneBefore = call.mayHaveActed && call.operation.doneAfterLostAnswer?.(failure.error) === true;
    call.mayHaveActed ||= failure.mayHaveActed;
    return doneBefore;
  }

  /** ky's retry decision: `false` stops, `true` repeats after our jittered backoff, `undefined` lets ky honour Retry-After. */
  async function shouldRetry(call: Call, error: Error, retry: number): Promise<boolean | undefined> {
    // ky wraps a thrown non-Error value for this check and rethrows the value itself.
    const raw = error.name === 'NonError' && 'value' in error ? error.value : error;
    if (raw instanceof DataframerError || call.deadline.state !== 'running') return false;
    const failure = await classify(call, raw);
    if (absorb(call, failure)) return false;
    call.random = rt.random();
    const decision = decideRetry({ failure, create: call.create, retry, remainingMs: call.deadline.remaining(), random: call.random });
    if (!decision.retry) {
      if (decision.stop === 'deadline') log?.(call, `${call.label}: no retry, it would start after the deadline`);
      return false;
    }
    call.nextDelayMs = decision.delayMs;
    call.phase = 'waiting';
    return decision.retryAfter ? undefined : true;
  }

  async function send<P, R>(operation: Operation<P, R>, params: P, callOptions: CreateCallOptions = {}): Promise<R> {
    const request = operation.build(params);
    const keyHeader = operation.idempotencyHeader;
    const idempotencyKey = keyHeader ? (callOptions.idempotencyKey ?? rt.randomUUID()) : undefined;
    const prepared = prepareRequest(request, keyHeader && idempotencyKey ? { name: keyHeader, key: idempotencyKey } : undefined);
    if (callOptions.signal?.aborted) {
      throw new AbortError(`${operation.name} was aborted before it was sent`, {
        request: prepared.label,
        cause: callOptions.signal.reason,
      });
    }
    const maxRetries = request.retry === 'none' ? 0 : (callOptions.maxRetries ?? maxRetriesDefault);
    const call: Call = {
      operation: operation as Operation<unknown, unknown>,
      label: prepared.label,
      create: request.retry === 'create',
      deadline: createDeadline(rt, callOptions.timeoutMs ?? timeoutMsDefault, callOptions.signal),
      idempotencyKey,
      maxRetries,
      attempts: 0,
      phase: 'preparing',
      started: rt.now(),
      secrets: [],
      keyHint: undefined,
      mayHaveActed: false,
      last: undefined,
      random: 0,
      nextDelayMs: 0,
    };
    const kyOptions: KyOptions = {
      ...prepared.options,
      signal: call.deadline.signal,
      context: { call },
      retry: {
        limit: maxRetries,
        shouldRetry: ({ error, retryCount }) => shouldRetry(call, error, retryCount),
        jitter: (delay) => jittered(delay, call.random),
      },
    };
    try {
      let response: Response;
      try {
        response = await api(prepared.input, kyOptions);
      } catch (raw) {
        return await settleFailure(call, raw);
      }
      return await readAnswer(call, response, callOptions.onResponse);
    } finally {
      call.deadline.dispose();
    }
  }

  /** Turns whatever ky threw into the one error the caller sees (or the value, when a lost answer did the work). */
  async function settleFailure<R>(call: Call, raw: unknown): Promise<R> {
    if (raw instanceof DataframerError) throw raw;
    if (call.deadline.state !== 'running') throw interrupted(call);
    const failure = await classify(call, raw);
    if (absorb(call, failure)) return call.operation.parse({ status: 204, body: undefined, request: call.label }, mode) as R;
    throw call.create && call.mayHaveActed ? ambiguous(call, failure.error) : failure.error;
  }

  /** Reads, checks and returns a successful answer. */
  async function readAnswer<R>(call: Call, response: Response, onResponse?: (info: ResponseInfo) => void): Promise<R> {
    let text: string;
    try {
      // The key is taken out should a server echo it; the rest of a successful body is the user's data, kept as sent.
      text = withoutSecrets(await untilAborted(response.text(), call.deadline.signal), call.secrets);
    } catch (cause) {
      if (call.deadline.state !== 'running') throw interrupted(call);
      const { error } = classifyConnectionFailure(cause, {
        request: call.label,
        attempts: call.attempts,
        baseUrl: base,
        secrets: call.secrets,
        afterHeaders: true,
      });
      throw call.create ? ambiguous(call, error) : error;
    }
    // A server may echo anything here, the key included.
    const rawRequestId = response.headers.get('x-request-id');
    const requestId = rawRequestId === null ? undefined : redact(rawRequestId, call.secrets);
    try {
      let body: unknown;
      try {
        body = text === '' ? undefined : JSON.parse(text);
      } catch {
        throw new ResponseValidationError(`The response to ${call.label} is not valid JSON (${response.status}, ${text.length} bytes)`, {
          issues: [{ path: '', message: 'invalid JSON' }],
          status: response.status,
          request: call.label,
          ...(requestId !== undefined && { requestId }),
        });
      }
      const value = call.operation.parse(
        { status: response.status, body, request: call.label, ...(requestId !== undefined && { requestId }) },
        mode,
      ) as R;
      onResponse?.(responseInfo(call, response, requestId));
      return value;
    } catch (error) {
      // The server accepted the request; for a create the run exists but its id could not be read.
      throw call.create && error instanceof DataframerError ? ambiguous(call, error) : error;
    }
  }

  function responseInfo(call: Call, response: Response, requestId: string | undefined): ResponseInfo {
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      headers[name] = redact(value, call.secrets);
    });
    return { status: response.status, requestId, headers, request: call.label, attempts: call.attempts };
  }

  return { send, runtime: rt, timeoutMs: timeoutMsDefault };
}
