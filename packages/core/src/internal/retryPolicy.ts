import { systemErrorCode } from '../systemErrorCode';
import { createApiError } from '../errors/createApiError';
import { ConnectionError } from '../errors/errors';
import type { DataframerError } from '../errors/DataframerError';
import { DEFAULT_BASE_URL } from './baseUrl';
import { isRetryableStatus } from './retryableStatuses';

/** Statuses whose `Retry-After` is honoured: the server turned the request away and said when to come back. */
export const RETRY_AFTER_STATUSES: readonly number[] = [429, 503];

/**
 * Connection failures that happen before a single byte of the request reaches the server, so even a
 * create is safe to repeat after them (Node/undici codes; browsers give no code, so they never count).
 */
const NOT_SENT_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'UND_ERR_CONNECT_TIMEOUT',
  'ENETUNREACH',
  'EHOSTUNREACH',
]);

/** Longest pause between two attempts. */
export const MAX_BACKOFF_MS = 8000;

/** Backoff before retry `attempt` (1-based) before jitter: 500 ms doubling, capped at 8 s. */
export function backoffMs(attempt: number): number {
  return Math.min(MAX_BACKOFF_MS, 500 * 2 ** (attempt - 1));
}

/** Equal jitter: half the backoff plus a random share of the other half (`random` in [0, 1)). */
export function jittered(delayMs: number, random: number): number {
  return delayMs / 2 + random * (delayMs / 2);
}

/** Reads `Retry-After` as seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/** One failed attempt, classified: the typed error and what it proves about the server. */
export interface AttemptFailure {
  error: DataframerError;
  /** Worth repeating for a request that is safe to send twice. */
  retryable: boolean;
  /** Proven not to have reached the server, or refused by it without acting: a create may repeat. */
  safeForCreate: boolean;
  /** The server may have acted on this attempt. */
  mayHaveActed: boolean;
  /** The server's `Retry-After`, when it sent one that can be read. */
  retryAfterMs?: number;
}

/** What is known of an HTTP error answer when it is classified. */
export interface HttpFailureInput {
  status: number;
  /** The body, already redacted. */
  text: string;
  retryAfter: string | null;
  request: string;
  /** The URL that was requested (it never carries the key). */
  url: string;
  attempts: number;
  requestId?: string;
  /** The key that was sent, masked, and where it came from. */
  keyHint?: string;
  now: number;
}

const COLLECTION_PATH = /\/api\/dataframer\/(runs|specs|models)\/$/;

/** Advice the status calls for, in the SDK's own words (the CLI and the page add theirs). */
function hintFor(input: HttpFailureInput): string | undefined {
  if (input.status === 404 && COLLECTION_PATH.test(new URL(input.url).pathname)) {
    return `The base URL is probably wrong: ${input.url} does not exist on that server (the base URL is the server root, like ${DEFAULT_BASE_URL})`;
  }
  if (input.status === 401) {
    const key = input.keyHint ? `The key ${input.keyHint} was refused` : 'The request carried no API key';
    return `${key}; API keys are under Account → API Key at app.aimon.ai`;
  }
  if (input.status === 403) {
    return `${input.keyHint ? `The key ${input.keyHint}` : 'The key'} is valid but lacks permission for this request`;
  }
  return undefined;
}

/** Classifies an HTTP error answer: its typed error, and whether repeating it is safe. */
export function classifyHttpFailure(input: HttpFailureInput): AttemptFailure {
  const { status } = input;
  const retryAfterMs = RETRY_AFTER_STATUSES.includes(status) ? parseRetryAfter(input.retryAfter, input.now) : undefined;
  const hint = hintFor(input);
  const error = createApiError({
    status,
    text: input.text,
    request: input.request,
    attempts: input.attempts,
    ...(input.requestId !== undefined && { requestId: input.requestId }),
    ...(retryAfterMs !== undefined && { retryAfterMs }),
    ...(hint !== undefined && { hint }),
    ...((status === 401 || status === 403) && input.keyHint !== undefined && { keyHint: input.keyHint }),
  });
  // 429, and 503 with Retry-After, mean the server turned the request away without acting on it.
  const refused = status === 429 || (status === 503 && retryAfterMs !== undefined);
  return {
    error,
    retryable: isRetryableStatus(status),
    safeForCreate: refused,
    mayHaveActed: status >= 500 && !refused,
    ...(retryAfterMs !== undefined && { retryAfterMs }),
  };
}

