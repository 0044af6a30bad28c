import { validateResponse } from '../internal/validateResponse';
import { API_PREFIX } from '../internal/paths';
import { runListSchema, type Run } from '../schemas/runSchema';
import type { CallOptions, Operation, RequestDescription, Transport } from '../types';

/** Builds `GET /api/dataframer/runs/` (the contract documents no filters or pagination). */
export function buildListRunsRequest(): RequestDescription {
  return { method: 'GET', path: `${API_PREFIX}/runs/`, retry: 'safe' };
}

/** Lists the company's runs, newest first. */
export const listRunsOperation: Operation<void, Run[]> = {
  name: 'runs.list',
  build: buildListRunsRequest,
  parse: (response, mode) => validateResponse(runListSchema(mode), response),
};

/** Lists the company's runs, newest first. */
export function listRuns(transport: Transport, options?: CallOptions): Promise<Run[]> {
  return transport.send(listRunsOperation, undefined, options);
}
