/**
 * The API's enumerations and limits, and the sandbox's own choices and defaults, each written once here:
 * validation, views, the command line, its help text and the public types read them from this module, and
 * test/rules.test.ts compares the API's ones with the contract document.
 */

// The API, as the contract documents it.

/** The API's path prefix. */
export const API = '/api/dataframer';

/** Run statuses (the contract's RunStatus). */
export const RUN_STATUSES = ['PENDING', 'PROCESSING', 'SUCCEEDED', 'FAILED', 'CANCELED'] as const;

/** A status a run shows. */
export type RunStatus = (typeof RUN_STATUSES)[number];

/** The statuses a run never leaves. */
export const TERMINAL_RUN_STATUSES: readonly RunStatus[] = ['SUCCEEDED', 'FAILED', 'CANCELED'];

/** Spec statuses (the contract's SpecStatus, the newest docs' words). */
export const SPEC_STATUSES = ['PROCESSING', 'SUCCEEDED', 'FAILED'] as const;

/** A status a spec has. */
export type SpecStatus = (typeof SPEC_STATUSES)[number];

/** The words for a spec that runs can be made from: SUCCEEDED (the newest docs) and READY (older docs, SDK 0.3.1). */
export const SPEC_READY_STATUSES = ['SUCCEEDED', 'READY'] as const;

/** The word a spec list and detail use for a spec that runs can be made from. */
export type SpecReadyStatus = (typeof SPEC_READY_STATUSES)[number];

/** The shapes of a spec's seed dataset (the contract's DatasetType). */
export const DATASET_TYPES = ['SINGLE_FILE', 'MULTI_FILE', 'MULTI_FOLDER'] as const;

/** The shape of a spec's seed dataset. */
export type DatasetType = (typeof DATASET_TYPES)[number];

/** Model names the create body accepts (the contract's GenerationModel). */
export const GENERATION_MODELS = [
  'anthropic/claude-opus-4-6',
  'anthropic/claude-opus-4-6-thinking',
  'anthropic/claude-sonnet-4-6',
  'anthropic/claude-sonnet-4-6-thinking',
  'anthropic/claude-haiku-4-5',
  'anthropic/claude-haiku-4-5-thinking',
  'deepseek-ai/DeepSeek-V3.1',
  'moonshotai/Kimi-K2-Instruct',
  'openai/gpt-oss-120b',
  'deepseek-ai/DeepSeek-R1-0528-tput',
  'Qwen/Qwen2.5-72B-Instruct-Turbo',
  'gemini/gemini-3-pro-preview',
  'gemini/gemini-3-pro-preview-thinking',
  'databricks/databricks-claude-3-7-sonnet',
  'databricks/databricks-claude-haiku-4-5',
  'databricks/databricks-claude-opus-4-1',
  'databricks/databricks-claude-opus-4-5',
  'databricks/databricks-claude-opus-4-6',
  'databricks/databricks-claude-sonnet-4',
  'databricks/databricks-claude-sonnet-4-5',
  'databricks/databricks-gemini-2-5-flash',
  'databricks/databricks-gemini-2-5-pro',
  'databricks/databricks-gemini-3-flash',
  'databricks/databricks-gemini-3-pro',
  'databricks/databricks-gpt-5',
] as const;

/** A model name the create body accepts. */
export type GenerationModel = (typeof GENERATION_MODELS)[number];

/** The model a run uses when the create body names none (the contract's default of `generation_model`). */
export const DEFAULT_MODEL: GenerationModel = 'anthropic/claude-sonnet-4-6';

/** Whether a model name turns thinking on (a `-thinking` name). */
export function isThinkingModel(model: string): boolean {
  return model.endsWith('-thinking');
}

/** Whether a model needs the `DATABRICKS_PARAMS` fields in the create body (a `databricks/` name). */
export function isDatabricksModel(model: string): boolean {
  return model.startsWith('databricks/');
}

/** The create body's fields a `databricks/` model needs. */
export const DATABRICKS_PARAMS = ['databricks_client_id', 'databricks_client_secret', 'databricks_api_base'] as const;

/** Seed shuffling levels the create body accepts (the contract's SeedShufflingLevel). */
export const SEED_SHUFFLING_LEVELS = ['none', 'sample', 'field', 'prompt'] as const;

/** The seed shuffling level a run records when the create body names none. */
export const DEFAULT_SEED_SHUFFLING_LEVEL: (typeof SEED_SHUFFLING_LEVELS)[number] = 'none';

/** The most samples one run may ask for (`number_of_samples`, 1 to this). */
export const MAX_SAMPLES_PER_RUN = 20000;

/** The most samples one page of `GET /runs/{id}/samples/` holds (`limit`, 1 to this, and its default). */
export const MAX_SAMPLES_PAGE = 1000;

