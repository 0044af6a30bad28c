import { describe, expectTypeOf, it } from 'vitest';
import type * as node from '../src/index';
import { createDataset, createDatasetFromZip } from '../src/index';
import {
  createClient,
  createNodeTransport,
  downloadRunFiles,
  type DataframerClient,
  type DownloadProgress,
  type DownloadRunFilesOptions,
  type DownloadRunFilesResult,
  type NodeClient,
  type NodeClientOptions,
  type NodeTransport,
  type RunDetail,
  type Transport,
} from '../src/index';

const client = createClient();

describe('the Node client', () => {
  it('is the full client plus a download and close()', () => {
    expectTypeOf(createClient).toEqualTypeOf<(options?: NodeClientOptions) => NodeClient>();
    expectTypeOf(client).toExtend<DataframerClient>();
    expectTypeOf(client.runs.retrieve).toEqualTypeOf<DataframerClient['runs']['retrieve']>();
    expectTypeOf(client.runs.retrieve).returns.resolves.toEqualTypeOf<RunDetail>();
    expectTypeOf(client.close).toEqualTypeOf<() => Promise<void>>();
    expectTypeOf(client.evaluations).toEqualTypeOf<DataframerClient['evaluations']>();
    expectTypeOf(client.runs.evaluations).toEqualTypeOf<DataframerClient['runs']['evaluations']>();
    expectTypeOf(client.apiKeys.rotate).toEqualTypeOf<DataframerClient['apiKeys']['rotate']>();
  });

  it("downloads a run's files to a path and says where and how much", () => {
    expectTypeOf(client.runs.download).toEqualTypeOf<
      (runId: string, options: DownloadRunFilesOptions) => Promise<DownloadRunFilesResult>
    >();
    expectTypeOf(downloadRunFiles).toEqualTypeOf<
      (transport: Transport, runId: string, options: DownloadRunFilesOptions) => Promise<DownloadRunFilesResult>
    >();
    expectTypeOf<DownloadRunFilesResult>().toEqualTypeOf<{ path: string; size: number }>();
    expectTypeOf<DownloadRunFilesOptions['to']>().toEqualTypeOf<string>();
    expectTypeOf<DownloadRunFilesOptions['onProgress']>().toEqualTypeOf<((progress: DownloadProgress) => void) | undefined>();
    expectTypeOf<DownloadProgress['phase']>().toEqualTypeOf<'preparing' | 'downloading'>();
    expectTypeOf<DownloadProgress['total']>().toEqualTypeOf<number | undefined>();
    // @ts-expect-error the path to write is required
    void client.runs.download('run', {});
  });

  it('the transport for standalone operations closes its pool too', () => {
    expectTypeOf(createNodeTransport).toEqualTypeOf<(options?: NodeClientOptions) => NodeTransport>();
    expectTypeOf<NodeTransport>().toExtend<Transport>();
    expectTypeOf<NodeTransport['close']>().toEqualTypeOf<() => Promise<void>>();
  });
});

describe('uploads in Node', () => {
  it('take a path as a file, in the client and the standalone functions', () => {
    expectTypeOf<string>().toExtend<node.NodeUploadFile>();
    expectTypeOf(client.datasets.create).parameter(0).toEqualTypeOf<node.CreateDatasetParams<node.NodeUploadFile>>();
    expectTypeOf(client.datasets.createFromZip).parameter(0).toEqualTypeOf<node.CreateDatasetFromZipParams<node.NodeUploadFile>>();
    expectTypeOf(createDataset).parameter(1).toEqualTypeOf<node.CreateDatasetParams<node.NodeUploadFile>>();
    expectTypeOf(createDatasetFromZip).parameter(1).toEqualTypeOf<node.CreateDatasetFromZipParams<node.NodeUploadFile>>();
    expectTypeOf(client.datasets.create).returns.resolves.toEqualTypeOf<node.SeedDataset>();
  });
});
