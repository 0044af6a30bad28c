import { validateResponse } from '../internal/validateResponse';
import { API_PREFIX } from '../internal/paths';
import { freeObjectSchema, type ModelList } from '../schemas/freeObjectSchema';
import type { CallOptions, Operation, RequestDescription, Transport } from '../types';

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
