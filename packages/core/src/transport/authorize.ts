import type { BeforeRequestHook } from 'ky';
import { DataframerError } from '../errors/DataframerError';
import { ConfigurationError } from '../errors/errors';
import { callbackFailed } from './callbackFailed';
import { createKeyCheck } from '../internal/apiKey';
import { callOf } from './call';
import type { Log } from './log';
import type { Redactor } from './redactor';

/** What the authorize step needs: where the key comes from and where it may go. */
export interface AuthorizeOptions {
  /** Server root, already normalized. */
  base: string;
  getToken: (() => string | undefined | Promise<string | undefined>) | undefined;
  tokenSource: (() => string) | undefined;
  missingTokenMessage: string | undefined;
  redactor: Redactor;
  log: Log | undefined;
}

/** Describes a value's type for a message, never its content (it may be a key). */
function typeOf(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
}

/** The authorize step, and the one way to change the key it sends. */
export interface Authorize {
  /** ky's last `beforeRequest` hook. */
  authorize: BeforeRequestHook;
  /** Sends `key` from now on, in place of the token provider's, and masks it from now on (the old one stays masked). */
  useKey(key: string): void;
}

/**
 * The one step that handles the key: asks the token provider (or uses the key a rotation handed out), checks the key
 * (a header value, sent only over https or to loopback), puts it on the request, and hands it to the redactor. It runs
 * as ky's last `beforeRequest` hook, after every hook of yours, and counts the attempt.
 */
export function createAuthorize(options: AuthorizeOptions): Authorize {
  const { getToken, redactor, log } = options;
  // A key a rotation handed out: it wins over the token provider's (an option, an environment variable) for this client.
  let rotated: string | undefined;
  const checkKey = createKeyCheck(options.base, () => (rotated === undefined ? options.tokenSource?.() : 'apiKeys.rotate()'));
  const useKey = (key: string) => {
    redactor.remember(key);
    rotated = key;
  };
  const authorize: BeforeRequestHook = async (request, kyOptions) => {
    const call = callOf(kyOptions);
    if (!call) return;
    call.attempts++;
    call.phase = 'preparing';
    let token: unknown;
    try {
      token = rotated ?? ((await getToken?.()) || undefined);
    } catch (cause) {
      if (cause instanceof DataframerError) throw cause;
      throw callbackFailed(call, 'getToken', cause, redactor);
    }
    if (token === undefined && options.missingTokenMessage)
      throw new ConfigurationError(options.missingTokenMessage, { request: call.label });
    if (token !== undefined) {
      if (typeof token !== 'string') {
        throw new ConfigurationError(`The API key must be a string, got ${typeOf(token)}; check where it is set`, { request: call.label });
      }
      const { key, keyHint } = checkKey(token, request, call.label);
      redactor.remember(token);
      redactor.remember(key);
      call.keyHint = keyHint;
      request.headers.set('authorization', `Bearer ${key}`);
    }
    log?.(
      `→ ${request.method} ${request.url} (${call.operation.name}, attempt ${call.attempts}/${call.maxRetries + 1}${call.idempotencyKey ? `, ${call.operation.idempotencyHeader} ${call.idempotencyKey}` : ''})`,
    );
  };
  return { authorize, useKey };
}
