/**
 * HTTP statuses worth repeating for a request that is safe to send twice. One list serves the
 * transport's retries (ky's `statusCodes`), `ApiError.retryable` and the wait loops, so a status is
 * transient everywhere or nowhere.
 */
export const RETRYABLE_STATUSES: readonly number[] = [408, 429, 500, 502, 503, 504];

/** Whether an HTTP status is worth repeating (see `RETRYABLE_STATUSES`). */
export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUSES.includes(status);
}
