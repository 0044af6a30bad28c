import * as v from 'valibot';
import { MAX_SAMPLES_PAGE } from '../limits';
import { checkParams, idParam, integerParam, paramsObject } from '../internal/params';
import { API_PREFIX, segment } from '../internal/paths';
import { validateResponse } from '../internal/validateResponse';
import { sampleListSchema, type SampleList } from '../schemas/sampleListSchema';
import type { CallOptions, Operation, RequestDescription, Transport } from '../types';

/** Which samples to fetch, by finish-time position: the type and the check of `runs.samples`. */
export const listRunSamplesParamsSchema = /* @__PURE__ */ buildListRunSamplesParamsSchema();

function buildListRunSamplesParamsSchema() {
  return paramsObject({
    runId: idParam('the run id'),
    /** Starting position, 0 or more (default 0). */
    offset: v.optional(integerParam('offset', 0)),
    /** Page size, 1 to 1000 (the server returns all when absent). */
    limit: v.optional(integerParam('limit', 1, MAX_SAMPLES_PAGE)),
  });
}

/** Which samples to fetch, by finish-time position. */
export type ListRunSamplesParams = v.InferInput<typeof listRunSamplesParamsSchema>;

/** Builds `GET /api/dataframer/runs/{id}/samples/?offset&limit`. */
export function buildListRunSamplesRequest(params: ListRunSamplesParams): RequestDescription {
  const { runId, offset, limit } = checkParams(listRunSamplesParamsSchema, params, 'runs.samples');
  const query: Record<string, string> = {};
  if (offset !== undefined) query['offset'] = String(offset);
  if (limit !== undefined) query['limit'] = String(limit);
  return {
    method: 'GET',
    path: `${API_PREFIX}/runs/${segment(runId)}/samples/`,
    ...(Object.keys(query).length > 0 && { query }),
    retry: 'safe',
  };
}

/** Fetches one page of a run's samples in finish-time order. */
export const listRunSamplesOperation: Operation<ListRunSamplesParams, SampleList> = {
  name: 'runs.samples',
  build: buildListRunSamplesRequest,
  parse: (response, mode) => validateResponse(sampleListSchema(mode), response),
};

/** Fetches one page of a run's samples in finish-time order; `returned_count` below `limit` marks the end. */
export function listRunSamples(transport: Transport, params: ListRunSamplesParams, options?: CallOptions): Promise<SampleList> {
  return transport.send(listRunSamplesOperation, params, options);
}
