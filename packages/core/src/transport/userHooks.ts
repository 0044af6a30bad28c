import type { AfterResponseHook, BeforeRequestHook } from 'ky';
import { callbackFailed } from './callbackFailed';
import { callOf } from './call';
import type { Redactor } from './redactor';

/** A retry starts from a copy of the request sent before, key included: it comes off before any hook of yours runs. */
export const withoutEarlierKey: BeforeRequestHook = (request) => {
  request.headers.delete('authorization');
};

/**
 * Runs your `beforeRequest` hook. What it throws becomes a CallbackError (nothing was sent, so it is never retried);
 * ky skips the remaining hooks when one returns a Request, so a returned Request is authorized here.
 */
export function beforeRequestOfYours(hook: BeforeRequestHook, authorize: BeforeRequestHook, redactor: Redactor): BeforeRequestHook {
  return async (request, options, state) => {
    let result: Awaited<ReturnType<BeforeRequestHook>>;
    try {
      result = await hook(request, options, state);
    } catch (cause) {
      throw callbackFailed(callOf(options), 'beforeRequest hook', cause, redactor);
    }
    if (result instanceof Request) await authorize(result as typeof request, options, state);
    return result;
  };
}

/**
 * Runs your `afterResponse` hook on a copy of the request without the key (and without the body, which a retry still
 * needs). An answer that hands out a new key (`apiKeys.rotate`) reaches it without its body, and what it returns is
 * not used. What it throws becomes a CallbackError; the request had been sent.
 */
export function afterResponseOfYours(hook: AfterResponseHook, redactor: Redactor): AfterResponseHook {
  return async (request, options, response, state) => {
    const headers = new Headers(request.headers);
    headers.delete('authorization');
    const handsOutKey = callOf(options)?.operation.nextKey !== undefined;
    const shown = handsOutKey
      ? (new Response(null, { status: response.status, statusText: response.statusText, headers: response.headers }) as typeof response)
      : response;
    try {
      const result = await hook(new Request(request.url, { method: request.method, headers }) as typeof request, options, shown, state);
      return handsOutKey ? undefined : result;
    } catch (cause) {
      throw callbackFailed(callOf(options), 'afterResponse hook', cause, redactor);
    }
  };
}
