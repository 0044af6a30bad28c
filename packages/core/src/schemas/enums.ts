/** Run statuses the contract documents (older servers also say `RUNNING`, some notes `IN_PROGRESS`). */
export const RUN_STATUSES = ['PENDING', 'PROCESSING', 'SUCCEEDED', 'FAILED', 'CANCELED'] as const;

/** Statuses after which a run never changes again; any other value, unknown ones included, means not finished. */
export const TERMINAL_RUN_STATUSES = ['SUCCEEDED', 'FAILED', 'CANCELED'] as const;

/** A documented run status, or any other string a newer (or older, `RUNNING`) server sends. */
export type RunStatus = (typeof RUN_STATUSES)[number] | (string & {});

/** A status after which the run never changes. */
export type TerminalRunStatus = (typeof TERMINAL_RUN_STATUSES)[number];

/** Whether a run status is terminal (`SUCCEEDED`, `FAILED`, `CANCELED`); unknown values are not. */
export function isTerminalStatus(status: RunStatus): status is TerminalRunStatus {
  return (TERMINAL_RUN_STATUSES as readonly string[]).includes(status);
}

/** Spec statuses the newest docs document; older servers say `READY` for `SUCCEEDED` (both mean usable, see `isUsableSpecStatus`). */
export const SPEC_STATUSES = ['PROCESSING', 'SUCCEEDED', 'FAILED'] as const;

/** A documented spec status, or any other string the server sends. */
export type SpecStatus = (typeof SPEC_STATUSES)[number] | (string & {});

/** Whether a spec can be used to start a run (`SUCCEEDED`, or `READY` on older servers). */
export function isUsableSpecStatus(status: string | null | undefined): boolean {
  return status === 'SUCCEEDED' || status === 'READY';
}

/** Evaluation statuses the contract documents; a note of the docs also says `COMPLETED` for success (see `isEvaluationSuccess`). */
export const EVALUATION_STATUSES = ['PENDING', 'PROCESSING', 'SUCCEEDED', 'FAILED'] as const;

/** A documented evaluation status, or any other string the server sends (`COMPLETED`, as a note of the docs says). */
export type EvaluationStatus = (typeof EVALUATION_STATUSES)[number] | (string & {});

/** Whether an evaluation finished with its score: `SUCCEEDED`, or `COMPLETED` as a note of the docs says. */
export function isEvaluationSuccess(status: string | null | undefined): boolean {
  return status === 'SUCCEEDED' || status === 'COMPLETED';
}

/** Whether an evaluation status is final (a success, or `FAILED`); unknown values are not: the evaluation is still going. */
export function isTerminalEvaluationStatus(status: string | null | undefined): boolean {
  return isEvaluationSuccess(status) || status === 'FAILED';
}

/** Dataset shapes the contract documents. */
export const DATASET_TYPES = ['SINGLE_FILE', 'MULTI_FILE', 'MULTI_FOLDER'] as const;

/** A documented dataset type, or any other string the server sends. */
export type DatasetType = (typeof DATASET_TYPES)[number] | (string & {});

/** Seed shuffling levels a run accepts: a trade-off between prompt caching and the diversity of long samples. */
export const SEED_SHUFFLING_LEVELS = ['none', 'sample', 'field', 'prompt'] as const;

/** One of `SEED_SHUFFLING_LEVELS`. */
export type SeedShufflingLevel = (typeof SEED_SHUFFLING_LEVELS)[number];

/** Generation models the newest docs list; `-thinking` turns thinking on, `databricks/` ones need the three databricks fields. */
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

/** A documented model name, or any other string (the list changes often, so any name is sent as given). */
export type GenerationModel = (typeof GENERATION_MODELS)[number] | (string & {});
