// `@df/core/constants`: the enumerations and limits of the API, with no transport, schema or error code behind them,
// so a page or a CLI can use them without loading the client.
export {
  DATASET_TYPES,
  EVALUATION_STATUSES,
  GENERATION_MODELS,
  RUN_STATUSES,
  SEED_SHUFFLING_LEVELS,
  SPEC_STATUSES,
  TERMINAL_RUN_STATUSES,
  isEvaluationSuccess,
  isTerminalEvaluationStatus,
  isTerminalStatus,
  isUsableSpecStatus,
} from './schemas/enums';
export type {
  DatasetType,
  EvaluationStatus,
  GenerationModel,
  RunStatus,
  SeedShufflingLevel,
  SpecStatus,
  TerminalRunStatus,
} from './schemas/enums';
export { DATABRICKS_PARAMS, DATASET_LIMITS, MAX_SAMPLES_PAGE, MAX_SAMPLES_PER_RUN, MODEL_PARAMS } from './limits';
export type { DatasetLimits } from './limits';
export { API_KEY_LOCATION, isSecretKey } from './keyShape';
export { DEFAULT_BASE_URL, DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS } from './defaults';
