import * as v from 'valibot';
import { checkParams, flagParam, idParam, paramsObject } from '../internal/params';
import { API_PREFIX, segment } from '../internal/paths';
import { validateResponse } from '../internal/validateResponse';
import { specSchema, type Spec } from '../schemas/specSchema';
import type { CallOptions, Operation, RequestDescription, Transport } from '../types';

/** Which spec to fetch: the type and the check of `specs.retrieve`. */
export const retrieveSpecParamsSchema = /* @__PURE__ */ buildRetrieveSpecParamsSchema();

function buildRetrieveSpecParamsSchema() {
  return paramsObject({
    specId: idParam('the spec id'),
    /** Include every earlier version (default false). */
    include_versions: v.optional(flagParam('include_versions')),
  });
}

/** Which spec to fetch. */
export type RetrieveSpecParams = v.InferInput<typeof retrieveSpecParamsSchema>;

/** Builds `GET /api/dataframer/specs/{id}/`. */
export function buildRetrieveSpecRequest(params: RetrieveSpecParams): RequestDescription {
  const { specId, include_versions } = checkParams(retrieveSpecParamsSchema, params, 'specs.retrieve');
  return {
    method: 'GET',
    path: `${API_PREFIX}/specs/${segment(specId)}/`,
    ...(include_versions === true && { query: { include_versions: 'true' } }),
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
