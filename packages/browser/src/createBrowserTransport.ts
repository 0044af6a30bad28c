import {
  checkOptions,
  clientOptionsCheck,
  optionCheck,
  ConfigurationError,
  isSecretKey,
  createTransport,
  lenientSchemas,
  type ClientHooks,
  type Logger,
  type Runtime,
  type SchemaMode,
  type Transport,
} from '@df/core';
import { createBrowserFetch } from './createBrowserFetch';
import { randomUUID } from './internal/randomUUID';
import { resolveBaseUrl } from './internal/resolveBaseUrl';
import { secretKeyRefused } from './internal/secretKeys';

/** Options of the browser client and transport; with none, calls go to this page's origin without a token (a same-origin proxy). */
export interface BrowserClientOptions {
  /** A secret API key: refused unless `dangerouslyAllowSecretKeyInBrowser` is true, since every visitor could read it. */
  apiKey?: string;
  /** Server root, absolute or relative to the page (`/dataframer-proxy`); defaults to `location.origin`. */
  baseUrl?: string;
  /** A fetch to use instead of the page's. */
  fetch?: Runtime['fetch'];
  /** Returns a short-lived token for each request (called per request, so it can refresh); none sends no Authorization header. */
  getToken?: () => string | undefined | Promise<string | undefined>;
  /** Deadline per call, every retry included (default 60 000 ms); a finite number, so it cannot be switched off by accident. */
  timeoutMs?: number;
  /** Retries after the first attempt (default 2, at most 20). */
  maxRetries?: number;
  /** The largest JSON answer read, in bytes (default 256 MiB). */
  maxResponseBytes?: number;
  /**
   * How responses are checked: lenient by default; `strictSchemas` rejects unknown fields and statuses (contract tests).
   * A value rather than a flag, so pages that never use strict checks do not ship their code.
   */
  schemas?: SchemaMode;
  /** Receives redacted debug lines. */
  logger?: Logger;
  /** Your own ky `beforeRequest` and `afterResponse` hooks (tracing headers, metrics); nothing they receive holds the key. */
  hooks?: ClientHooks;
  /** Passed to fetch: `include` when a cross-origin proxy authenticates the page by its cookies. */
  credentials?: 'omit' | 'same-origin' | 'include';
  /** Allows `apiKey` or a secret key from `getToken`, for pages only the key's owner ever opens. */
  dangerouslyAllowSecretKeyInBrowser?: boolean;
}

/** The options `createClient` takes in a browser: every runtime's, and the page's own two. */
const browserOptionsSchema = /* @__PURE__ */ clientOptionsCheck({
  credentials: optionCheck(
    'credentials',
    'omit, same-origin or include',
    (value) => value === 'omit' || value === 'same-origin' || value === 'include',
  ),
  dangerouslyAllowSecretKeyInBrowser: optionCheck(
    'dangerouslyAllowSecretKeyInBrowser',
    'true or false',
    (value) => typeof value === 'boolean',
  ),
});

/** Creates a transport for the standalone operations (`listRuns(transport)`, …) from the page's fetch, timers and location. */
export function createBrowserTransport(options: BrowserClientOptions = {}): Transport {
  checkOptions(browserOptionsSchema, options, 'createClient');
  const allowSecret = options.dangerouslyAllowSecretKeyInBrowser === true;
  if (options.apiKey !== undefined && !allowSecret) throw secretKeyRefused('the apiKey option');
  if (options.apiKey !== undefined && options.getToken)
    throw new ConfigurationError('Pass either apiKey or getToken to the browser client, not both');
  const { apiKey, getToken } = options;
  return createTransport({
    ...options,
    baseUrl: resolveBaseUrl(options.baseUrl),
    runtime: {
      fetch: createBrowserFetch(options.fetch),
      setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
      clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
      now: () => Date.now(),
      random: () => Math.random(),
      randomUUID,
    },
    getToken: getToken
      ? async () => {
          const token = await getToken();
          if (token && isSecretKey(token) && !allowSecret) throw secretKeyRefused('a token returned by getToken()');
          return token;
        }
      : () => apiKey,
    tokenSource: () => (getToken ? 'getToken()' : 'the apiKey option'),
    schemas: options.schemas ?? lenientSchemas,
  });
}
