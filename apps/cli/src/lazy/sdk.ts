import { createClient, createNodeFetch, type NodeClient, type NodeClientOptions, type NodeFetch, type NodeFetchOptions } from '@df/node';

/** Creates an API client; in its own module so the bin loads the SDK only when a command talks to the API. */
export function createSdkClient(options: NodeClientOptions): NodeClient {
  return createClient(options);
}

/** Creates the SDK's fetch for Node (undici with its timeouts off, HTTPS_PROXY/HTTP_PROXY/NO_PROXY honoured). */
export function createSdkFetch(options: NodeFetchOptions): NodeFetch {
  return createNodeFetch(options);
}
