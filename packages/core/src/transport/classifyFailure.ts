import { HTTPError } from 'ky';
import { DataframerError } from '../errors/DataframerError';
import { CallbackError, RequestValidationError } from '../errors/errors';
import type { AttemptFailure } from './AttemptFailure';
import { classifyConnectionFailure } from './classifyConnectionFailure';
import { classifyHttpFailure } from './classifyHttpFailure';
import { callbackFailed, messageOf } from './callbackFailed';
import type { Call } from './call';
import { SendFailure } from './attemptFetch';
import { readErrorText } from './readBody';
import type { Redactor } from './redactor';

/** What classifying needs besides the failure. */
export interface ClassifyContext {
  base: string;
  redactor: Redactor;
  now: () => number;
}

/** Failures of our own, or of your code, that happened before anything reached the network: never retried, nothing acted. */
function notSent(error: DataframerError): AttemptFailure {
  return { error, retryable: false, safeForCreate: false, mayHaveActed: false };
}

/** Whether a fetch rejection looks like the network's (fetch's TypeError, a system error code, an abort) on the error or its causes. */
function isNetworkFailure(thrown: unknown): boolean {
  let current: unknown = thrown;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    if (current instanceof TypeError || typeof (current as { code?: unknown }).code === 'string') return true;
    const name = (current as { name?: unknown }).name;
    if (name === 'AbortError' || name === 'TimeoutError') return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * Classifies one failed attempt by where it happened: before sending (your hook, the token provider, the key check,
 * building the body, a fetch that refused its input), on the way (the connection), or in the answer (an HTTP error).
 */
export async function classifyFailure(call: Call, raw: unknown, context: ClassifyContext): Promise<AttemptFailure> {
  const { redactor } = context;
  if (raw instanceof HTTPError) {
    const { response } = raw;
    const text = redactor.redact(await readErrorText(response, call.deadline.signal));
    const requestId = response.headers.get('x-request-id');
    return classifyHttpFailure({
      status: response.status,
      text,
      retryAfter: response.headers.get('retry-after'),
      request: call.label,
      url: raw.request.url,
      attempts: call.attempts,
      now: context.now(),
      operationHint: call.operation.failureHint?.(response.status),
      ...(requestId !== null && { requestId: redactor.redact(requestId) }),
      ...(call.keyHint !== undefined && { keyHint: call.keyHint }),
    });
  }
  if (raw instanceof SendFailure) {
    if (!isNetworkFailure(raw.cause)) {
      call.sent--;
      return notSent(callbackFailed(call, 'fetch', raw.cause, redactor));
    }
    return classifyConnectionFailure(raw.cause, {
      request: call.label,
      attempts: call.attempts,
      baseUrl: context.base,
      redact: redactor.redact,
    });
  }
  if (raw instanceof CallbackError) return { ...notSent(raw), mayHaveActed: raw.requestSent };
  if (raw instanceof DataframerError) return notSent(raw);
  // ky builds the Request before any hook runs: what throws there (a body JSON cannot carry) was never sent.
  return notSent(
    new RequestValidationError(`${call.operation.name} could not be sent: ${redactor.redact(messageOf(raw))}`, {
      issues: [{ path: '', message: messageOf(raw) }],
      request: call.label,
      cause: raw,
    }),
  );
}
