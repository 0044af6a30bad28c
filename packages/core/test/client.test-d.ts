import { describe, expectTypeOf, it } from 'vitest';
import {
  createDataframerClient,
  iterateRunSamples,
  type AbortError,
  type ApiError,
  type AuthenticationError,
  type BadRequestError,
  type CallbackError,
  type ConflictError,
  type ConnectionError,
  type CostLimitError,
  type DataframerError,
  type NotFoundError,
  type OutcomeUnknownError,
  type PermissionDeniedError,
  type RateLimitError,
  type RequestValidationError,
  type ResponseValidationError,
  type ServerError,
  type TimeoutError,
  type UnprocessableEntityError,
  type ApiErrorDetails,
  type CallbackStage,
  type DataframerErrorOptions,
  type Operation,
  type RawResponse,
  type ResponseInfo,
  type SchemaMode,
  type StoppedDetails,
  deadlineError,
  type CallOptions,
  type CreateCallOptions,
  type CreateRunParams,
  type CreateRunResult,
  type DataframerClient,
  type DataframerErrorCode,
  type GeneratedOutput,
  type Health,
  type IterateRunSamplesOptions,
  type ListRunSamplesParams,
  type ModelList,
  type RawRequest,
  type RetrieveSpecParams,
  type Run,
  type RunDetail,
  type RunFilesDownload,
  type RunFilesState,
  type SampleList,
  type Spec,
  type SpecListItem,
  type Transport,
  type UploadFile,
  type ValidationIssue,
  type WaitForRunFilesOptions,
  type WaitForRunOptions,
  type ApiKeyRotation,
  type CreateEvaluationParams,
  type Evaluation,
  type EvaluationProgress,
  type EvaluationStatus,
  type EvaluationSummary,
  type WaitForEvaluationOptions,
  createEvaluation,
  listRunEvaluations,
  retrieveEvaluation,
  rotateApiKey,
  waitForEvaluation,
} from '../src/index';

declare const transport: Transport;
const client = createDataframerClient(transport);

