import {
  API_KEY_LOCATION,
  checkOptions,
  clientOptionsCheck,
  optionCheck,
  createTransport,
  DEFAULT_BASE_URL,
  fastLenientSchemas,
  type ClientHooks,
  type Logger,
  type Runtime,
  type SchemaMode,
  type Transport,
} from '@df/core';
import { createNodeFetch, type NodeFetch } from './createNodeFetch';
import { openUploadFile } from './internal/openUploadFile';

declare const __PACKAGE_VERSION__: string;

/** Options of the Node client and transport; every one is optional. */
export interface NodeClientOptions {
  /** API key; defaults to the `DATAFRAMER_API_KEY` environment variable, read at each call. */
  apiKey?: string;
  /** Where `apiKey` came from, named with the masked key when it is refused (401) or lacks permission (403); default `the apiKey option`. */
  apiKeySource?: string;
  /** Server root; defaults to `DATAFRAMER_BASE_URL`, then `https://df-api.dataframer.ai` (`…/api/dataframer` is accepted too). */
  baseUrl?: string;
  /** A fetch to use instead of the built-in one (whose own header and body timeouts are switched off in favour of `timeoutMs`). */
  fetch?: Runtime['fetch'];
  /** Proxy for every request; defaults to `HTTPS_PROXY` / `HTTP_PROXY`, with `NO_PROXY` respected. */
  proxy?: string;
  /** Deadline per call, every retry included (default 60 000 ms); a finite number, so it cannot be switched off by accident. */
  timeoutMs?: number;
  /** Retries after the first attempt (default 2, at most 20). */
  maxRetries?: number;
  /** The largest JSON answer read, in bytes (default 256 MiB). */
  maxResponseBytes?: number;
  /** How responses are checked: lenient by default; `strictSchemas` rejects unknown fields and statuses (contract tests). */
  schemas?: SchemaMode;
  /** Receives redacted debug lines; `DATAFRAMER_LOG=debug` logs to stderr when no logger is given. */
  logger?: Logger;
  /** Your own ky `beforeRequest` and `afterResponse` hooks (tracing headers, metrics); nothing they receive holds the key. */
  hooks?: ClientHooks;
  /** Environment to read; defaults to `process.env`. */
  env?: Record<string, string | undefined>;
}

/** A transport with the connection pool it owns. */
export interface NodeTransport extends Transport {
  /** Closes idle connections; the process would exit without it, this just makes it immediate. */
  close(): Promise<void>;
}

const isObject = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown) => typeof value === 'string';

/** The options `createClient` takes in Node: every runtime's, and the key's source, a proxy and the environment. */
const nodeOptionsSchema = /* @__PURE__ */ clientOptionsCheck({
  apiKeySource: optionCheck('apiKeySource', 'a string', isString),
  proxy: optionCheck('proxy', 'a string', isString),
  env: optionCheck('env', 'an object', isObject),
});

/** Creates a transport for the standalone operations (`listRuns(transport)`, …) from Node's fetch, timers and environment. */
export function createNodeTransport(options: NodeClientOptions = {}): NodeTransport {
  checkOptions(nodeOptionsSchema, options, 'createClient');
  const env = options.env ?? process.env;
  const own = options.fetch ? undefined : createNodeFetch({ env, ...(options.proxy !== undefined && { proxy: options.proxy }) });
  const fetch: Runtime['fetch'] = options.fetch ?? ((request, init) => (own as NodeFetch).fetch(request, init));
  const logger =
    options.logger ??
    (env['DATAFRAMER_LOG'] === 'debug' ? { debug: (line: string) => process.stderr.write(`[dataframer] ${line}\n`) } : undefined);
  const transport = createTransport({
    ...options,
    baseUrl: options.baseUrl ?? (env['DATAFRAMER_BASE_URL'] || DEFAULT_BASE_URL),
    runtime: {
      fetch,
      setTimeout: (callback, ms) => setTimeout(callback, ms),
      clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
      now: () => Date.now(),
      random: () => Math.random(),
      randomUUID: () => globalThis.crypto.randomUUID(),
      openFile: openUploadFile,
      streamsRequestBodies: true,
    },
    getToken: () => options.apiKey ?? env['DATAFRAMER_API_KEY'],
    tokenSource: () => (options.apiKey !== undefined ? (options.apiKeySource ?? 'the apiKey option') : 'DATAFRAMER_API_KEY'),
    missingTokenMessage:
      'No Dataframer API key. Set the DATAFRAMER_API_KEY environment variable (export DATAFRAMER_API_KEY=sk_live_...) ' +
      `or pass { apiKey } to createClient(). Keys are under ${API_KEY_LOCATION}.`,
    headers: { 'user-agent': `dataframer-node/${__PACKAGE_VERSION__} node/${process.version}` },
    schemas: options.schemas ?? fastLenientSchemas,
    ...(logger !== undefined && { logger }),
  });
  return { ...transport, close: async () => own?.close() };
}
