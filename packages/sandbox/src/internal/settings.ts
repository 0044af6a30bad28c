import type { IdempotencyMode, OptionalFieldsMode, SandboxSettings, SpecReadyStatus } from '../types';
import type { Timeline } from './store/createTimeline';

/** Accepted values of each setting, for validation and help texts. */
const SPEC_READY_STATUSES: readonly SpecReadyStatus[] = ['SUCCEEDED', 'READY'];
const OPTIONAL_FIELDS_MODES: readonly OptionalFieldsMode[] = ['present', 'null', 'absent'];

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

function checkChoice<T extends string>(name: string, value: unknown, choices: readonly T[]): T {
  if (!choices.includes(value as T))
    throw new Error(`${name} must be ${choices.map((c) => `"${c}"`).join(' or ')}, got ${JSON.stringify(value)}`);
  return value as T;
}

/** Checks a samples page cap: an integer from 1 to 1000, the contract's largest page; throws an Error that says what is wrong. */
export function checkMaxPageSize(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 1000)
    throw new Error(`maxPageSize must be an integer from 1 to 1000, got ${JSON.stringify(value)}`);
  return value;
}

/** The values of the `idempotency` start option. */
export const IDEMPOTENCY_MODES: readonly IdempotencyMode[] = ['honour', 'ignore'];

/** Checks the `idempotency` start option (default `honour`); throws an Error naming the bad value. */
export function checkIdempotencyMode(mode: unknown): IdempotencyMode {
  return checkChoice('idempotency', mode ?? 'honour', IDEMPOTENCY_MODES);
}

/** Creates the settings, starting from the start options. */
export function createSettings(
  timeline: Timeline,
  initial: { specReadyStatus?: unknown; optionalFields?: unknown; maxPageSize?: unknown },
): Settings {
  let specReadyStatus = checkChoice('specReadyStatus', initial.specReadyStatus ?? 'SUCCEEDED', SPEC_READY_STATUSES);
  let optionalFields = checkChoice('optionalFields', initial.optionalFields ?? 'present', OPTIONAL_FIELDS_MODES);
  let maxPageSize = initial.maxPageSize === undefined ? undefined : checkMaxPageSize(initial.maxPageSize);
  const get = (): SandboxSettings => ({
    speed: timeline.speed(),
    specReadyStatus,
    optionalFields,
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
      if (speed !== undefined && speed !== timeline.speed()) timeline.setSpeed(speed);
      specReadyStatus = ready;
      optionalFields = fields;
      maxPageSize = pageCap;
      return get();
    },
  };
}
