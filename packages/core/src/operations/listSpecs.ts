import { validateResponse } from '../internal/validateResponse';
import { API_PREFIX } from '../internal/paths';
import { specListSchema, type SpecListItem } from '../schemas/specListSchema';
import type { CallOptions, Operation, RequestDescription, Transport } from '../types';

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
