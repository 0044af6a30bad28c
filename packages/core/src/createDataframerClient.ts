import type { CallOptions, CreateCallOptions, Transport, UploadCallOptions, UploadFile } from './types';
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
import { createEvaluation, type CreateEvaluationParams } from './operations/createEvaluation';
import { retrieveEvaluation } from './operations/retrieveEvaluation';
import { waitForEvaluation, type WaitForEvaluationOptions } from './operations/waitForEvaluation';
import { listRunEvaluations } from './operations/listRunEvaluations';
import { rotateApiKey } from './operations/rotateApiKey';
import type { ApiKeyRotation } from './schemas/apiKeyRotationSchema';
import type { Evaluation, EvaluationSummary } from './schemas/evaluationSchema';
import { createDataset, type CreateDatasetParams } from './operations/createDataset';
import { createDatasetFromZip, type CreateDatasetFromZipParams } from './operations/createDatasetFromZip';
import { retrieveDataset } from './operations/retrieveDataset';
import { listDatasets } from './operations/listDatasets';
import { deleteDataset } from './operations/deleteDataset';
import { createSpec, type CreateSpecParams } from './operations/createSpec';
import { waitForSpec, type WaitForSpecOptions } from './operations/waitForSpec';
import { replaceSpec } from './operations/replaceSpec';
import type { CreateSpecResult } from './schemas/createSpecResultSchema';
import type { DatasetListItem } from './schemas/datasetListSchema';
import type { SeedDataset } from './schemas/seedDatasetSchema';
import type { CreateRunResult } from './schemas/createRunResultSchema';
import type { Health, ModelList } from './schemas/freeObjectSchema';
import type { RunFilesDownload } from './schemas/runFilesDownloadSchema';
import type { Run, RunDetail } from './schemas/runSchema';
import type { GeneratedOutput, SampleList } from './schemas/sampleListSchema';
import type { SpecListItem } from './schemas/specListSchema';
import type { Spec } from './schemas/specSchema';

/** The whole API as methods; each method is also importable alone as a function taking the transport. `F` is what an upload takes as a file. */
export interface DataframerClient<F = UploadFile> {
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
    /** The evaluations of the run, as summaries. */
    evaluations(runId: string, options?: CallOptions): Promise<EvaluationSummary[]>;
  };
  evaluations: {
    /** Starts scoring a SUCCEEDED run; never sent twice by accident. */
    create(params: CreateEvaluationParams, options?: CreateCallOptions): Promise<Evaluation>;
    /** Fetches one evaluation with its score and analysis once it has them. */
    retrieve(evaluationId: string, options?: CallOptions): Promise<Evaluation>;
    /** Polls until the evaluation succeeded or failed and returns it (a FAILED one too). */
    wait(evaluationId: string, options?: WaitForEvaluationOptions): Promise<Evaluation>;
  };
  apiKeys: {
    /** Rotates the key: the old one stops working and this client sends the new one from then on; store the `api_key` it answers. */
    rotate(options?: CallOptions): Promise<ApiKeyRotation>;
  };
  datasets: {
    /** Uploads files as a new seed dataset, every limit checked before a byte is sent; never sent twice by accident. */
    create(params: CreateDatasetParams<F>, options?: UploadCallOptions): Promise<SeedDataset>;
    /** Uploads one ZIP as a new seed dataset (the server tells its type from the layout). */
    createFromZip(params: CreateDatasetFromZipParams<F>, options?: UploadCallOptions): Promise<SeedDataset>;
    /** Fetches one seed dataset with its files. */
    retrieve(datasetId: string, options?: CallOptions): Promise<SeedDataset>;
    /** Lists the company's seed datasets. */
    list(options?: CallOptions): Promise<DatasetListItem[]>;
    /** Deletes a seed dataset and its files. */
    delete(datasetId: string, options?: CallOptions): Promise<void>;
  };
  specs: {
    list(options?: CallOptions): Promise<SpecListItem[]>;
    retrieve(specId: string, params?: Omit<RetrieveSpecParams, 'specId'>, options?: CallOptions): Promise<Spec>;
    /** Starts generating a spec from a seed dataset or from objectives; answers its id (follow it with `wait`). */
    create(params: CreateSpecParams, options?: UploadCallOptions): Promise<CreateSpecResult>;
    /** Polls until the spec is SUCCEEDED (READY on older servers) or FAILED and returns it. */
    wait(specId: string, options?: WaitForSpecOptions): Promise<Spec>;
    /** Replaces the spec's YAML, which makes a new version, and returns the spec. */
    replace(specId: string, params: { content_yaml: string }, options?: CreateCallOptions): Promise<Spec>;
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
export function createDataframerClient<F = UploadFile>(transport: Transport): DataframerClient<F> {
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
      evaluations: (runId, options) => listRunEvaluations(transport, runId, options),
    },
    evaluations: {
      create: (params, options) => createEvaluation(transport, params, options),
      retrieve: (evaluationId, options) => retrieveEvaluation(transport, evaluationId, options),
      wait: (evaluationId, options) => waitForEvaluation(transport, evaluationId, options),
    },
    apiKeys: { rotate: (options) => rotateApiKey(transport, options) },
    // Paths among the files are opened by the runtime (`Runtime.openFile`), so the same functions serve every `F`.
    datasets: {
      create: (params, options) => createDataset(transport, params as CreateDatasetParams, options),
      createFromZip: (params, options) => createDatasetFromZip(transport, params as CreateDatasetFromZipParams, options),
      retrieve: (datasetId, options) => retrieveDataset(transport, datasetId, options),
      list: (options) => listDatasets(transport, options),
      delete: (datasetId, options) => deleteDataset(transport, datasetId, options),
    },
    specs: {
      list: (options) => listSpecs(transport, options),
      retrieve: (specId, params, options) => retrieveSpec(transport, { ...params, specId }, options),
      create: (params, options) => createSpec(transport, params, options),
      wait: (specId, options) => waitForSpec(transport, specId, options),
      replace: (specId, params, options) => replaceSpec(transport, { ...params, specId }, options),
    },
    models: { list: (options) => listModels(transport, options) },
    health: (options) => checkHealth(transport, options),
    request: (raw, options) => request(transport, raw, options),
    transport,
  };
}
