import ky, { type Options as KyOptions } from 'ky';
import { formatMs } from '../formatMs';
import { AbortError } from '../errors/errors';
import type { DataframerError } from '../errors/DataframerError';
import { normalizeBaseUrl } from '../internal/baseUrl';
import { createDeadline } from '../deadline';
import { prepareRequest } from '../internal/prepareRequest';
import { DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS } from '../defaults';
import { RETRYABLE_STATUSES } from '../retryableStatuses';
import type { AttemptFailure } from './AttemptFailure';
import { backoffMs, jittered, MAX_BACKOFF_MS, RETRY_AFTER_STATUSES } from './backoff';
import type { Operation, Transport, UploadCallOptions } from '../types';
import { lenientSchemas } from '../schemas/SchemaMode';
import type { TransportOptions } from '../TransportOptions';
import { type AttemptInit, createAttemptFetch } from './attemptFetch';
import { createAuthorize } from './authorize';
import { type Call, ambiguous, interrupted } from './call';
import { MAX_RETRIES_LIMIT, checkCallOptions, checkTransportOptions } from './checkOptions';
import { classifyFailure } from './classifyFailure';
import { createLog } from './log';
import { readAnswer } from './readAnswer';
import { createRedactor } from './redactor';
import { createShouldRetry, logRetry } from './retryDecision';
import { afterResponseOfYours, beforeRequestOfYours, withoutEarlierKey } from './userHooks';

/**
 * Creates the one transport every runtime uses: one ky instance sends and repeats every request, under the parts
 * in this folder (authorize, classify, decide a retry, read the answer, log). A client's state is its own.
 */