describe('the client a user calls', () => {
  it('is made from a transport', () => {
    expectTypeOf(createDataframerClient).toEqualTypeOf<<F = UploadFile>(transport: Transport) => DataframerClient<F>>();
    expectTypeOf(client.transport).toEqualTypeOf<Transport>();
  });

  it('runs: list, retrieve, create, cancel, delete', () => {
    expectTypeOf(client.runs.list).toEqualTypeOf<(options?: CallOptions) => Promise<Run[]>>();
    expectTypeOf(client.runs.retrieve).toEqualTypeOf<(runId: string, options?: CallOptions) => Promise<RunDetail>>();
    expectTypeOf(client.runs.create).toEqualTypeOf<(params: CreateRunParams, options?: CreateCallOptions) => Promise<CreateRunResult>>();
    expectTypeOf(client.runs.cancel).toEqualTypeOf<(runId: string, options?: CallOptions) => Promise<void>>();
    expectTypeOf(client.runs.delete).toEqualTypeOf<(runId: string, options?: CallOptions) => Promise<void>>();
    expectTypeOf<CreateCallOptions['idempotencyKey']>().toEqualTypeOf<string | undefined>();
    // @ts-expect-error a create needs its spec and sample count
    void client.runs.create({});
  });

  it('runs: samples, one page or all of them', () => {
    expectTypeOf(client.runs.samples).toEqualTypeOf<
      (runId: string, page?: Omit<ListRunSamplesParams, 'runId'>, options?: CallOptions) => Promise<SampleList>
    >();
    expectTypeOf(client.runs.allSamples).toEqualTypeOf<
      (runId: string, options?: IterateRunSamplesOptions) => AsyncGenerator<GeneratedOutput, void, undefined>
    >();
  });

  it('runs: waiting for the run and for its files', () => {
    expectTypeOf(client.runs.wait).toEqualTypeOf<(runId: string, options?: WaitForRunOptions) => Promise<RunDetail>>();
    expectTypeOf(client.runs.requestFiles).toEqualTypeOf<(runId: string, options?: CallOptions) => Promise<RunFilesState>>();
    expectTypeOf(client.runs.waitForFiles).toEqualTypeOf<(runId: string, options?: WaitForRunFilesOptions) => Promise<RunFilesDownload>>();
    expectTypeOf<Extract<RunFilesState, { state: 'ready' }>['download_url']>().toEqualTypeOf<string>();
    expectTypeOf<Extract<RunFilesState, { state: 'building' }>>().toEqualTypeOf<{ state: 'building' }>();
  });

  it("evaluations: create, retrieve, wait, and the list of a run's", () => {
    expectTypeOf(client.evaluations.create).toEqualTypeOf<
      (params: CreateEvaluationParams, options?: CreateCallOptions) => Promise<Evaluation>
    >();
    expectTypeOf(client.evaluations.retrieve).toEqualTypeOf<(evaluationId: string, options?: CallOptions) => Promise<Evaluation>>();
    expectTypeOf(client.evaluations.wait).toEqualTypeOf<
      (evaluationId: string, options?: WaitForEvaluationOptions) => Promise<Evaluation>
    >();
    expectTypeOf(client.runs.evaluations).toEqualTypeOf<(runId: string, options?: CallOptions) => Promise<EvaluationSummary[]>>();
    expectTypeOf(createEvaluation).toEqualTypeOf<
      (transport: Transport, params: CreateEvaluationParams, options?: CreateCallOptions) => Promise<Evaluation>
    >();
    expectTypeOf(retrieveEvaluation).toEqualTypeOf<
      (transport: Transport, evaluationId: string, options?: CallOptions) => Promise<Evaluation>
    >();
    expectTypeOf(waitForEvaluation).toEqualTypeOf<
      (transport: Transport, evaluationId: string, options?: WaitForEvaluationOptions) => Promise<Evaluation>
    >();
    expectTypeOf(listRunEvaluations).toEqualTypeOf<
      (transport: Transport, runId: string, options?: CallOptions) => Promise<EvaluationSummary[]>
    >();
    expectTypeOf<CreateEvaluationParams>().toEqualTypeOf<{ run_id: string; evaluation_model?: string | undefined }>();
    expectTypeOf<Evaluation['id']>().toEqualTypeOf<string>();
    expectTypeOf<Evaluation['status']>().toEqualTypeOf<EvaluationStatus>();
    expectTypeOf<Evaluation['conformance_score']>().toEqualTypeOf<number | null | undefined>();
    expectTypeOf<EvaluationSummary['conformance_score']>().toEqualTypeOf<number | null | undefined>();
    expectTypeOf<WaitForEvaluationOptions['onProgress']>().toEqualTypeOf<((progress: EvaluationProgress) => void) | undefined>();
    expectTypeOf<EvaluationProgress>().toEqualTypeOf<{
      evaluation: Evaluation;
      status: EvaluationStatus;
      elapsedMs: number;
      terminal: boolean;
    }>();
    // @ts-expect-error an evaluation needs the run it scores
    void client.evaluations.create({});
  });

  it('apiKeys: rotate, answering the new key', () => {
    expectTypeOf(client.apiKeys.rotate).toEqualTypeOf<(options?: CallOptions) => Promise<ApiKeyRotation>>();
    expectTypeOf(rotateApiKey).toEqualTypeOf<(transport: Transport, options?: CallOptions) => Promise<ApiKeyRotation>>();
    expectTypeOf<ApiKeyRotation['api_key']>().toEqualTypeOf<string>();
    expectTypeOf<ApiKeyRotation['masked_key']>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<ApiKeyRotation['expires_at']>().toEqualTypeOf<string | null | undefined>();
  });

  it('specs, models, health and any other endpoint', () => {
    expectTypeOf(client.specs.list).toEqualTypeOf<(options?: CallOptions) => Promise<SpecListItem[]>>();
    expectTypeOf(client.specs.retrieve).toEqualTypeOf<
      (specId: string, params?: Omit<RetrieveSpecParams, 'specId'>, options?: CallOptions) => Promise<Spec>
    >();
    expectTypeOf(client.models.list).toEqualTypeOf<(options?: CallOptions) => Promise<ModelList>>();
    expectTypeOf(client.health).toEqualTypeOf<(options?: CallOptions) => Promise<Health>>();
    expectTypeOf(client.request).returns.resolves.toBeUnknown();
    expectTypeOf(client.request<{ ok: boolean }>).toEqualTypeOf<(request: RawRequest, options?: CallOptions) => Promise<{ ok: boolean }>>();
  });
});

