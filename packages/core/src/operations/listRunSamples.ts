import { ParamChecker } from '../internal/checkParams';
import { validateResponse } from '../internal/validateResponse';
import { API_PREFIX, pathSegment } from '../internal/paths';
import { sampleListSchema, type SampleList } from '../schemas/otherSchemas';
import type { CallOptions, Operation, RequestDescription, Transport } from './Operation';

/** The largest page the samples endpoint serves. */
export const MAX_SAMPLES_PAGE = 1000;

/** Which samples to fetch, by finish-time position. */
export interface ListRunSamplesParams {
  runId: string;
  /** Starting position, 0 or more (default 0). */
  offset?: number;
  /** Page size, 1 to 1000 (the server returns all when absent). */
  limit?: number;
}

/** Builds `GET /api/dataframer/runs/{id}/samples/?offset&limit`. */
export function buildListRunSamplesRequest(params: ListRunSamplesParams): RequestDescription {
  const check = new ParamChecker('runs.samples');
  const p = check.object(params);
  const path = `${API_PREFIX}/runs/${pathSegment('runId', p['runId'])}/samples/`;
  check.integer(p, 'offset', 0, Number.MAX_SAFE_INTEGER, false);
  check.integer(p, 'limit', 1, MAX_SAMPLES_PAGE, false);
  check.done();
  const query: Record<string, string> = {};
  if (p['offset'] !== undefined) query['offset'] = String(p['offset']);
  if (p['limit'] !== undefined) query['limit'] = String(p['limit']);
  return { method: 'GET', path, ...(Object.keys(query).length > 0 && { query }), retry: 'safe' };
}

/** Fetches one page of a run's samples in finish-time order. */
export const listRunSamplesOperation: Operation<ListRunSamplesParams, SampleList> = {
  name: 'runs.samples',
  build: buildListRunSamplesRequest,
  parse: (response, mode) => validateResponse(sampleListSchema(mode), response),
};

/** Fetches one page of a run's samples in finish-time order; `returned_count` below `limit` marks the end. */
export function listRunSamples(
  transport: Transport,
  params: ListRunSamplesParams,
  options?: CallOptions,
): Promise<SampleList> {
  return transport.send(listRunSamplesOperation, params, options);
}
