import type { AfterResponseHook, BeforeRequestHook } from 'ky';

/** ky skips the remaining beforeRequest hooks when one returns a Request, so a user hook that does gets the key added to that Request. */
export function authorizingReplacement(hook: BeforeRequestHook, authorize: BeforeRequestHook): BeforeRequestHook {
  return async (request, options, state) => {
    const result = await hook(request, options, state);
    if (result instanceof Request) await authorize(result as typeof request, options, state);
    return result;
  };
}

/** Hands a user's afterResponse hook a copy of the request without the key (and without the body, which a retry still needs). */
export function withoutKey(hook: AfterResponseHook): AfterResponseHook {
  return (request, options, response, state) => {
    const headers = new Headers(request.headers);
    headers.delete('authorization');
    return hook(new Request(request.url, { method: request.method, headers }) as typeof request, options, response, state);
  };
}
