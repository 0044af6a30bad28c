// The public API of @df/core, named one by one: a new export is a decision (test/exports.test.ts lists them).
export { createTransport } from './transport/createTransport';
export { checkOptions, clientOptionsCheck, optionCheck, waitOptionsCheck } from './transport/checkOptions';
export type { ClientHooks, Logger, TransportOptions } from './TransportOptions';
export { createDataframerClient } from './createDataframerClient';
export type { DataframerClient } from './createDataframerClient';
export type {
  CallOptions,
  CreateCallOptions,
  Operation,
  RawResponse,
  RequestDescription,
  ResponseInfo,
  Runtime,
  Transport,
  UploadCallOptions,
  UploadFile,
  UploadProgress,
  FormPart,
  MultipartForm,
  Upload,
  UploadAttempt,
  LostAnswer,
} from './types';
export { RETRYABLE_STATUSES } from './retryableStatuses';

export { buildListRunsRequest, listRuns, listRunsOperation } from './operations/listRuns';
export { buildRetrieveRunRequest, retrieveRun, retrieveRunOperation } from './operations/retrieveRun';
export { buildCreateRunRequest, createRun, createRunOperation, createRunParamsSchema } from './operations/createRun';
export type { CreateRunParams } from './operations/createRun';
export { buildCancelRunRequest, cancelRun, cancelRunOperation } from './operations/cancelRun';
export { buildDeleteRunRequest, deleteRun, deleteRunOperation } from './operations/deleteRun';
export {
  buildListRunSamplesRequest,
  listRunSamples,
  listRunSamplesOperation,
  listRunSamplesParamsSchema,
} from './operations/listRunSamples';
export type { ListRunSamplesParams } from './operations/listRunSamples';
export { iterateRunSamples } from './operations/iterateRunSamples';
export type { IterateRunSamplesOptions, SamplePageInfo } from './operations/iterateRunSamples';
export { buildRequestRunFilesRequest, requestRunFiles, requestRunFilesOperation } from './operations/requestRunFiles';
export type { RunFilesState } from './operations/requestRunFiles';
export { waitForRun, runProgress } from './operations/waitForRun';
export type { RunProgress, WaitForRunOptions } from './operations/waitForRun';
export { waitForRunFiles } from './operations/waitForRunFiles';
export type { WaitForRunFilesOptions } from './operations/waitForRunFiles';
export { buildListSpecsRequest, listSpecs, listSpecsOperation } from './operations/listSpecs';
export { buildRetrieveSpecRequest, retrieveSpec, retrieveSpecOperation, retrieveSpecParamsSchema } from './operations/retrieveSpec';
export type { RetrieveSpecParams } from './operations/retrieveSpec';
export { buildListModelsRequest, listModels, listModelsOperation } from './operations/listModels';
export { buildCheckHealthRequest, checkHealth, checkHealthOperation } from './operations/checkHealth';
export {
  buildCreateEvaluationRequest,
  createEvaluation,
  createEvaluationOperation,
  createEvaluationParamsSchema,
} from './operations/createEvaluation';
export type { CreateEvaluationParams } from './operations/createEvaluation';
export { buildRetrieveEvaluationRequest, retrieveEvaluation, retrieveEvaluationOperation } from './operations/retrieveEvaluation';
export { waitForEvaluation } from './operations/waitForEvaluation';
export type { EvaluationProgress, WaitForEvaluationOptions } from './operations/waitForEvaluation';
export { buildListRunEvaluationsRequest, listRunEvaluations, listRunEvaluationsOperation } from './operations/listRunEvaluations';
export { buildRotateApiKeyRequest, rotateApiKey, rotateApiKeyOperation } from './operations/rotateApiKey';
export { buildRawRequest, rawRequestOperation, rawRequestSchema, request } from './operations/request';
export type { RawRequest } from './operations/request';
export {
  buildCreateDatasetRequest,
  createDataset,
  createDatasetOperation,
  createDatasetParamsSchema,
} from './operations/createDataset';
export type { CreateDatasetParams } from './operations/createDataset';
export {
  buildCreateDatasetFromZipRequest,
  createDatasetFromZip,
  createDatasetFromZipOperation,
  createDatasetFromZipParamsSchema,
} from './operations/createDatasetFromZip';
export type { CreateDatasetFromZipParams } from './operations/createDatasetFromZip';
export { buildRetrieveDatasetRequest, retrieveDataset, retrieveDatasetOperation } from './operations/retrieveDataset';
export { buildListDatasetsRequest, listDatasets, listDatasetsOperation } from './operations/listDatasets';
export { buildDeleteDatasetRequest, deleteDataset, deleteDatasetOperation } from './operations/deleteDataset';
export { buildCreateSpecRequest, createSpec, createSpecOperation, createSpecParamsSchema } from './operations/createSpec';
export type { CreateSpecParams } from './operations/createSpec';
export { waitForSpec } from './operations/waitForSpec';
export type { SpecProgress, WaitForSpecOptions } from './operations/waitForSpec';
export { buildReplaceSpecRequest, replaceSpec, replaceSpecOperation, replaceSpecParamsSchema } from './operations/replaceSpec';
export type { ReplaceSpecParams } from './operations/replaceSpec';