/** The most positions one `POST /runs/{id}/samples/` may ask for (`indices`). */
export const MAX_SAMPLE_INDICES = 1000;

/** What `MB` means in the seed-dataset limits: the docs' table writes sizes as 1MB and 50MB. */
export const MB = 1024 * 1024;

/** The documented limits of one seed dataset type (the docs' table, the contract's `x-limits` on createSeedDataset). */
export interface SeedDatasetLimits {
  /** File formats, as lowercase file-name extensions. */
  formats: readonly string[];
  minFiles: number;
  maxFiles: number;
  maxFileBytes: number;
  maxTotalBytes: number;
  /** SINGLE_FILE: the fewest rows the file holds (CSV data rows after the header, JSONL lines, JSON array items). */
  minRows?: number;
  /** MULTI_FOLDER: the most files one folder holds. */
  maxFilesPerFolder?: number;
  /** MULTI_FOLDER: the fewest folders. */
  minFolders?: number;
}

const DOCUMENT_FORMATS = ['txt', 'md', 'json', 'csv', 'jsonl', 'pdf'] as const;

/** The limits of each seed dataset type. */
export const SEED_DATASET_LIMITS: Record<DatasetType, SeedDatasetLimits> = {
  SINGLE_FILE: { formats: ['csv', 'json', 'jsonl'], minFiles: 1, maxFiles: 1, maxFileBytes: 50 * MB, maxTotalBytes: 50 * MB, minRows: 2 },
  MULTI_FILE: { formats: DOCUMENT_FORMATS, minFiles: 2, maxFiles: 1000, maxFileBytes: MB, maxTotalBytes: 50 * MB },
  MULTI_FOLDER: {
    formats: DOCUMENT_FORMATS,
    minFiles: 2,
    maxFiles: 1000,
    maxFileBytes: MB,
    maxTotalBytes: 50 * MB,
    maxFilesPerFolder: 20,
    minFolders: 2,
  },
};

/** The model a spec is generated with when the create body names none (the contract's default of `spec_generation_model_name`). */
export const DEFAULT_SPEC_MODEL: GenerationModel = 'anthropic/claude-sonnet-4-6-thinking';

/** Evaluation models the legacy run-scoped create-evaluation body accepts (the contract's enum of that body's `evaluation_model`). */
export const LEGACY_EVALUATION_MODELS = [
  'anthropic/claude-opus-4-5',
  'anthropic/claude-opus-4-5-thinking',
  'anthropic/claude-sonnet-4-5',
  'anthropic/claude-sonnet-4-5-thinking',
  'anthropic/claude-haiku-4-5',
] as const;

/** The evaluation model the legacy run-scoped create uses when the body names none. */
export const DEFAULT_LEGACY_EVALUATION_MODEL: (typeof LEGACY_EVALUATION_MODELS)[number] = 'anthropic/claude-sonnet-4-5';

/** Evaluation models `POST /evaluations/` accepts (the contract's EvaluationCreateRequest `evaluation_model` enum). */
export const EVALUATION_MODELS = [
  'anthropic/claude-opus-4-5',
  'anthropic/claude-opus-4-5-thinking',
  'anthropic/claude-sonnet-4-5',
  'anthropic/claude-sonnet-4-5-thinking',
  'anthropic/claude-haiku-4-5',
  'deepseek-ai/DeepSeek-V3.1',
  'deepseek-ai/DeepSeek-R1-0528-tput',
  'Qwen/Qwen2.5-72B-Instruct-Turbo',
  'moonshotai/Kimi-K2-Instruct',
  'openai/gpt-oss-120b',
  'openai/gpt-4.1',
  'gemini/gemini-2.5-pro',
  'gemini/gemini-3-pro-preview',
  'gemini/gemini-3-pro-preview-thinking',
] as const;

/** The evaluation model `POST /evaluations/` uses when the body names none (the contract's default). */
export const DEFAULT_EVALUATION_MODEL: (typeof EVALUATION_MODELS)[number] = 'gemini/gemini-3-pro-preview';

/** Evaluation statuses (the contract's EvaluationStatus). */
export const EVALUATION_STATUSES = ['PENDING', 'PROCESSING', 'SUCCEEDED', 'FAILED'] as const;

/** A status an evaluation shows. */
export type EvaluationStatus = (typeof EVALUATION_STATUSES)[number];

/** The words for a finished, successful evaluation: SUCCEEDED (the enum) and COMPLETED (the create page's note). */
export const EVALUATION_SUCCESS_STATUSES = ['SUCCEEDED', 'COMPLETED'] as const;

/** How a successful evaluation's status is spelled. */
export type EvaluationSuccessStatus = (typeof EVALUATION_SUCCESS_STATUSES)[number];

