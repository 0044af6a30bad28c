import type { OptionalFieldsMode, SandboxSettings, SpecReadyStatus } from '../types';
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

/** Creates the settings, starting from the start options. */
export function createSettings(timeline: Timeline, initial: { specReadyStatus?: unknown; optionalFields?: unknown }): Settings {
  let specReadyStatus = checkChoice('specReadyStatus', initial.specReadyStatus ?? 'SUCCEEDED', SPEC_READY_STATUSES);
  let optionalFields = checkChoice('optionalFields', initial.optionalFields ?? 'present', OPTIONAL_FIELDS_MODES);
  const get = (): SandboxSettings => ({ speed: timeline.speed(), specReadyStatus, optionalFields });
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
      if (speed !== undefined && speed !== timeline.speed()) timeline.setSpeed(speed);
      specReadyStatus = ready;
      optionalFields = fields;
      return get();
    },
  };
}
