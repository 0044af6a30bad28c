import { RequestValidationError } from '../errors/errors';

/** Every path of the contract starts here. */
export const API_PREFIX = '/api/dataframer';

/**
 * Encodes one id as a single path segment. Ids are checked before anything is sent: an empty id, `.`
 * or `..` (which URL parsers resolve to a parent path) or a non-string is rejected; everything else is
 * percent-encoded so `/`, `?`, `#` and `%` can never change which path is requested.
 */
export function pathSegment(name: string, value: unknown): string {
  if (typeof value !== 'string') {
    throw invalid(name, `${name} must be a string, got ${describe(value)}`);
  }
  if (value.trim() === '') throw invalid(name, `${name} must not be empty`);
  if (value === '.' || value === '..') throw invalid(name, `${name} must not be "${value}"`);
  try {
    return encodeURIComponent(value);
  } catch {
    // encodeURIComponent throws a URIError on an unpaired UTF-16 surrogate, which no URL can carry.
    throw invalid(name, `${name} must be valid Unicode text (it contains an unpaired surrogate)`);
  }
}

function invalid(path: string, message: string): RequestValidationError {
  return new RequestValidationError(`Invalid ${path}: ${message}`, { issues: [{ path, message }] });
}

/** A short description of a value's type for messages, never its content. */
export function describe(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