/** The API-key rotation path: outside `API`, without a trailing slash, as the contract gives it. */
export const API_KEY_ROTATE_PATH = '/api/users/api-key/rotate';

/** The rotation rate limit: "5 requests per hour per IP address". */
export const KEY_ROTATION_LIMIT = { requests: 5, windowMs: 3_600_000 } as const;

// The sandbox's own choices and defaults.

/** The admin API's path prefix. */
export const ADMIN = '/__sandbox';

/** How fields the contract marks optional are served: with their values, as `null`, or left out. */
export const OPTIONAL_FIELDS_MODES = ['present', 'null', 'absent'] as const;

/** How optional fields are served: with their values, as `null`, or left out. */
export type OptionalFieldsMode = (typeof OPTIONAL_FIELDS_MODES)[number];

/** What a create's `Idempotency-Key` does: `honour` replays the first answer to a repeat, `ignore` makes every create a new run. */
export const IDEMPOTENCY_MODES = ['honour', 'ignore'] as const;

/** How creates treat `Idempotency-Key`: replay a repeat's first answer, or ignore the header (it is still recorded on the run). */
export type IdempotencyMode = (typeof IDEMPOTENCY_MODES)[number];

/** The address the sandbox binds when no host is given. */
export const DEFAULT_HOST = '127.0.0.1';

/**
 * The seed of generated data and probabilistic faults when none is given. Without a seed, ids are still new on
 * every start, so that two sandboxes never hand out the same run id.
 */
export const DEFAULT_SEED = 1;

/** The fraction of new runs that end FAILED when none is given. */
export const DEFAULT_FAILURE_RATE = 0.1;

/** The failure rates a sandbox takes. */
export const FAILURE_RATE_RANGE = 'a number from 0 to 1';

/** The time scale when none is given: real time. */
export const DEFAULT_SPEED = 1;

/** Samples per second a run produces at speed 1 when the start options give no rate. */
export const DEFAULT_SAMPLES_PER_SECOND = 5;

/** How specs spell a usable status unless told otherwise. */
export const DEFAULT_SPEC_READY_STATUS: SpecReadyStatus = 'SUCCEEDED';

/** How optional fields are served unless told otherwise. */
export const DEFAULT_OPTIONAL_FIELDS: OptionalFieldsMode = 'present';

/** What `Idempotency-Key` does unless told otherwise. */
export const DEFAULT_IDEMPOTENCY_MODE: IdempotencyMode = 'honour';

/** The port the command listens on when `--port` is not given (`startSandbox` picks a free one). */
export const DEFAULT_CLI_PORT = 8787;

/** Which seed-dataset path families are served: both, only the newest docs' `/seed-datasets/`, or only the older `/datasets/`. */
export const DATASET_PATHS_MODES = ['both', 'newest', 'older'] as const;

/** Which seed-dataset path families are served. */
export type DatasetPathsMode = (typeof DATASET_PATHS_MODES)[number];

/** Seed-dataset paths unless told otherwise: both families. */
export const DEFAULT_DATASET_PATHS: DatasetPathsMode = 'both';

/** What an upload body may hold beyond the largest dataset total (form fields, part headers) before it is refused unread. */
export const UPLOAD_MARGIN_BYTES = 1 * MB;

/** Simulated ms a new spec stays PROCESSING before it ends SUCCEEDED or FAILED. */
export const SPEC_GENERATION_MS = 3000;

/** A spec whose name or generation_objectives contains this ends FAILED, whatever the failure rate. */
export const SPEC_FAILURE_MARKER = '[sandbox:fail]';

/** How a successful evaluation's status is spelled unless told otherwise. */
export const DEFAULT_EVALUATION_SUCCESS_STATUS: EvaluationSuccessStatus = 'SUCCEEDED';

/** How long a rotated API key is valid (`expires_at`; the contract names no lifetime, the example is about a year ahead). Not enforced. */
export const API_KEY_LIFETIME_MS = 365 * 86_400_000;

/** The most samples of a run one evaluation classifies (the first ones to finish). */
export const MAX_EVALUATED_SAMPLES = 200;

/** A property whose evaluated distribution is at most this far (total variation, 0 to 1) from the requested one is conformant. */
export const CONFORMANT_DEVIATION = 0.1;

/** The kinds of fault the sandbox can inject, in the order help texts list them. */
export const FAULT_KINDS = [
  'latency',
  'rate-limit',
  'server-error',
  'reset',
  'refuse',
  'drop-after-act',
  'malformed-json',
  'unknown-status',
  'extra-field',
] as const;

/** The statuses a `server-error` fault answers with. */
export const SERVER_ERROR_STATUSES = [500, 502, 503] as const;

/** How long a `latency` fault delays, and a `refuse` fault refuses, when the rule gives no `ms`. */
export const DEFAULT_FAULT_MS = 500;
