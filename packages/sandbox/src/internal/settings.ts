import type { SandboxSettings } from '../types';
import {
  DATASET_PATHS_MODES,
  DEFAULT_DATASET_PATHS,
  DEFAULT_EVALUATION_SUCCESS_STATUS,
  DEFAULT_FAILURE_RATE,
  DEFAULT_IDEMPOTENCY_MODE,
  DEFAULT_OPTIONAL_FIELDS,
  DEFAULT_SPEC_READY_STATUS,
  EVALUATION_SUCCESS_STATUSES,
  FAILURE_RATE_RANGE,
  IDEMPOTENCY_MODES,
  type IdempotencyMode,
  MAX_SAMPLES_PAGE,
  OPTIONAL_FIELDS_MODES,
  SPEC_READY_STATUSES,
} from './rules';
import type { Timeline } from './store/createTimeline';

/** The settings a running sandbox can change; the speed lives on the timeline. */
export interface Settings {
  get(): SandboxSettings;
  /** Checks every given value first, then applies them all; throws an Error naming the bad value. */
  set(changes: Partial<SandboxSettings>): SandboxSettings;
}

/** Checks a time scale; throws an Error that says what is wrong. */
export function checkSpeed(speed: unknown): number {
  if (typeof speed !== 'number' || !(speed > 0) || !Number.isFinite(speed))
    throw new Error(`speed must be a positive number, got ${JSON.stringify(speed)}`);
  return speed;
}

/** Checks a failure rate (see `FAILURE_RATE_RANGE`); throws an Error that says what is wrong. */
export function checkFailureRate(rate: unknown, name = 'failureRate'): number {
  if (typeof rate !== 'number' || !(rate >= 0 && rate <= 1))
    throw new Error(`${name} must be ${FAILURE_RATE_RANGE}, got ${JSON.stringify(rate)}`);
  return rate;
}

function checkChoice<T extends string>(name: string, value: unknown, choices: readonly T[]): T {
  if (!choices.includes(value as T))
    throw new Error(`${name} must be ${choices.map((c) => `"${c}"`).join(' or ')}, got ${JSON.stringify(value)}`);
  return value as T;
}

/** The page caps `maxPageSize` takes: integers from 1 to the contract's largest page. */
export const PAGE_CAP_RANGE = `an integer from 1 to ${MAX_SAMPLES_PAGE}`;

/** Checks a samples page cap (see `PAGE_CAP_RANGE`); throws an Error that says what is wrong. */
export function checkMaxPageSize(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_SAMPLES_PAGE)
    throw new Error(`maxPageSize must be ${PAGE_CAP_RANGE}, got ${JSON.stringify(value)}`);
  return value;
}

/** Checks the `idempotency` start option (`DEFAULT_IDEMPOTENCY_MODE` when not given); throws an Error naming the bad value. */
export function checkIdempotencyMode(mode: unknown): IdempotencyMode {
  return checkChoice('idempotency', mode ?? DEFAULT_IDEMPOTENCY_MODE, IDEMPOTENCY_MODES);
}

/** Creates the settings, starting from the start options. */
export function createSettings(
  timeline: Timeline,
  initial: {
    specReadyStatus?: unknown;
    optionalFields?: unknown;
    maxPageSize?: unknown;
    datasetPaths?: unknown;
    evaluationSuccessStatus?: unknown;
    evaluationFailureRate?: unknown;
    failureRate?: unknown;
  },
): Settings {
  let specReadyStatus = checkChoice('specReadyStatus', initial.specReadyStatus ?? DEFAULT_SPEC_READY_STATUS, SPEC_READY_STATUSES);
  let optionalFields = checkChoice('optionalFields', initial.optionalFields ?? DEFAULT_OPTIONAL_FIELDS, OPTIONAL_FIELDS_MODES);
  let maxPageSize = initial.maxPageSize === undefined ? undefined : checkMaxPageSize(initial.maxPageSize);
  let datasetPaths = checkChoice('datasetPaths', initial.datasetPaths ?? DEFAULT_DATASET_PATHS, DATASET_PATHS_MODES);
  let evaluationSuccessStatus = checkChoice(
    'evaluationSuccessStatus',
    initial.evaluationSuccessStatus ?? DEFAULT_EVALUATION_SUCCESS_STATUS,
    EVALUATION_SUCCESS_STATUSES,
  );
  // Evaluations fail as often as runs unless told otherwise.
  let evaluationFailureRate =
    initial.evaluationFailureRate === undefined
      ? checkFailureRate(initial.failureRate ?? DEFAULT_FAILURE_RATE)
      : checkFailureRate(initial.evaluationFailureRate, 'evaluationFailureRate');
  const get = (): SandboxSettings => ({
    speed: timeline.speed(),
    specReadyStatus,
    optionalFields,
    datasetPaths,
    evaluationSuccessStatus,
    evaluationFailureRate,
    ...(maxPageSize !== undefined && { maxPageSize }),
  });
  return {
    get,
    set(changes) {
      const speed = changes.speed === undefined ? undefined : checkSpeed(changes.speed);
      const ready =
        changes.specReadyStatus === undefined
          ? specReadyStatus
          : checkChoice('specReadyStatus', changes.specReadyStatus, SPEC_READY_STATUSES);
      const fields =
        changes.optionalFields === undefined
          ? optionalFields
          : checkChoice('optionalFields', changes.optionalFields, OPTIONAL_FIELDS_MODES);
      const pageCap = changes.maxPageSize === undefined ? maxPageSize : checkMaxPageSize(changes.maxPageSize);
      const paths =
        changes.datasetPaths === undefined ? datasetPaths : checkChoice('datasetPaths', changes.datasetPaths, DATASET_PATHS_MODES);
      const evaluationSuccess =
        changes.evaluationSuccessStatus === undefined
          ? evaluationSuccessStatus
          : checkChoice('evaluationSuccessStatus', changes.evaluationSuccessStatus, EVALUATION_SUCCESS_STATUSES);
      const evaluationFailure =
        changes.evaluationFailureRate === undefined
          ? evaluationFailureRate
          : checkFailureRate(changes.evaluationFailureRate, 'evaluationFailureRate');
      if (speed !== undefined && speed !== timeline.speed()) timeline.setSpeed(speed);
      specReadyStatus = ready;
      optionalFields = fields;
      maxPageSize = pageCap;
      datasetPaths = paths;
      evaluationSuccessStatus = evaluationSuccess;
      evaluationFailureRate = evaluationFailure;
      return get();
    },
  };
}
