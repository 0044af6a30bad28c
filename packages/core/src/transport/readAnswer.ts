import { ResponseValidationError } from '../errors/errors';
import { DataframerError } from '../errors/DataframerError';
import { classifyConnectionFailure } from './classifyConnectionFailure';
import type { ResponseInfo } from '../types';
import type { SchemaMode } from '../schemas/SchemaMode';
import { type Call, ambiguous, interrupted } from './call';
import { BodyTooLarge, readBoundedText } from './readBody';
import type { Redactor } from './redactor';

/** What reading an answer needs besides the answer. */
export interface ReadContext {
  base: string;
  redactor: Redactor;
  mode: SchemaMode;
  maxResponseBytes: number;
  /** Switches the client to the key a rotation handed out. */
  useKey: (key: string) => void;
}

/** Reads a successful answer within the deadline and the size limit, parses and checks it, and returns the value. */
export async function readAnswer<R>(
  call: Call,
  response: Response,
  context: ReadContext,
  onResponse?: (info: ResponseInfo) => void,
): Promise<R> {
  const { redactor } = context;
  // A server may echo anything here, the key included.
  const rawRequestId = response.headers.get('x-request-id');
  const requestId = rawRequestId === null ? undefined : redactor.redact(rawRequestId);
  const facts = { status: response.status, request: call.label, ...(requestId !== undefined && { requestId }) };
  let text: string;
  try {
    // The key is taken out should a server echo it; the rest of a successful body is the user's data, kept as sent.
    text = redactor.withoutSecrets(await readBoundedText(response, context.maxResponseBytes, call.deadline.signal));
  } catch (cause) {
    if (call.deadline.state !== 'running') throw interrupted(call);
    const error =
      cause instanceof BodyTooLarge
        ? new ResponseValidationError(
            `The response to ${call.label} is larger than the ${cause.limit}-byte limit (the client's maxResponseBytes); it was not read`,
            { issues: [{ path: '', message: `larger than ${cause.limit} bytes` }], ...facts },
          )
        : classifyConnectionFailure(cause, {
            request: call.label,
            attempts: call.attempts,
            baseUrl: context.base,
            redact: redactor.redact,
            afterHeaders: true,
          }).error;
    // The server answered: a create acted, though what it made could not be read.
    throw call.create ? ambiguous(call, error) : error;
  }
  let value: R;
  try {
    let body: unknown;
    try {
      body = text === '' ? undefined : JSON.parse(text);
    } catch {
      throw new ResponseValidationError(`The response to ${call.label} is not valid JSON (${response.status}, ${text.length} bytes)`, {
        issues: [{ path: '', message: 'invalid JSON' }],
        ...facts,
      });
    }
    value = call.operation.parse({ body, ...facts }, context.mode) as R;
  } catch (error) {
    throw call.create && error instanceof DataframerError ? ambiguous(call, error) : error;
  }
  // Before anything of the caller's runs: the old key no longer works, and the value is the only copy of the new one.
  const nextKey = call.operation.nextKey?.(value);
  if (nextKey !== undefined) context.useKey(nextKey);
  onResponse?.(responseInfo(call, response, redactor));
  return value;
}

/** What the caller's `onResponse` gets, masked with the keys known by now (a rotation's new key included). */
function responseInfo(call: Call, response: Response, redactor: Redactor): ResponseInfo {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = redactor.redact(value);
  });
  return { status: response.status, requestId: headers['x-request-id'], headers, request: call.label, attempts: call.attempts };
}
