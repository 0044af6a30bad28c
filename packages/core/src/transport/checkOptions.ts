import * as v from 'valibot';
import { ConfigurationError } from '../errors/errors';

/** The longest deadline a timer can hold (a signed 32-bit number of milliseconds, about 24.8 days). */
const MAX_TIMEOUT_MS = 2_147_483_647;
/** The most retries a call may make after its first attempt. */
export const MAX_RETRIES_LIMIT = 20;

/** A value's type for a message; a short numeric-looking string is shown, since that is the usual mistake (an environment variable). */
function describe(value: unknown): string {
  if (typeof value === 'string')
    return /^\s*[-+]?[\d.]+(e[-+]?\d+)?\s*$/i.test(value) && value.length <= 24 ? `the string "${value}"` : 'a string';
  if (typeof value === 'number') return String(value);
  return value == null ? String(value) : Array.isArray(value) ? 'an array' : `${typeof value === 'object' ? 'an' : 'a'} ${typeof value}`;
}

/**
 * One option: absent (unless `required`), or passing `test`; its message names it, says what it takes and what it got.
 * Each option is a valibot `custom` check: the few valibot pieces that ship in every page, where a schema per type
 * measured 3.4 kB more (minified) in the list-only browser bundle (`pnpm bench`). Runtime packages check their own
 * options with it, so every option in the toolkit is refused in the same words.
 */
export function optionCheck(name: string, expected: string, test: (value: unknown) => boolean, required = false) {
  const check = v.custom(test, (issue) => `${name} must be ${expected}, got ${describe(issue.input)}`);
  return required ? check : v.optional(check);
}

const option = optionCheck;

const isNumberIn = (min: number, max: number, whole: boolean) => (value: unknown) =>
  typeof value === 'number' && value >= min && value <= max && (!whole || Number.isInteger(value));
const isObject = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value);
const isFunction = (value: unknown) => typeof value === 'function';
const isString = (value: unknown) => typeof value === 'string';

/** A duration in milliseconds: a finite number from 1 to the longest a timer holds (NaN and Infinity fail the range). */
const millis = (name: string) => option(name, `a number of milliseconds from 1 to ${MAX_TIMEOUT_MS}`, isNumberIn(1, MAX_TIMEOUT_MS, false));
const retries = () => option('maxRetries', `a whole number from 0 to ${MAX_RETRIES_LIMIT}`, isNumberIn(0, MAX_RETRIES_LIMIT, true));
const fn = (name: string) => option(name, 'a function', isFunction);
const text = (name: string) => option(name, 'a string', isString);
/** Something shaped like an AbortSignal (each runtime has its own class). */
const signal = () =>
  option(
    'signal',
    'an AbortSignal',
    (value) => isObject(value) && 'aborted' in (value as object) && isFunction((value as AbortSignal).addEventListener),
  );
/** An amount of dollars, 0 or more (a spending limit). */
export const dollarsOption = (name: string) =>
  option(name, 'a finite number of dollars, 0 or more', isNumberIn(0, Number.MAX_VALUE, false));

/** Builds the schema of an options object; anything that is not an object fails as a whole. */
function optionsObject<E extends v.ObjectEntries>(what: string, entries: E) {
  return v.looseObject(entries, (issue) => `${what} must be an object, got ${describe(issue.input)}`);
}

/**
 * The schema of a client's options: those every runtime takes, and the runtime's own `entries` (a proxy in Node,
 * credentials in a browser), so a page carries no check of an option it cannot be given.
 */
export function clientOptionsCheck<E extends v.ObjectEntries>(entries: E) {
  return optionsObject('the options', {
    apiKey: text('apiKey'),
    baseUrl: text('baseUrl'),
    fetch: fn('fetch'),
    getToken: fn('getToken'),
    timeoutMs: millis('timeoutMs'),
    maxRetries: retries(),
    maxResponseBytes: option('maxResponseBytes', 'a whole number of bytes, 1 or more', isNumberIn(1, Number.MAX_SAFE_INTEGER, true)),
    schemas: option('schemas', 'a schema mode (the SDK exports two)', isObject),
    logger: option(
      'logger',
      'an object with a debug method',
      (value) => isObject(value) && isFunction((value as { debug?: unknown }).debug),
    ),
    hooks: option(
      'hooks',
      'an object of arrays of functions (beforeRequest, afterResponse)',
      (value) =>
        isObject(value) &&
        ['beforeRequest', 'afterResponse'].every((name) => {
          const list = (value as Record<string, unknown>)[name];
          return list === undefined || (Array.isArray(list) && list.every(isFunction));
        }),
    ),
    headers: option('headers', 'an object of strings', (value) => isObject(value) && Object.values(value as object).every(isString)),
    ...entries,
  });
}

const transportOptionsSchema = /* @__PURE__ */ clientOptionsCheck({});

const callOptionsSchema = /* @__PURE__ */ buildCallOptionsSchema();

function buildCallOptionsSchema() {
  return optionsObject("the call's options", {
    signal: signal(),
    timeoutMs: millis('timeoutMs'),
    maxRetries: retries(),
    onResponse: fn('onResponse'),
    onUploadProgress: fn('onUploadProgress'),
    onRecovered: fn('onRecovered'),
    idempotencyKey: option(
      'idempotencyKey',
      '1 to 255 printable ASCII characters without spaces',
      (value) => isString(value) && /^[\x21-\x7e]{1,255}$/.test(value as string),
    ),
  });
}

/**
 * Checks options where they enter: a wrong type, a number that is not finite or a limit past its bounds is a
 * ConfigurationError naming every bad option at once, so no value can switch off the deadline, the retry limit or the
 * spending guard by accident.
 */
export function checkOptions<T>(schema: v.GenericSchema<unknown, unknown>, options: T, where: string): T {
  if (options === undefined) return options;
  const result = v.safeParse(schema, options);
  if (result.success) return options;
  throw new ConfigurationError(`Invalid options for ${where}: ${result.issues.map((issue) => issue.message).join('; ')}`);
}

/** Checks the options of `createTransport`: those every runtime takes. */
export const checkTransportOptions = <T>(options: T): T => checkOptions(transportOptionsSchema, options, 'createTransport');

/** Checks one call's options. */
export const checkCallOptions = <T>(options: T, where: string): T => checkOptions(callOptionsSchema, options, where);

/** The schema of a wait's options (runtime packages build theirs on it too): the call's own, the polling intervals, and the wait's `entries`. */
export function waitOptionsCheck<E extends v.ObjectEntries>(entries: E) {
  return optionsObject("the wait's options", {
    signal: signal(),
    timeoutMs: millis('timeoutMs'),
    intervalMs: millis('intervalMs'),
    maxIntervalMs: millis('maxIntervalMs'),
    onProgress: fn('onProgress'),
    ...entries,
  });
}
