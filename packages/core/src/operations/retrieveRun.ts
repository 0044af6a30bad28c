import { validateResponse } from '../internal/validateResponse';
import { runPath } from '../internal/paths';
import { runDetailSchema, type RunDetail } from '../schemas/runSchema';
import type { CallOptions, Operation, RequestDescription, Transport } from '../types';

/** Builds `GET /api/dataframer/runs/{id}/`. */
export function buildRetrieveRunRequest(runId: string): RequestDescription {
  return { method: 'GET', path: runPath('runs.retrieve', runId), retry: 'safe' };
}

/** Fetches one run with its parameters, progress and generated files. */
export const retrieveRunOperation: Operation<string, RunDetail> = {
  name: 'runs.retrieve',
  build: buildRetrieveRunRequest,
  parse: (response, mode) => validateResponse(runDetailSchema(mode), response),
};

/** Fetches one run with its parameters, progress and generated files. */
export function retrieveRun(transport: Transport, runId: string, options?: CallOptions): Promise<RunDetail> {
  return transport.send(retrieveRunOperation, runId, options);
}
