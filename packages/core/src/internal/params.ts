import * as v from 'valibot';
import { RequestValidationError, type ValidationIssue } from '../errors/errors';

/** A short description of a value's type for messages, never its content. */
function describe(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/**
 * Checks an operation's parameters against their valibot schema before anything is sent, and throws one
 * RequestValidationError listing every problem. `root` names a parameter that is passed alone (a run id).
 */
export function checkParams<T>(schema: v.GenericSchema<unknown, T>, input: unknown, operation: string, root = '(params)'): T {
  const result = v.safeParse(schema, input);
  if (result.success) return result.output;
  const issues: ValidationIssue[] = result.issues.map((issue) => ({ path: v.getDotPath(issue) ?? root, message: issue.message }));
  throw new RequestValidationError(`Invalid parameters for ${operation}: ${issues.map((i) => i.message).join('; ')}`, { issues });
}

/** An integer from `min` to `max`, named in its messages as the caller wrote it. */
export function integerParam(name: string, min: number, max = Number.MAX_SAFE_INTEGER) {
  const range = max === Number.MAX_SAFE_INTEGER ? `at least ${min}` : `from ${min} to ${max}`;
  const outOfRange = (issue: { input: number }) => `${name} must be ${range}, got ${issue.input}`;
  return v.pipe(
    v.number((issue) =>
      issue.input === undefined
        ? `${name} is required (an integer ${range})`
        : `${name} must be an integer, got ${typeof issue.input === 'number' ? String(issue.input) : describe(issue.input)}`,
    ),
    v.integer((issue) => `${name} must be an integer, got ${issue.input}`),
    v.minValue(min, outOfRange),
    v.maxValue(max, outOfRange),
  );
}

/** A non-empty string. */
export function textParam(name: string) {
  return v.pipe(
    v.string((issue) => (issue.input === undefined ? `${name} is required` : `${name} must be a string, got ${describe(issue.input)}`)),
    v.check((value) => value.trim() !== '', `${name} must not be empty`),
  );
}

/** true or false. */
export function flagParam(name: string) {
  return v.boolean((issue) => `${name} must be true or false, got ${describe(issue.input)}`);
}

/** An array of strings. */
export function textListParam(name: string) {
  const message = `${name} must be an array of strings`;
  return v.array(v.string(message), message);
}

/** An object of parameters. */
export function paramsObject<const E extends v.ObjectEntries>(entries: E) {
  // valibot reports a missing entry with the object's own message, the entry's key in its path.
  return v.object(entries, (issue) => {
    const key = issue.path?.[issue.path.length - 1]?.key;
    return key === undefined ? `expected an object of parameters, got ${describe(issue.input)}` : `${String(key)} is required`;
  });
}

function wellFormed(text: string): boolean {
  try {
    encodeURIComponent(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * An id that becomes one path segment (`the run id`). Empty ids, `.` and `..` (which URL parsers resolve to
 * a parent path) and text no URL can carry (an unpaired UTF-16 surrogate) are refused before anything is sent.
 */
export function idParam(label: string) {
  return v.pipe(
    v.string((issue) => `${label} must be a string, got ${describe(issue.input)}`),
    v.check((value) => value.trim() !== '', `${label} must not be empty`),
    v.check(
      (value) => value !== '.' && value !== '..',
      (issue) => `${label} must not be "${String(issue.input)}"`,
    ),
    v.check(wellFormed, `${label} must be valid Unicode text (it contains an unpaired surrogate)`),
  );
}

/** The schema of a run id passed alone (`runs.retrieve(runId)`, `runs.cancel(runId)`, …). */
export const runIdParam = /* @__PURE__ */ idParam('the run id');

/** The schema of a dataset id passed alone (`datasets.retrieve(datasetId)`, `datasets.delete(datasetId)`). */
export const datasetIdParam = /* @__PURE__ */ idParam('the dataset id');
