import * as v from 'valibot';
import { checkParams, paramsObject, textParam } from '../internal/params';
import { API_PREFIX } from '../internal/paths';
import type { CallOptions, Operation, RequestDescription, Transport } from '../types';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** A request to an endpoint the SDK does not model: the type and the check of `client.request`. */
export const rawRequestSchema = /* @__PURE__ */ buildRawRequestSchema();

function buildRawRequestSchema() {
  return paramsObject({
    method: v.picklist(METHODS, `method must be one of ${METHODS.join(', ')}`),
    /** A path under `/api/dataframer/`, ending with `/` as the API spells them (`/api/dataframer/runs/{id}/status/`, or `runs/{id}/status/`). Already encoded. */
    path: textParam('path'),
    /** Query parameters; undefined ones are left out. */
    query: v.optional(
      v.record(
        v.string(),
        v.union([v.string(), v.number(), v.boolean(), v.undefined()]),
        'query must be an object of strings, numbers and booleans',
      ),
    ),
    /** Sent as JSON. */
    body: v.optional(v.unknown()),
    /** Declares a write safe to repeat (it changes nothing the second time); only then is a non-GET retried. */
    idempotent: v.optional(v.boolean('idempotent must be true or false')),
  });
}

/** A request to an endpoint the SDK does not model. */
export type RawRequest = v.InferInput<typeof rawRequestSchema>;

/** Checks a raw request (its path must stay under `/api/dataframer/`) and describes it. */
export function buildRawRequest(request: RawRequest): RequestDescription {
  const { method, path, query, body, idempotent } = checkParams(rawRequestSchema, request, 'request');
  const absolute = path.startsWith('/') ? path : `${API_PREFIX}/${path}`;
  // Resolved the way a URL parser will: dot segments, backslashes and `//` cannot leave the API's path.
  const resolved = new URL(absolute, 'http://api.invalid');
  if (
    resolved.host !== 'api.invalid' ||
    resolved.pathname !== absolute ||
    resolved.search !== '' ||
    resolved.hash !== '' ||
    !absolute.startsWith(`${API_PREFIX}/`)
  ) {
    checkParams(
      v.never(`path must be a path under ${API_PREFIX}/ without a query, fragment or dot segments (put the query in "query")`),
      path,
      'request',
      'path',
    );
  }
  const described: RequestDescription = { method, path: absolute, retry: method === 'GET' || idempotent === true ? 'safe' : 'none' };
  const entries = Object.entries(query ?? {}).filter(([, value]) => value !== undefined);
  if (entries.length > 0) described.query = Object.fromEntries(entries.map(([key, value]) => [key, String(value)]));
  if (body !== undefined) described.body = body;
  return described;
}

/** Any endpoint, with the SDK's auth, deadline, retries (reads and declared-idempotent writes only), errors, redaction and logging. */
export const rawRequestOperation: Operation<RawRequest, unknown> = {
  name: 'request',
  build: buildRawRequest,
  // The shape is the caller's business: the parsed JSON, or undefined for an empty answer.
  parse: (response) => response.body,
};

/**
 * Sends a request to an endpoint the SDK does not model (the contract's legacy generated-files, evaluations
 * and status routes, or newer ones) and answers its parsed JSON body.
 */
export function request<T = unknown>(transport: Transport, raw: RawRequest, options?: CallOptions): Promise<T> {
  return transport.send(rawRequestOperation, raw, options) as Promise<T>;
}
