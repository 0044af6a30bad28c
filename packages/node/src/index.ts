import { createDataframerClient, type DataframerClient } from '@df/core';
import { createNodeTransport, type NodeClientOptions } from './createNodeTransport';
import { downloadRunFiles, type DownloadRunFilesOptions, type DownloadRunFilesResult } from './downloadRunFiles';

export * from '@df/core';
export { createNodeFetch } from './createNodeFetch';
export type { NodeFetch, NodeFetchOptions } from './createNodeFetch';
export { createNodeTransport } from './createNodeTransport';
export type { NodeClientOptions, NodeTransport } from './createNodeTransport';
export { downloadRunFiles } from './downloadRunFiles';
export type { DownloadProgress, DownloadRunFilesOptions, DownloadRunFilesResult } from './downloadRunFiles';

/** The full client plus `close()`, which frees the connection pool. */
export interface NodeClient extends DataframerClient {
  runs: DataframerClient['runs'] & {
    /** Waits for the ZIP of a run's files and saves it to `to`, complete or not at all, within one deadline. */
    download(runId: string, options: DownloadRunFilesOptions): Promise<DownloadRunFilesResult>;
  };
  /** Closes idle connections; the process would exit without it, this just makes it immediate. */
  close(): Promise<void>;
}

/** Creates a Dataframer client for Node.js. */
export function createClient(options: NodeClientOptions = {}): NodeClient {
  const transport = createNodeTransport(options);
  const client = createDataframerClient(transport);
  const download: NodeClient['runs']['download'] = (runId, o) => downloadRunFiles(transport, runId, o);
  return { ...client, runs: { ...client.runs, download }, close: transport.close };
}
