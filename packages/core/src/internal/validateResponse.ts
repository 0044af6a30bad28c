import * as v from 'valibot';
import { ResponseValidationError, type ValidationIssue } from '../errors/errors';
import { prechecks, type Schema } from '../schemas/SchemaMode';
import type { RawResponse } from '../types';

const MAX_ISSUES = 5;

/** Checks a body against its schema and returns the typed value, or throws a ResponseValidationError naming each bad path. */
export function validateResponse<T>(schema: Schema<T>, response: RawResponse): T {
  if (prechecks.get(schema)?.(response.body)) return response.body as T;
  const result = v.safeParse(schema, response.body);
  if (result.success) return result.output;
  const issues: ValidationIssue[] = result.issues.map((issue) => ({
    path: formatPath(issue),
    message: issue.message,
  }));
  const shown = issues
    .slice(0, MAX_ISSUES)
    .map((i) => `${i.path || '(root)'}: ${i.message}`)
    .join('; ');
  const more = issues.length > MAX_ISSUES ? ` (and ${issues.length - MAX_ISSUES} more)` : '';
  throw new ResponseValidationError(`The response to ${response.request} does not match the Dataframer contract: ${shown}${more}`, {
    issues,
    status: response.status,
    request: response.request,
    ...(response.requestId !== undefined && { requestId: response.requestId }),
  });
}

function formatPath(issue: v.BaseIssue<unknown>): string {
  let out = '';
  for (const item of issue.path ?? []) {
    const key = (item as { key?: unknown }).key;
    out += typeof key === 'number' ? `[${key}]` : out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}
