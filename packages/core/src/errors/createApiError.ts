import { formatMs } from '../formatMs';
import {
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ServerError,
  UnprocessableEntityError,
  type ApiErrorDetails,
} from './ApiError';

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  408: 'Request Timeout',
  409: 'Conflict',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

const MAX_RAW_BODY = 4096;

const BY_STATUS: Record<number, typeof ApiError> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

/** Inputs for {@link createApiError}; `text` must already be redacted. */
export interface ApiErrorInput {
  status: number;
  text: string;
  request: string;
  requestId?: string | undefined;
  retryAfterMs?: number | undefined;
  attempts?: number | undefined;
  /** Advice for this status (a wrong base URL, the key that was refused), appended to the message. */
  hint?: string | undefined;
  /** The key that was sent, masked, and where it came from (`sk_live_…a1b2 from DATAFRAMER_API_KEY`), for 401 and 403. */
  keyHint?: string | undefined;
}

/** Turns one error response (Django `{"detail"}` or DRF field errors, or anything else) into the typed error for its status. */
export function createApiError(input: ApiErrorInput): ApiError {
  const { body, detail, fieldErrors, json } = readErrorBody(input.text);
  const details: ApiErrorDetails = { ...input, body, detail, fieldErrors };
  const message = formatApiErrorMessage(details, input.text, json, input.hint);
  const ErrorClass = BY_STATUS[input.status] ?? (input.status >= 500 ? ServerError : ApiError);
  return new ErrorClass(message, details);
}

// An error body nested deeper than this is kept as text: as a value, JSON.stringify(error.toJSON()) would overflow the stack.
const MAX_BODY_DEPTH = 64;

/** Whether JSON text nests deeper than `limit`, counted without parsing. */
function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 92) i++;
      else if (ch === 34) inString = false;
    } else if (ch === 34) inString = true;
    else if (ch === 91 || ch === 123) {
      if (++depth > limit) return true;
    } else if (ch === 93 || ch === 125) depth--;
  }
  return false;
}

interface ErrorBody {
  body: unknown;
  detail?: string;
  fieldErrors?: Record<string, string[]>;
  /** Whether the body was JSON. */
  json?: boolean;
}

function readErrorBody(text: string): ErrorBody {
  const raw = { body: text.length > MAX_RAW_BODY ? `${text.slice(0, MAX_RAW_BODY)}…` : text };
  if (nestsDeeperThan(text, MAX_BODY_DEPTH)) return raw;
  let body: unknown;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    return raw;
  }
  if (body === undefined) return { body };
  if (typeof body === 'string') return { body, detail: body, json: true };
  if (Array.isArray(body)) {
    const messages = body.map(messageOf).filter((m): m is string => m !== undefined);
    return messages.length > 0 ? { body, detail: messages.join('; '), json: true } : { body, json: true };
  }
  if (body === null || typeof body !== 'object') return { body, json: true };
  const record = body as Record<string, unknown>;
  let detail: string | undefined;
  const fieldErrors: Record<string, string[]> = {};
  for (const [key, value] of Object.entries(record)) {
    if (key === 'detail' || key === 'message' || key === 'error') {
      detail ??= messageOf(value) ?? flattenMessages(value).join('; ');
      continue;
    }
    if (key === 'code' || key === 'status' || key === 'status_code') continue;
    const messages = flattenMessages(value);
    if (messages.length > 0) fieldErrors[key] = messages;
  }
  return {
    body,
    json: true,
    ...(detail !== undefined && detail !== '' && { detail }),
    ...(Object.keys(fieldErrors).length > 0 && { fieldErrors }),
  };
}

function messageOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  // Error objects in a list: {"msg": …} (pydantic), {"message": …} or {"detail": …}
  const record = (value ?? {}) as Record<string, unknown>;
  const text = record['msg'] ?? record['message'] ?? record['detail'];
  return typeof text === 'string' ? text : undefined;
}

// Field errors nest a few levels (nested serializers); anything deeper is not a message, and recursing into it could overflow the stack.
const MAX_ERROR_DEPTH = 16;

function flattenMessages(value: unknown, prefix = '', depth = 0): string[] {
  if (typeof value === 'string') return [prefix + value];
  if (depth >= MAX_ERROR_DEPTH) return [];
  if (Array.isArray(value)) return value.flatMap((item) => flattenMessages(item, prefix, depth + 1));
  if (value && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => flattenMessages(v, `${prefix}${k}: `, depth + 1));
  }
  if (typeof value === 'number' || typeof value === 'boolean') return [prefix + String(value)];
  return [];
}

function formatApiErrorMessage(details: ApiErrorDetails, text: string, json: boolean | undefined, hint: string | undefined): string {
  const statusText = STATUS_TEXT[details.status] ?? 'HTTP error';
  const parts: string[] = [];
  if (details.detail) parts.push(details.detail);
  if (details.fieldErrors) {
    for (const [field, messages] of Object.entries(details.fieldErrors)) {
      parts.push(field === 'non_field_errors' ? messages.join(' ') : `${field}: ${messages.join(' ')}`);
    }
  }
  if (parts.length === 0) {
    parts.push(
      text.trim() === ''
        ? 'the response had no body'
        : json
          ? `the JSON body had no detail or field errors (${text.length} bytes)`
          : `the response body was not a JSON error (${text.length} bytes)`,
    );
  }
  let message = `${details.status} ${statusText} from ${details.request}: ${parts.join('; ')}`;
  if (hint) message += `${/[.!?]$/.test(message) ? '' : '.'} ${hint}`;
  if (details.retryAfterMs !== undefined) message += ` (server asked to retry after ${formatMs(details.retryAfterMs)})`;
  if (details.requestId) message += ` [request id ${details.requestId}]`;
  return message;
}