describe('iterating over samples', () => {
  it('yields one generated output at a time', async () => {
    expectTypeOf(iterateRunSamples).toEqualTypeOf<
      (transport: Transport, runId: string, options?: IterateRunSamplesOptions) => AsyncGenerator<GeneratedOutput, void, undefined>
    >();
    for await (const sample of client.runs.allSamples('run')) expectTypeOf(sample).toEqualTypeOf<GeneratedOutput>();
  });
});

describe('the errors a user catches', () => {
  it('HTTP errors carry the status, the server detail and the request id', () => {
    expectTypeOf<BadRequestError>().toExtend<ApiError>();
    expectTypeOf<AuthenticationError>().toExtend<ApiError>();
    expectTypeOf<PermissionDeniedError>().toExtend<ApiError>();
    expectTypeOf<NotFoundError>().toExtend<ApiError>();
    expectTypeOf<ConflictError>().toExtend<ApiError>();
    expectTypeOf<UnprocessableEntityError>().toExtend<ApiError>();
    expectTypeOf<RateLimitError>().toExtend<ApiError>();
    expectTypeOf<ServerError>().toExtend<ApiError>();
    expectTypeOf<ApiError>().toExtend<DataframerError>();
    expectTypeOf<ApiError['status']>().toEqualTypeOf<number>();
    expectTypeOf<ApiError['detail']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<ApiError['fieldErrors']>().toEqualTypeOf<Record<string, string[]> | undefined>();
    expectTypeOf<ApiError['requestId']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<RateLimitError['retryAfterMs']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<AuthenticationError['keyHint']>().toEqualTypeOf<string | undefined>();
  });

  it('every error names its kind and whether trying again can help', () => {
    expectTypeOf<DataframerError>().toExtend<Error>();
    expectTypeOf<DataframerError['code']>().toEqualTypeOf<DataframerErrorCode>();
    expectTypeOf<DataframerError['retryable']>().toEqualTypeOf<boolean>();
    expectTypeOf<DataframerError['attempts']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<DataframerError['request']>().toEqualTypeOf<string | undefined>();
  });

  it('the other errors carry what a caller acts on', () => {
    expectTypeOf<OutcomeUnknownError['idempotencyKey']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<RequestValidationError['issues']>().toEqualTypeOf<ValidationIssue[]>();
    expectTypeOf<ResponseValidationError['issues']>().toEqualTypeOf<ValidationIssue[]>();
    expectTypeOf<ResponseValidationError['status']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<ValidationIssue>().toEqualTypeOf<{ path: string; message: string }>();
    expectTypeOf<ConnectionError['causeCode']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<TimeoutError<RunDetail>['timeoutMs']>().toEqualTypeOf<number>();
    expectTypeOf<TimeoutError<RunDetail>['last']>().toEqualTypeOf<RunDetail | undefined>();
    expectTypeOf<AbortError<RunDetail>['last']>().toEqualTypeOf<RunDetail | undefined>();
    expectTypeOf<CostLimitError<RunDetail>['last']>().toEqualTypeOf<RunDetail>();
    expectTypeOf<CostLimitError['maxCost']>().toEqualTypeOf<number>();
    expectTypeOf<CostLimitError['canceled']>().toEqualTypeOf<boolean>();
    expectTypeOf<CallbackError['stage']>().toEqualTypeOf<CallbackStage>();
    expectTypeOf<CallbackError['requestSent']>().toEqualTypeOf<boolean>();
  });

  it('the types named by those signatures are the ones exported', () => {
    expectTypeOf<NonNullable<CallOptions['onResponse']>>().parameter(0).toEqualTypeOf<ResponseInfo>();
    expectTypeOf<Operation<unknown, unknown>['parse']>().toEqualTypeOf<(response: RawResponse, mode: SchemaMode) => unknown>();
    expectTypeOf<ConstructorParameters<typeof ApiError>[1]>().toEqualTypeOf<ApiErrorDetails>();
    expectTypeOf<ApiErrorDetails>().toExtend<DataframerErrorOptions>();
    expectTypeOf(deadlineError<RunDetail>)
      .parameter(3)
      .toEqualTypeOf<StoppedDetails<RunDetail>>();
    expectTypeOf<StoppedDetails<RunDetail>>().toExtend<DataframerErrorOptions>();
  });
});

