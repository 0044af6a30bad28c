import {
  createDataframerClient,
  createTransport,
  fastLenientSchemas,
  strictSchemas,
  type DataframerClient,
  type Logger,
  type Runtime,
} from '@df/core';
import { createNodeFetch } from './createNodeFetch';

export * from '@df/core';
export { createNodeFetch } from './createNodeFetch';

declare const __PACKAGE_VERSION__: string;

/** The production server. */
export const DEFAULT_BASE_URL = 'https://df-api.dataframer.ai';

/** Options of the Node client; every one is optional. */
export interface NodeClientOptions {
  /** API key; defaults to the `DATAFRAMER_API_KEY` environment variable, read at each call. */
  apiKey?: string;
  /** Server root; defaults to `DATAFRAMER_BASE_URL`, then `https://df-api.dataframer.ai`. */
  baseUrl?: string;
  /** A fetch to use instead of the built-in one (whose own header and body timeouts are switched off in favour of `timeoutMs`). */
  fetch?: Runtime['fetch'];
  /** Deadline per call, every retry included (default 60 000 ms). */
  timeoutMs?: number;
  /** Retries after the first attempt (default 2). */
  maxRetries?: number;
  /** Receives redacted debug lines; `DATAFRAMER_LOG=debug` logs to stderr when no logger is given. */
  logger?: Logger;
  /** Reject unknown fields and statuses (for contract tests); default lenient. */
  strict?: boolean;
  /** Environment to read; defaults to `process.env`. */
  env?: Record<string, string | undefined>;
}

/** The full client plus `close()`, which frees the connection pool. */
export interface NodeClient extends DataframerClient {
  /** Closes idle connections; the process would exit without it, this just makes it immediate. */
  close(): Promise<void>;
}

/** Creates a Dataframer client for Node.js. */
export function createClient(options: NodeClientOptions = {}): NodeClient {
  const env = options.env ?? process.env;
  const own = options.fetch ? undefined : createNodeFetch();
  const logger =
    options.logger ?? (env['DATAFRAMER_LOG'] === 'debug' ? { debug: (line: string) => process.stderr.write(`[dataframer] ${line}\n`) } : undefined);
  const transport = createTransport({
    baseUrl: options.baseUrl ?? (env['DATAFRAMER_BASE_URL'] || DEFAULT_BASE_URL),
    runtime: {
      fetch: options.fetch ?? own!.fetch,
      setTimeout: (callback, ms) => setTimeout(callback, ms),
      clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
      now: () => Date.now(),
      random: () => Math.random(),
      randomUUID: () => globalThis.crypto.randomUUID(),
    },
    getToken: () => options.apiKey ?? env['DATAFRAMER_API_KEY'],
    missingTokenMessage:
      'No Dataframer API key. Set the DATAFRAMER_API_KEY environment variable (export DATAFRAMER_API_KEY=sk_live_...) ' +
      'or pass { apiKey } to createClient(). Keys are under Account → API Key at app.aimon.ai.',
    headers: { 'user-agent': `dataframer-node/${__PACKAGE_VERSION__} node/${process.version}` },
    ...(options.timeoutMs !== undefined && { timeoutMs: options.timeoutMs }),
    ...(options.maxRetries !== undefined && { maxRetries: options.maxRetries }),
    schemas: options.strict ? strictSchemas : fastLenientSchemas,
    ...(logger !== undefined && { logger }),
  });
  return { ...createDataframerClient(transport), close: async () => own?.close() };
}
