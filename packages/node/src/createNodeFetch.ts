import { Agent, fetch as undiciFetch } from 'undici';
import type { Runtime } from '@df/core';

/** A fetch for Node with its own connection pool, and the pool's close function. */
export interface NodeFetch {
  fetch: Runtime['fetch'];
  close(): Promise<void>;
}

/**
 * Creates a fetch whose header and body timeouts are off, so only the client's own deadline ends a call.
 * Node's built-in fetch gives up after 300 s without response headers whatever the caller asked for.
 */
export function createNodeFetch(): NodeFetch {
  const dispatcher = new Agent({ headersTimeout: 0, bodyTimeout: 0 });
  const fetch: Runtime['fetch'] = async (url, init) => {
    const response = await undiciFetch(url, { ...(init as object), dispatcher } as Parameters<typeof undiciFetch>[1]);
    return response as unknown as Response;
  };
  return { fetch, close: () => dispatcher.close() };
}