describe('seed datasets and specs', () => {
  it('take files as Blobs, Files or { name, data }, never as paths', () => {
    const client = createDataframerClient({} as import('../src/index').Transport);
    expectTypeOf(client.datasets.create).parameter(0).toEqualTypeOf<import('../src/index').CreateDatasetParams>();
    expectTypeOf<import('../src/index').UploadFile>().toEqualTypeOf<Blob | { name: string; data: Blob }>();
    expectTypeOf<string>().not.toExtend<import('../src/index').UploadFile>();
    expectTypeOf(client.datasets.create).returns.resolves.toEqualTypeOf<import('../src/index').SeedDataset>();
    expectTypeOf(client.datasets.createFromZip).returns.resolves.toEqualTypeOf<import('../src/index').SeedDataset>();
    expectTypeOf(client.datasets.list).returns.resolves.toEqualTypeOf<import('../src/index').DatasetListItem[]>();
    expectTypeOf(client.datasets.retrieve).parameters.toEqualTypeOf<[string, CallOptions?]>();
    expectTypeOf(client.datasets.delete).returns.resolves.toEqualTypeOf<void>();
  });

  it('take upload options: progress and a lost answer recovered', () => {
    expectTypeOf<import('../src/index').UploadCallOptions>().toExtend<CreateCallOptions>();
    expectTypeOf<NonNullable<import('../src/index').UploadCallOptions['onUploadProgress']>>().parameter(0).toEqualTypeOf<{
      sentBytes: number;
      totalBytes: number;
    }>();
    expectTypeOf<NonNullable<import('../src/index').UploadCallOptions['onRecovered']>>().parameter(0).toEqualTypeOf<string>();
  });

  it('give the fields a dataset is used by, and the spec methods their shapes', () => {
    type SeedDataset = import('../src/index').SeedDataset;
    expectTypeOf<SeedDataset['id']>().toEqualTypeOf<string>();
    expectTypeOf<SeedDataset['name']>().toEqualTypeOf<string>();
    expectTypeOf<SeedDataset['file_count']>().toEqualTypeOf<number | null | undefined>();
    const client = createDataframerClient({} as import('../src/index').Transport);
    expectTypeOf(client.specs.create).returns.resolves.toEqualTypeOf<import('../src/index').CreateSpecResult>();
    expectTypeOf<import('../src/index').CreateSpecResult['id']>().toEqualTypeOf<string>();
    expectTypeOf(client.specs.wait).returns.resolves.toEqualTypeOf<Spec>();
    expectTypeOf(client.specs.replace).parameter(1).toEqualTypeOf<{ content_yaml: string }>();
    expectTypeOf(client.specs.replace).returns.resolves.toEqualTypeOf<Spec>();
  });
});
