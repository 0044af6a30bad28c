import { checkParams, runIdParam } from './params';

/** Every path of the contract starts here. */
export const API_PREFIX = '/api/dataframer';

/** Percent-encodes a checked id as one path segment, so `/`, `?`, `#` and `%` can never change which path is requested. */
export function segment(id: string): string {
  return encodeURIComponent(id);
}

/** Checks a run id passed alone and returns `/api/dataframer/runs/{id}/`, for the operations on one run. */
export function runPath(operation: string, runId: unknown): string {
  return `${API_PREFIX}/runs/${segment(checkParams(runIdParam, runId, operation, 'runId'))}/`;
}
