import { createApiError } from '../errors/createApiError';
import { httpFailureHint } from '../errors/hints';
import { isRetryableStatus } from '../retryableStatuses';
import type { AttemptFailure } from './AttemptFailure';
import { parseRetryAfter, RETRY_AFTER_STATUSES } from './backoff';

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
  /** Advice of the operation's own for this status (the key rotation's rate limit), in place of the status's. */
  operationHint?: string | undefined;
  now: number;
}

/** Classifies an HTTP error answer: its typed error, and whether repeating it is safe. */
export function classifyHttpFailure(input: HttpFailureInput): AttemptFailure {
  const { status } = input;
  const retryAfterMs = RETRY_AFTER_STATUSES.includes(status) ? parseRetryAfter(input.retryAfter, input.now) : undefined;
  const error = createApiError({
    ...input,
    retryAfterMs,
    hint: input.operationHint ?? httpFailureHint(input),
    keyHint: status === 401 || status === 403 ? input.keyHint : undefined,
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
