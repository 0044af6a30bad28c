import { ParamChecker } from '../internal/checkParams';
import { validateResponse } from '../internal/validateResponse';
import { API_PREFIX, pathSegment } from '../internal/paths';
import {
  freeObjectSchema,
  specListSchema,
  specSchema,
  type Health,
  type ModelList,
  type Spec,
  type SpecListItem,
} from '../schemas/otherSchemas';
import type { CallOptions, Operation, RequestDescription, Transport } from './Operation';

/** Builds `GET /api/dataframer/specs/`. */
export function buildListSpecsRequest(): RequestDescription {
  return { method: 'GET', path: `${API_PREFIX}/specs/`, retry: 'safe' };
}

/** Lists the company's specs. */
export const listSpecsOperation: Operation<void, SpecListItem[]> = {
  name: 'specs.list',
  build: buildListSpecsRequest,
  parse: (response, mode) => validateResponse(specListSchema(mode), response),
};

/** Lists the company's specs. */
export function listSpecs(transport: Transport, options?: CallOptions): Promise<SpecListItem[]> {
  return transport.send(listSpecsOperation, undefined, options);
}

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

/** Builds `GET /api/dataframer/models/`. */
export function buildListModelsRequest(): RequestDescription {
  return { method: 'GET', path: `${API_PREFIX}/models/`, retry: 'safe' };
}

/** Lists the models runs can use (the contract leaves the shape open). */
export const listModelsOperation: Operation<void, ModelList> = {
  name: 'models.list',
  build: buildListModelsRequest,
  parse: (response, mode) => validateResponse(freeObjectSchema(mode), response),
};

/** Lists the models runs can use (the contract leaves the shape open). */
export function listModels(transport: Transport, options?: CallOptions): Promise<ModelList> {
  return transport.send(listModelsOperation, undefined, options);
}

/** Builds `GET /api/dataframer/health/`. */
export function buildCheckHealthRequest(): RequestDescription {
  return { method: 'GET', path: `${API_PREFIX}/health/`, retry: 'safe' };
}

/** Checks that the service answers (the contract leaves the shape open). */
export const checkHealthOperation: Operation<void, Health> = {
  name: 'health.check',
  build: buildCheckHealthRequest,
  parse: (response, mode) => validateResponse(freeObjectSchema(mode), response),
};

/** Checks that the service answers. */
export function checkHealth(transport: Transport, options?: CallOptions): Promise<Health> {
  return transport.send(checkHealthOperation, undefined, options);
}
