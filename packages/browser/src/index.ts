import { createDataframerClient, type DataframerClient } from '@df/core';
import { createBrowserTransport, type BrowserClientOptions } from './createBrowserTransport';

export * from '@df/core';
export { createBrowserTransport } from './createBrowserTransport';
export type { BrowserClientOptions } from './createBrowserTransport';

/** The full client; the same object `@df/node` returns, without a connection pool to close. */
export type BrowserClient = DataframerClient;

/** Creates a Dataframer client for web pages: a same-origin proxy by default, or a short-lived token from `getToken`. */
export function createClient(options: BrowserClientOptions = {}): BrowserClient {
  return createDataframerClient(createBrowserTransport(options));
}