export function createTransport(options: TransportOptions): Transport {
  checkTransportOptions(options);
  const base = normalizeBaseUrl(options.baseUrl);
  const runtime = options.runtime;
  const timeoutMsDefault = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxRetriesDefault = options.maxRetries ?? DEFAULT_MAX_RETRIES;
  const redactor = createRedactor();
  const log = createLog(options.logger, redactor);
  const { authorize, useKey } = createAuthorize({
    base,
    getToken: options.getToken,
    tokenSource: options.tokenSource,
    missingTokenMessage: options.missingTokenMessage,
    redactor,
    log,
  });
  const read = {
    base,
    mode: options.schemas ?? lenientSchemas,
    maxResponseBytes: options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
    redactor,
    useKey,
  };

  // Each raw failure is classified once: ky's retry check and the final error see the same one. Held here, not in
  // the call, which ky hands every hook: ky's HTTP error holds the request, key included.
  const classified = new WeakMap<object, AttemptFailure>();

  /** Classifies a failure once and logs it. */
  async function classify(call: Call, raw: unknown): Promise<AttemptFailure> {
    const known = typeof raw === 'object' && raw !== null ? classified.get(raw) : undefined;
    if (known) return known;
    const failure = await classifyFailure(call, raw, { base, redactor, now: runtime.now });
    log?.(`← ${call.label} in ${formatMs(runtime.now() - call.started)}: ${failure.error.message}`);
    if (typeof raw === 'object' && raw !== null) classified.set(raw, failure);
    call.last = failure;
    return failure;
  }

  /** Records a failure; answers whether it shows an earlier attempt already did the work (a delete's 404 after a lost answer). */
  function record(call: Call, failure: AttemptFailure): boolean {
    const doneBefore = call.mayHaveActed && call.operation.doneAfterLostAnswer?.(failure.error) === true;
    call.mayHaveActed ||= failure.mayHaveActed;
    return doneBefore;
  }

  const userBefore = options.hooks?.beforeRequest ?? [];
  const userAfter = options.hooks?.afterResponse ?? [];
  const api = ky.create({
    prefixUrl: base,
    fetch: createAttemptFetch(runtime, redactor),
    // The one deadline owns time, through the signal; ky's own timeout would be a second, lying one.
    timeout: false,
    headers: { accept: 'application/json', ...options.headers },
    ...(options.credentials !== undefined && { credentials: options.credentials }),
    retry: {
      // Each call's own limit is checked in shouldRetry; this is the ceiling no call can pass.
      limit: MAX_RETRIES_LIMIT,
      methods: ['get', 'post', 'put', 'patch', 'delete'],
      statusCodes: [...RETRYABLE_STATUSES],
      afterStatusCodes: [...RETRY_AFTER_STATUSES],
      delay: backoffMs,
      jitter: (delay) => jittered(delay, runtime.random()),
      backoffLimit: MAX_BACKOFF_MS,
      shouldRetry: createShouldRetry({ classify, record, now: runtime.now, log }),
    },
    hooks: {
      beforeRequest: [
        ...(userBefore.length > 0 ? [withoutEarlierKey] : []),
        ...userBefore.map((hook) => beforeRequestOfYours(hook, authorize, redactor)),
        authorize,
      ],
      afterResponse: [
        ...userAfter.map((hook) => afterResponseOfYours(hook, redactor)),
        // Error answers are logged with their message once classified.
        ...(log
          ? [
              (_request: Request, kyOptions: KyOptions, response: Response) => {
                const call = kyOptions.context?.['call'] as Call | undefined;
                if (call && response.ok) log(`← ${call.label} in ${formatMs(runtime.now() - call.started)}: ok (${response.status})`);
              },
            ]
          : []),
      ],
      beforeRetry: log ? [logRetry(log, runtime.now)] : [],
    },
  });

  async function send<P, R>(operation: Operation<P, R>, params: P, callOptions: UploadCallOptions = {}): Promise<R> {
    checkCallOptions(callOptions, operation.name);
    const startedAt = runtime.now();
    const request = operation.build(params);
    const keyHeader = operation.idempotencyHeader;
    const idempotencyKey = keyHeader ? (callOptions.idempotencyKey ?? runtime.randomUUID()) : undefined;
    const prepared = prepareRequest(
      request,
      keyHeader && idempotencyKey ? { name: keyHeader, key: idempotencyKey } : undefined,
      request.form && {
        boundary: `dataframer-${runtime.randomUUID()}`,
        streams: runtime.streamsRequestBodies === true,
        ...(callOptions.onUploadProgress && { onProgress: callOptions.onUploadProgress }),
      },
    );
    if (callOptions.signal?.aborted) {
      throw new AbortError(`${operation.name} was aborted before it was sent`, {
        request: prepared.label,
        cause: callOptions.signal.reason,
      });
    }
    const call: Call = {
      operation: operation as Operation<unknown, unknown>,
      label: prepared.label,
      create: request.retry !== 'safe',
      deadline: createDeadline(runtime, callOptions.timeoutMs ?? timeoutMsDefault, callOptions.signal),
      idempotencyKey,
      maxRetries: request.retry === 'none' ? 0 : (callOptions.maxRetries ?? maxRetriesDefault),
      attempts: 0,
      sent: 0,
      phase: 'preparing',
      started: runtime.now(),
      failedAt: 0,
      keyHint: undefined,
      mayHaveActed: false,
      last: undefined,
      ...(prepared.upload && { upload: prepared.upload }),
    };
    // Only what differs per call: ky's instance and its retry policy are the client's. `call` reaches fetch as an option ky passes through.
    const perCall: KyOptions & AttemptInit = { ...prepared.options, signal: call.deadline.signal, context: { call }, call };
    try {
      let response: Response;
      try {
        response = await api(prepared.input, perCall);
      } catch (raw) {
        return await settleFailure(call, raw);
      }
      return await readAnswer<R>(call, response, read, callOptions.onResponse);
    } catch (error) {
      // A create whose answer was lost may find what it made, within what is left of the deadline.
      if (!operation.recover || (error as DataframerError).code !== 'outcome_unknown' || call.deadline.state !== 'running') throw error;
      return await operation.recover(transport, params, {
        error: error as DataframerError,
        startedAt,
        signal: call.deadline.signal,
        timeoutMs: call.deadline.remaining(),
        report: (message) => {
          log?.(message);
          callOptions.onRecovered?.(message);
        },
      });
    } finally {
      call.deadline.dispose();
    }
  }

  /** Turns whatever ky threw into the one error the caller sees (or the value, when a lost answer did the work). */
  async function settleFailure<R>(call: Call, raw: unknown): Promise<R> {
    if (call.deadline.state !== 'running') throw interrupted(call);
    const failure = await classify(call, raw);
    if (record(call, failure)) return call.operation.parse({ status: 204, body: undefined, request: call.label }, read.mode) as R;
    // A create is "unknown" only when a request may have reached the server and acted; anything else is itself.
    throw call.create && call.mayHaveActed ? ambiguous(call, failure.error) : failure.error;
  }

  const transport: Transport = { send, runtime, timeoutMs: timeoutMsDefault };
  return transport;
}
