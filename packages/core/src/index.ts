export { createTransport, DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS } from './createTransport';
export type { ClientHooks, Logger, TransportOptions } from './createTransport';
export { DEFAULT_BASE_URL } from './internal/baseUrl';
export { RETRYABLE_STATUSES } from './internal/retryableStatuses';
export { createDataframerClient } from './createDataframerClient';
export type { DataframerClient } from './createDataframerClient';
export type { CallOptions, CreateCallOptions, Operation, RequestDescription, ResponseInfo, Runtime, Transport } from './operations/Operation';

export { buildListRunsRequest, listRuns, listRunsOperation } from './operations/listRuns';
export { buildRetrieveRunRequest, retrieveRun, retrieveRunOperation } from './operations/retrieveRun';
export { buildCreateRunRequest, createRun, createRunOperation, MAX_SAMPLES_PER_RUN } from './operations/createRun';
export type { CreateRunParams, GenerationModel } from './operations/createRun';
export { buildCancelRunRequest, cancelRun, cancelRunOperation } from './operations/cancelRun';
export { buildDeleteRunRequest, deleteRun, deleteRunOperation } from './operations/deleteRun';
export { buildListRunSamplesRequest, listRunSamples, listRunSamplesOperation, MAX_SAMPLES_PAGE } from './operations/listRunSamples';
export type { ListRunSamplesParams } from './operations/listRunSamples';
export { buildRequestRunFilesRequest, requestRunFiles, requestRunFilesOperation } from './operations/requestRunFiles';
export type { RunFilesState } from './operations/requestRunFiles';
export { waitForRun, runProgress, describeRun } from './operations/waitForRun';
export type { RunProgress, WaitForRunOptions } from './operations/waitForRun';
export { waitForRunFiles } from './operations/waitForRunFiles';
export type { WaitForRunFilesOptions } from './operations/waitForRunFiles';
export { buildListSpecsRequest, listSpecs, listSpecsOperation } from './operations/listSpecs';
export { buildRetrieveSpecRequest, retrieveSpec, retrieveSpecOperation } from './operations/retrieveSpec';
export type { RetrieveSpecParams } from './operations/retrieveSpec';
export { buildListModelsRequest, listModels, listModelsOperation } from './operations/listModels';
export { buildCheckHealthRequest, checkHealth, checkHealthOperation } from './operations/checkHealth';

export {
  RUN_STATUSES,
  TERMINAL_RUN_STATUSES,
  DATASET_TYPES,
  isTerminalStatus,
  runSchema,
  runListSchema,
  runDetailSchema,
  runtimeParamsSchema,
  generatedFileSchema,
} from './schemas/runSchema';
export type { Run, RunDetail, RunStatus, TerminalRunStatus, DatasetType, RuntimeParams, GeneratedFile } from './schemas/runSchema';
export {
  SPEC_STATUSES,
  createRunResultSchema,
  runFilesDownloadSchema,
  sampleListSchema,
  specSchema,
  specListSchema,
  freeObjectSchema,
} from './schemas/otherSchemas';
export type { CreateRunResult, RunFilesDownload, SampleList, Spec, SpecListItem, ModelList, Health } from './schemas/otherSchemas';
export { lenientSchemas } from './schemas/SchemaMode';
export type { SchemaMode, Schema } from './schemas/SchemaMode';
export { strictSchemas } from './schemas/strictSchemas';
export { fastLenientSchemas } from './schemas/fastLenientSchemas';

export { DataframerError } from './errors/DataframerError';
export type { DataframerErrorCode, DataframerErrorOptions } from './errors/DataframerError';
export {
  ApiError,
  BadRequestError,
  AuthenticationError,
  PermissionDeniedError,
  NotFoundError,
  ConflictError,
  UnprocessableEntityError,
  RateLimitError,
  ServerError,
} from './errors/ApiError';
export type { ApiErrorDetails } from './errors/ApiError';
export {
  ConnectionError,
  TimeoutError,
  AbortError,
  OutcomeUnknownError,
  ResponseValidationError,
  RequestValidationError,
  ConfigurationError,
} from './errors/errors';
export type { ValidationIssue } from './errors/errors';
export { redact, maskKey } from './redact';
