import { createClient, type NodeClient, type NodeClientOptions } from '@df/node';

/** Creates an API client; in its own module so the bin loads the SDK only when a command talks to the API. */
export function createSdkClient(options: NodeClientOptions): NodeClient {
  return createClient(options);
}
