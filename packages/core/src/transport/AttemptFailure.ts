import type { DataframerError } from '../errors/DataframerError';

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