export * from './constants';
export { runSchema, runListSchema, runDetailSchema, runtimeParamsSchema, generatedFileSchema } from './schemas/runSchema';
export type { Run, RunDetail, RuntimeParams, GeneratedFile } from './schemas/runSchema';
export { createRunResultSchema } from './schemas/createRunResultSchema';
export type { CreateRunResult } from './schemas/createRunResultSchema';
export { runFilesDownloadSchema } from './schemas/runFilesDownloadSchema';
export type { RunFilesDownload } from './schemas/runFilesDownloadSchema';
export { sampleListSchema } from './schemas/sampleListSchema';
export type { GeneratedOutput, SampleList } from './schemas/sampleListSchema';
export { replacedSpecSchema, specSchema } from './schemas/specSchema';
export type { Spec } from './schemas/specSchema';
export { specListSchema } from './schemas/specListSchema';
export type { SpecListItem } from './schemas/specListSchema';
export { seedDatasetSchema } from './schemas/seedDatasetSchema';
export type { SeedDataset, SeedDatasetFile, ShortSampleCompatibility } from './schemas/seedDatasetSchema';
export { datasetListSchema } from './schemas/datasetListSchema';
export type { DatasetListItem } from './schemas/datasetListSchema';
export { createSpecResultSchema } from './schemas/createSpecResultSchema';
export type { CreateSpecResult } from './schemas/createSpecResultSchema';
export {
  evaluationSchema,
  evaluationSummarySchema,
  evaluationSummaryListSchema,
  distributionAnalysisSchema,
  sampleClassificationSchema,
} from './schemas/evaluationSchema';
export type { Evaluation, EvaluationSummary, DistributionAnalysis, SampleClassification } from './schemas/evaluationSchema';
export { apiKeyRotationSchema } from './schemas/apiKeyRotationSchema';
export type { ApiKeyRotation } from './schemas/apiKeyRotationSchema';
export { freeObjectSchema } from './schemas/freeObjectSchema';
export type { Health, ModelList } from './schemas/freeObjectSchema';
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
  CostLimitError,
  CallbackError,
  ResponseValidationError,
  RequestValidationError,
  ConfigurationError,
} from './errors/errors';
export type { CallbackStage, ValidationIssue } from './errors/errors';
export { redact } from './redact';
export { maskKey } from './keyShape';
export { createDeadline, untilAborted } from './deadline';
export { deadlineError } from './errors/deadlineError';
export type { StoppedDetails } from './errors/deadlineError';
export type { Deadline } from './deadline';
export { systemErrorCode } from './systemErrorCode';
export { mayCarryKey } from './mayCarryKey';
