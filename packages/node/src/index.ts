import {
  createDataframerClient,
  createDataset as createDatasetOfCore,
  createDatasetFromZip as createDatasetFromZipOfCore,
  type CreateDatasetFromZipParams,
  type CreateDatasetParams,
  type DataframerClient,
  type SeedDataset,
  type Transport,
  type UploadCallOptions,
  type UploadFile,
} from '@df/core';
import { createNodeTransport, type NodeClientOptions } from './createNodeTransport';
import { downloadRunFiles, type DownloadRunFilesOptions, type DownloadRunFilesResult } from './downloadRunFiles';

export * from '@df/core';
export { createNodeFetch } from './createNodeFetch';
export type { NodeFetch, NodeFetchOptions } from './createNodeFetch';
export { createNodeTransport } from './createNodeTransport';
export type { NodeClientOptions, NodeTransport } from './createNodeTransport';
export { downloadRunFiles } from './downloadRunFiles';
export type { DownloadProgress, DownloadRunFilesOptions, DownloadRunFilesResult } from './downloadRunFiles';

/** A file to upload from Node.js: a Blob or File, `{ name, data }`, or a path (opened lazily; sent under its basename). */
export type NodeUploadFile = UploadFile | string;

// The transport's runtime opens paths (`openFile`), so core's functions serve; only their types take paths here.
/** Uploads files (paths too) as a new seed dataset; see `createDataset` of `@df/core`. */
export const createDataset = createDatasetOfCore as (
  transport: Transport,
  params: CreateDatasetParams<NodeUploadFile>,
  options?: UploadCallOptions,
) => Promise<SeedDataset>;
/** Uploads one ZIP (a path too) as a new seed dataset; see `createDatasetFromZip` of `@df/core`. */
export const createDatasetFromZip = createDatasetFromZipOfCore as (
  transport: Transport,
  params: CreateDatasetFromZipParams<NodeUploadFile>,
  options?: UploadCallOptions,
) => Promise<SeedDataset>;

/** The full client plus `close()`, which frees the connection pool. */
export interface NodeClient extends DataframerClient<NodeUploadFile> {
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
  const client = createDataframerClient<NodeUploadFile>(transport);
  const download: NodeClient['runs']['download'] = (runId, o) => downloadRunFiles(transport, runId, o);
  return { ...client, runs: { ...client.runs, download }, close: transport.close };
}