/** What is known of a request that got no HTTP answer (or lost it half-way). */
export interface ConnectionFailureInput {
  request: string;
  attempts: number;
  /** Server root, named in the hint when nothing reached it. */
  baseUrl: string;
  /** Masks the key (and anything shaped like one) in the cause's message. */
  redact: (text: string) => string;
  /** The answer's headers had arrived when the body broke off: the server acted. */
  afterHeaders?: boolean;
}

/** Classifies a fetch failure: refused before sending (safe to repeat even a create) or broken in flight. */
export function classifyConnectionFailure(cause: unknown, input: ConnectionFailureInput): AttemptFailure {
  const code = systemErrorCode(cause);
  // fetch refuses a few ports outright (9, 25, 6000, …: the "bad ports" of the Fetch standard) before connecting.
  const badPort = cause instanceof Error && cause.cause instanceof Error && cause.cause.message === 'bad port';
  const notSent = !input.afterHeaders && (badPort || (code !== undefined && NOT_SENT_CODES.has(code)));
  const reason = input.redact(describeCause(cause));
  const hint = badPort
    ? `fetch never connects to that port; run the server on another one (base URL ${input.baseUrl})`
    : notSent
      ? `check the base URL (${input.baseUrl}) and that the server is reachable`
      : input.afterHeaders
        ? 'the answer broke off half-way; check the network and proxy'
        : 'the connection broke before a full answer; check the network and proxy';
  return {
    error: new ConnectionError(`Could not reach Dataframer for ${input.request}: ${reason}; ${hint}`, {
      cause,
      attempts: input.attempts,
      request: input.request,
      ...(code !== undefined && { causeCode: code }),
    }),
    retryable: !input.afterHeaders,
    safeForCreate: notSent,
    mayHaveActed: !notSent,
  };
}

function describeCause(error: unknown): string {
  // undici: TypeError('fetch failed') whose cause is the system error ("connect ECONNREFUSED …").
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return error instanceof Error ? error.message + cause : String(error);
}

/** Inputs of one retry decision. */
export interface RetryInput {
  failure: AttemptFailure;
  /** The request starts a run: repeated only when the failure proves nothing happened. */
  create: boolean;
  /** 1-based number of the retry being considered. */
  retry: number;
  /** Milliseconds left before the call's deadline. */
  remainingMs: number;
  /** A random number in [0, 1) for the jitter. */
  random: number;
}

/** Whether to repeat an attempt, and after how long; `stop` says why not. */
export type RetryDecision =
  | { retry: true; delayMs: number; retryAfter: boolean }
  | { retry: false; stop: 'final' | 'not-safe-for-create' | 'deadline' };

/** Decides one retry: the failure must be transient (for a create, proven harmless) and the pause must end before the deadline. */
export function decideRetry(input: RetryInput): RetryDecision {
  const { failure } = input;
  if (input.create ? !failure.safeForCreate : !failure.retryable) {
    return { retry: false, stop: input.create && failure.retryable ? 'not-safe-for-create' : 'final' };
  }
  const retryAfter = failure.retryAfterMs !== undefined;
  const delayMs = failure.retryAfterMs ?? jittered(backoffMs(input.retry), input.random);
  if (delayMs >= input.remainingMs) return { retry: false, stop: 'deadline' };
  return { retry: true, delayMs, retryAfter };
}
