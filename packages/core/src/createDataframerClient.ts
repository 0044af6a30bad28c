import type { CallOptions, CreateCallOptions, Transport } from './types';
import { listRuns } from './operations/listRuns';
import { retrieveRun } from './operations/retrieveRun';
import { createRun, type CreateRunParams } from './operations/createRun';
import { cancelRun } from './operations/cancelRun';
import { deleteRun } from './operations/deleteRun';
import { listRunSamples, type ListRunSamplesParams } from './operations/listRunSamples';
import { iterateRunSamples, type IterateRunSamplesOptions } from './operations/iterateRunSamples';
import { requestRunFiles, type RunFilesState } from './operations/requestRunFiles';
import { waitForRun, type WaitForRunOptions } from './operations/waitForRun';
import { waitForRunFiles, type WaitForRunFilesOptions } from './operations/waitForRunFiles';
import { listSpecs } from './operations/listSpecs';
import { retrieveSpec, type RetrieveSpecParams } from './operations/retrieveSpec';
import { listModels } from './operations/listModels';
import { checkHealth } from './operations/checkHealth';
import { request, type RawRequest } from './operations/request';
import type { CreateRunResult } from './schemas/createRunResultSchema';
import type { Health, ModelList } from './schemas/freeObjectSchema';
import type { RunFilesDownload } from './schemas/runFilesDownloadSchema';
import type { Run, RunDetail } from './schemas/runSchema';
import type { GeneratedOutput, SampleList } from './schemas/sampleListSchema';
import type { SpecListItem } from './schemas/specListSchema';
import type { Spec } from './schemas/specSchema';

/** The whole API as methods; each method is also importable alone as a function taking the transport. */
export interface DataframerClient {
  runs: {
    /** Lists the company's runs, newest first. */
    list(options?: CallOptions): Promise<Run[]>;
    /** Fetches one run with its parameters, progress and files. */
    retrieve(runId: string, options?: CallOptions): Promise<RunDetail>;
    /** Starts a run (it costs money); never sent twice by accident. */
    create(params: CreateRunParams, options?: CreateCallOptions): Promise<CreateRunResult>;
    /** Cancels a pending or running run. */
    cancel(runId: string, options?: CallOptions): Promise<void>;
    /** Deletes a run and its files. */
    delete(runId: string, options?: CallOptions): Promise<void>;
    /** One page of samples in finish-time order. */
    samples(runId: string, page?: Omit<ListRunSamplesParams, 'runId'>, options?: CallOptions): Promise<SampleList>;
    /** Every sample from `offset` on, page after page until the server's total (one page in memory); `onPage` reports each page. */
    allSamples(runId: string, options?: IterateRunSamplesOptions): AsyncGenerator<GeneratedOutput, void, undefined>;
    /** Polls until the run is SUCCEEDED, FAILED or CANCELED and returns it; `maxCost` cancels it once it costs more. */
    wait(runId: string, options?: WaitForRunOptions): Promise<RunDetail>;
    /** Asks once for the ZIP of the run's files: building (202) or ready with a URL (200). */
    requestFiles(runId: string, options?: CallOptions): Promise<RunFilesState>;
    /** Polls until the ZIP of the run's files is ready and returns its URL and size. */
    waitForFiles(runId: string, options?: WaitForRunFilesOptions): Promise<RunFilesDownload>;
  };
  specs: {
    list(options?: CallOptions): Promise<SpecListItem[]>;
    retrieve(specId: string, params?: Omit<RetrieveSpecParams, 'specId'>, options?: CallOptions): Promise<Spec>;
  };
  models: {
    list(options?: CallOptions): Promise<ModelList>;
  };
  /** Checks that the service answers. */
  health(options?: CallOptions): Promise<Health>;
  /** Any endpoint the SDK does not model, with the same auth, deadline, errors and logging; answers the parsed JSON. */
  request<T = unknown>(request: RawRequest, options?: CallOptions): Promise<T>;
  /** The transport underneath, for the standalone operation functions. */
  transport: Transport;
}

/** Wraps a transport into the full client object; runtime entries call this from their `createClient`. */
export function createDataframerClient(transport: Transport): DataframerClient {
  return {
    runs: {
      list: (options) => listRuns(transport, options),
      retrieve: (runId, options) => retrieveRun(transport, runId, options),
      create: (params, options) => createRun(transport, params, options),
      cancel: (runId, options) => cancelRun(transport, runId, options),
      delete: (runId, options) => deleteRun(transport, runId, options),
      samples: (runId, page, options) => listRunSamples(transport, { ...page, runId }, options),
      allSamples: (runId, options) => iterateRunSamples(transport, runId, options),
      wait: (runId, options) => waitForRun(transport, runId, options),
      requestFiles: (runId, options) => requestRunFiles(transport, runId, options),
      waitForFiles: (runId, options) => waitForRunFiles(transport, runId, options),
    },
    specs: {
      list: (options) => listSpecs(transport, options),
      retrieve: (specId, params, options) => retrieveSpec(transport, { ...params, specId }, options),
    },
    models: { list: (options) => listModels(transport, options) },
    health: (options) => checkHealth(transport, options),
    request: (raw, options) => request(transport, raw, options),
    transport,
  };
}
