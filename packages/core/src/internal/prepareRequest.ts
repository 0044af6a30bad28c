import type { RequestDescription, Upload, UploadProgress } from '../types';

/** What ky is handed for one call: the path under `prefixUrl` and the per-call options. */
export interface PreparedRequest {
  /** The path without its leading slash, as ky's `prefixUrl` requires. */
  input: string;
  options: {
    method: RequestDescription['method'];
    headers?: Record<string, string>;
    searchParams?: Record<string, string>;
    json?: unknown;
    /** A multipart body; its type is the Content-Type, boundary included. */
    body?: Blob;
  };
  /** `METHOD /path/` for messages and logs. */
  label: string;
  /** A form's body, which each attempt sends afresh. */
  upload?: Upload;
}

/** How a form is sent: the boundary between its parts (random, so no part holds it), and how progress is counted. */
export interface FormSending {
  boundary: string;
  streams: boolean;
  onProgress?: (progress: UploadProgress) => void;
}

/** The idempotency header a create carries on every attempt. */
export interface IdempotencyHeader {
  name: string;
  key: string;
}

/**
 * Turns a builder's request description into ky's input and options; pure, so it is tested by plain equality. A form
 * is opened as its multipart body, which each attempt sends afresh (`sending` says how).
 */
export function prepareRequest(request: RequestDescription, idempotency?: IdempotencyHeader, sending?: FormSending): PreparedRequest {
  const options: PreparedRequest['options'] = { method: request.method };
  if (idempotency) options.headers = { [idempotency.name]: idempotency.key };
  if (request.query && Object.keys(request.query).length > 0) options.searchParams = request.query;
  const prepared: PreparedRequest = { input: request.path.replace(/^\/+/, ''), options, label: `${request.method} ${request.path}` };
  if (request.form) {
    const { boundary = 'dataframer-form', streams = false, onProgress } = sending ?? {};
    const upload = request.form.open(boundary, streams, onProgress);
    options.body = upload.body;
    options.headers = { ...options.headers, 'content-type': upload.body.type };
    prepared.upload = upload;
  } else if (request.body !== undefined) options.json = request.body;
  return prepared;
}
