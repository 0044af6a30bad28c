import type { RequestDescription } from '../types';

/** What ky is handed for one call: the path under `prefixUrl` and the per-call options. */
export interface PreparedRequest {
  /** The path without its leading slash, as ky's `prefixUrl` requires. */
  input: string;
  options: {
    method: RequestDescription['method'];
    headers?: Record<string, string>;
    searchParams?: Record<string, string>;
    json?: unknown;
  };
  /** `METHOD /path/` for messages and logs. */
  label: string;
}

/** The idempotency header a create carries on every attempt. */
export interface IdempotencyHeader {
  name: string;
  key: string;
}

/** Turns a builder's request description into ky's input and options; pure, so it is tested by plain equality. */
export function prepareRequest(request: RequestDescription, idempotency?: IdempotencyHeader): PreparedRequest {
  const options: PreparedRequest['options'] = { method: request.method };
  if (idempotency) options.headers = { [idempotency.name]: idempotency.key };
  if (request.query && Object.keys(request.query).length > 0) options.searchParams = request.query;
  if (request.body !== undefined) options.json = request.body;
  return { input: request.path.replace(/^\/+/, ''), options, label: `${request.method} ${request.path}` };
}
