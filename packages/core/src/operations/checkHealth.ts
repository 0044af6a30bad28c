import { validateResponse } from '../internal/validateResponse';
import { API_PREFIX } from '../internal/paths';
import { freeObjectSchema, type Health } from '../schemas/freeObjectSchema';
import type { CallOptions, Operation, RequestDescription, Transport } from '../types';

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
