import { ParamChecker } from '../internal/checkParams';
import { validateResponse } from '../internal/validateResponse';
import { API_PREFIX, pathSegment } from '../internal/paths';
import { specSchema, type Spec } from '../schemas/otherSchemas';
import type { CallOptions, Operation, RequestDescription, Transport } from './Operation';

/** Which spec to fetch. */
export interface RetrieveSpecParams {
  specId: string;
  /** Include every earlier version (default false). */
  include_versions?: boolean;
}

/** Builds `GET /api/dataframer/specs/{id}/`. */
export function buildRetrieveSpecRequest(params: RetrieveSpecParams): RequestDescription {
  const check = new ParamChecker('specs.retrieve');
  const p = check.object(params);
  const path = `${API_PREFIX}/specs/${pathSegment('specId', p['specId'])}/`;
  check.boolean(p, 'include_versions');
  check.done();
  return {
    method: 'GET',
    path,
    ...(p['include_versions'] === true && { query: { include_versions: 'true' } }),
    retry: 'safe',
  };
}

/** Fetches one spec, optionally with its versions. */
export const retrieveSpecOperation: Operation<RetrieveSpecParams, Spec> = {
  name: 'specs.retrieve',
  build: buildRetrieveSpecRequest,
  parse: (response, mode) => validateResponse(specSchema(mode), response),
};

/** Fetches one spec, optionally with its versions. */
export function retrieveSpec(transport: Transport, params: RetrieveSpecParams, options?: CallOptions): Promise<Spec> {
  return transport.send(retrieveSpecOperation, params, options);
}
