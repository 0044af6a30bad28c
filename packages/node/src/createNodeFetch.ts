import type { Agent } from 'undici';
import type { Runtime } from '@df/core';

/** A fetch for Node with its own connection pool, and the pool's close function. */
export interface NodeFetch {
  fetch: Runtime['fetch'];
  close(): Promise<void>;
}

/**
 * Creates a fetch whose header and body timeouts are off, so only the client's own deadline ends a call.
 * Node's built-in fetch gives up after 300 s without response headers whatever the caller asked for.
 * undici is loaded at the first request, so creating a client (or passing your own fetch) costs nothing.
 */
export function createNodeFetch(): NodeFetch {
  let loaded: Promise<{ send: typeof import('undici').fetch; pool: Agent }> | undefined;
  const load = () =>
    (loaded ??= import('undici').then(({ Agent, fetch }) => ({
      send: fetch,
      pool: new Agent({ headersTimeout: 0, bodyTimeout: 0 }),
    })));
  const fetch: Runtime['fetch'] = async (url, init) => {
    const { send, pool } = await load();
    return send(url, { ...(init as object), dispatcher: pool } as Parameters<typeof send>[1]);
  };
  return {
    fetch,
    close: async () => {
      if (!loaded) return;
      // Bun's built-in undici has an Agent without close(); its pool needs no closing.
      const pool = (await loaded).pool as Partial<Agent>;
      await pool.close?.();
    },
  };
}
