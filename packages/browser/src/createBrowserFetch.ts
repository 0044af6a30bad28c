import type { Runtime } from '@df/core';

/**
 * Wraps the page's fetch (or the given one) so the opaque `TypeError: Failed to fetch` says what it can mean.
 * Browsers hide the cause of a network failure from scripts on purpose, so the message lists the usual ones.
 */
export function createBrowserFetch(fetch?: Runtime['fetch']): Runtime['fetch'] {
  return async (request, init) => {
    // Looked up at each call so a fetch installed later (a test double, a service-worker shim) is used.
    const send: Runtime['fetch'] = fetch ?? globalThis.fetch;
    try {
      // Called as a plain function: a fetch invoked as a method of another object throws "Illegal invocation".
      return await (init ? send(request, init) : send(request));
    } catch (error) {
      if (error instanceof TypeError) {
        throw new TypeError(`${error.message} (the browser hides why: server down, offline, or blocked by CORS; its console says which)`);
      }
      throw error;
    }
  };
}
