import { ConnectionError } from '../errors/errors';
import { systemErrorCode } from '../systemErrorCode';
import type { AttemptFailure } from './AttemptFailure';

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
