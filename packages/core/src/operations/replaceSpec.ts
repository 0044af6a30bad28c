import type * as v from 'valibot';
import { OutcomeUnknownError } from '../errors/errors';
import { checkParams, idParam, paramsObject, textParam } from '../internal/params';
import { API_PREFIX, segment } from '../internal/paths';
import { validateResponse } from '../internal/validateResponse';
import { replacedSpecSchema, type Spec } from '../schemas/specSchema';
import type { CreateCallOptions, Operation, RequestDescription, Transport } from '../types';

/** Which spec to replace and its new YAML: the type and the check of `specs.replace`. */
export const replaceSpecParamsSchema = /* @__PURE__ */ buildReplaceSpecParamsSchema();

function buildReplaceSpecParamsSchema() {
  return paramsObject({
    specId: idParam('the spec id'),
    /** The new spec, its editable fields under a `spec:` root key. */
    content_yaml: textParam('content_yaml'),
  });
}

/** Which spec to replace and its new YAML. */
export type ReplaceSpecParams = v.InferInput<typeof replaceSpecParamsSchema>;

/** Builds `PUT /api/dataframer/specs/{id}/`, `{ content_yaml }` as its body. */
export function buildReplaceSpecRequest(params: ReplaceSpecParams): RequestDescription {
  const { specId, content_yaml } = checkParams(replaceSpecParamsSchema, params, 'specs.replace');
  // Each replace makes a new version, so a repeat is a second version: repeated only when nothing was sent, as a create.
  return { method: 'PUT', path: `${API_PREFIX}/specs/${segment(specId)}/`, body: { content_yaml }, retry: 'create' };
}

/** Replaces a spec's YAML, which makes a new version, and returns the spec. */
export const replaceSpecOperation: Operation<ReplaceSpecParams, Spec> = {
  name: 'specs.replace',
  build: buildReplaceSpecRequest,
  parse: (response, mode) => validateResponse(replacedSpecSchema(mode), response),
  idempotencyHeader: 'idempotency-key',
  ambiguous: (cause, key, attempts, request) =>
    new OutcomeUnknownError(
      `specs.replace may or may not have made a new version (${attempts} attempt${attempts === 1 ? '' : 's'} reached the network): ${cause.message}. ` +
        'It was not repeated, because each replace adds a version. Check specs.retrieve(specId, { include_versions: true }) first.',
      { cause, idempotencyKey: key, attempts, request },
    ),
};

/**
 * Replaces a spec's YAML, which makes a new version (`specs.retrieve(id, { include_versions: true })` lists them), and
 * returns the spec. Repeated only when the failure proves nothing was sent, since each replace adds a version.
 */
export function replaceSpec(transport: Transport, params: ReplaceSpecParams, options?: CreateCallOptions): Promise<Spec> {
  return transport.send(replaceSpecOperation, params, options);
}
