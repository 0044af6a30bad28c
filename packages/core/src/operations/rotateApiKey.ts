import { OutcomeUnknownError } from '../errors/errors';
import { validateResponse } from '../internal/validateResponse';
import { API_KEY_LOCATION } from '../keyShape';
import { apiKeyRotationSchema, type ApiKeyRotation } from '../schemas/apiKeyRotationSchema';
import type { CallOptions, Operation, RequestDescription, Transport } from '../types';

/**
 * Builds `POST /api/users/api-key/rotate`: outside `/api/dataframer`, and without the trailing slash every other path
 * has, as the docs spell it. Never repeated: the first attempt that reaches the server revokes the key it carries.
 */
export function buildRotateApiKeyRequest(): RequestDescription {
  return { method: 'POST', path: '/api/users/api-key/rotate', retry: 'none' };
}

/** Replaces the client's API key with a new one; the old key stops working at once. */
export const rotateApiKeyOperation: Operation<void, ApiKeyRotation> = {
  name: 'apiKeys.rotate',
  build: buildRotateApiKeyRequest,
  parse: (response, mode) => validateResponse(apiKeyRotationSchema(mode), response),
  nextKey: (rotation) => rotation.api_key,
  failureHint: (status) =>
    status === 429 ? 'A key can be rotated at most 5 times an hour from one IP address; the key was not changed' : undefined,
  ambiguous: (cause, _idempotencyKey, attempts, request) =>
    new OutcomeUnknownError(
      `apiKeys.rotate may or may not have changed the API key: ${cause.message}. It was not repeated. If the key was changed, ` +
        'the key this client sends no longer works and the new one was not received: ' +
        `look at ${API_KEY_LOCATION} and give the client the key shown there.`,
      { cause, attempts, request },
    ),
};

/**
 * Rotates the API key: the server revokes the key this client sends and hands out a new one, which the same client
 * sends from then on. The answer's `api_key` is the one place the new key is handed out: store it (it is not shown
 * again). Never repeated; an answer lost after the request reached the server is an OutcomeUnknownError.
 */
export function rotateApiKey(transport: Transport, options?: CallOptions): Promise<ApiKeyRotation> {
  return transport.send(rotateApiKeyOperation, undefined, options);
}
