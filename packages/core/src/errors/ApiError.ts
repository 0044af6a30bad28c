import { isRetryableStatus } from '../retryableStatuses';
import { DataframerError, type DataframerErrorCode, type DataframerErrorOptions } from './DataframerError';

/** What an HTTP error response carried, already redacted of secrets. */
export interface ApiErrorDetails extends DataframerErrorOptions {
  status: number;
  /** The Django REST framework `detail` string, when the body had one. */
  detail?: string | undefined;
  /** Field errors from a DRF validation body, field name to messages (`non_field_errors` included). */
  fieldErrors?: Record<string, string[]> | undefined;
  /** The parsed JSON body, or the raw text (cut to 4 KiB) when it was not JSON. */
  body?: unknown;
  /** The server's request id (`X-Request-Id`), when it sent one. */
  requestId?: string | undefined;
  /** Milliseconds the server asked us to wait (`Retry-After`). */
  retryAfterMs?: number | undefined;
  /** For 401 and 403: the key that was sent, masked, and where it came from (`sk_live_…a1b2 from DATAFRAMER_API_KEY`). */
  keyHint?: string | undefined;
}

/** An HTTP response with a non-success status; subclasses exist for each status the API documents. */
export class ApiError extends DataframerError {
  override readonly name: string = 'ApiError';
  readonly status: number;
  readonly detail: string | undefined;
  readonly fieldErrors: Record<string, string[]> | undefined;
  readonly body: unknown;
  readonly requestId: string | undefined;
  readonly retryAfterMs: number | undefined;
  /** For 401 and 403: the key that was sent, masked, and where it came from. */
  readonly keyHint: string | undefined;

  constructor(message: string, details: ApiErrorDetails, code: DataframerErrorCode = 'api_error') {
    super(code, message, details);
    this.status = details.status;
    this.detail = details.detail;
    this.fieldErrors = details.fieldErrors;
    this.body = details.body;
    this.requestId = details.requestId;
    this.retryAfterMs = details.retryAfterMs;
    this.keyHint = details.keyHint;
  }

  /** Whether the status is one of `RETRYABLE_STATUSES` (408, 429, 500, 502, 503, 504): the same rule retries and waits use. */
  override get retryable(): boolean {
    return isRetryableStatus(this.status);
  }
}

/** 400: the request was malformed or a field was invalid; see `fieldErrors`. */
export class BadRequestError extends ApiError {
  override readonly name: string = 'BadRequestError';
  override readonly code: DataframerErrorCode = 'bad_request';
}

/** 401: the API key is missing, wrong or revoked. */
export class AuthenticationError extends ApiError {
  override readonly name: string = 'AuthenticationError';
  override readonly code: DataframerErrorCode = 'authentication';
}

/** 403: the key is valid but may not do this. */
export class PermissionDeniedError extends ApiError {
  override readonly name: string = 'PermissionDeniedError';
  override readonly code: DataframerErrorCode = 'permission_denied';
}

/** 404: no such resource for this company (another company's ids also answer 404). */
export class NotFoundError extends ApiError {
  override readonly name: string = 'NotFoundError';
  override readonly code: DataframerErrorCode = 'not_found';
}

/** 409: the resource is not in a state that allows this (for example cancelling a finished run). */
export class ConflictError extends ApiError {
  override readonly name: string = 'ConflictError';
  override readonly code: DataframerErrorCode = 'conflict';
}

/** 422: the body was understood but its values were rejected. */
export class UnprocessableEntityError extends ApiError {
  override readonly name: string = 'UnprocessableEntityError';
  override readonly code: DataframerErrorCode = 'unprocessable_entity';
}

/** 429: too many requests; `retryAfterMs` says how long the server asked us to wait. */
export class RateLimitError extends ApiError {
  override readonly name: string = 'RateLimitError';
  override readonly code: DataframerErrorCode = 'rate_limited';
}

/** 5xx: the server or a proxy in front of it failed. */
export class ServerError extends ApiError {
  override readonly name: string = 'ServerError';
  override readonly code: DataframerErrorCode = 'server_error';
}
