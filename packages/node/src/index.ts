import { createDataframerClient, type DataframerClient } from '@df/core';
import { createNodeTransport, type NodeClientOptions } from './createNodeTransport';

export * from '@df/core';
export { createNodeFetch } from './createNodeFetch';
export type { NodeFetch, NodeFetchOptions } from './createNodeFetch';
export { createNodeTransport } from './createNodeTransport';
export type { NodeClientOptions, NodeTransport } from './createNodeTransport';

/** The full client plus `close()`, which frees the connection pool. */
export interface NodeClient extends DataframerClient {
  /** Closes idle connections; the process would exit without it, this just makes it immediate. */
  close(): Promise<void>;
}

/** Creates a Dataframer client for Node.js. */
export function createClient(options: NodeClientOptions = {}): NodeClient {
  const transport = createNodeTransport(options);
  return { ...createDataframerClient(transport), close: transport.close };
}
