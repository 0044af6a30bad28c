import type { Dispatcher } from 'undici';
import { createNodeHttpFetch } from './internal/nodeHttpFetch';

/** Options of `createNodeFetch`. */
export interface NodeFetchOptions {
  /** Proxy for every request (`http://proxy.internal:3128`); `NO_PROXY` still applies. Default: `HTTPS_PROXY` / `HTTP_PROXY`. */
  proxy?: string;
  /** Environment to read the proxy variables from; defaults to `process.env`. */
  env?: Record<string, string | undefined>;
  /**
   * `undici` (the default) or `node:http`, whose native parser starts a short-lived process about three
   * times faster (the `dataframer` command uses it). node:http has no proxy support: with a proxy set,
   * undici is used whatever this says.
   */
  engine?: 'undici' | 'node:http';
}

/** A fetch for Node with its own connection pool, and the pool's close function. */
export interface NodeFetch {
  /** Standard fetch: takes a URL or a `Request` (also one built by Node's own `Request` class) and answers a `Response`. */
  fetch(input: string | URL | Request, init?: RequestInit): Promise<Response>;
  /** Closes the pool's idle connections. */
  close(): Promise<void>;
}

/**
 * An undici interceptor that aborts a request when `signal` fires, holding the link strongly. undici's fetch
 * follows the caller's signal through objects it holds only weakly, so after a garbage collection an abort
 * can be lost and a request run on past its deadline, its socket busy until the server answers.
 */
function abortOn(signal: AbortSignal): Dispatcher.DispatcherComposeInterceptor {
  return (dispatch) => (options, handler) => {
    let controller: Dispatcher.DispatchController | undefined;
    const onAbort = () => controller?.abort(signal.reason);
    const done = () => signal.removeEventListener('abort', onAbort);
    signal.addEventListener('abort', onAbort, { once: true });
    return dispatch(options, {
      onRequestStart(c, context) {
        controller = c;
        if (signal.aborted) c.abort(signal.reason);
        handler.onRequestStart?.(c, context);
      },
      onRequestUpgrade: (...args) => handler.onRequestUpgrade?.(...args),
      onResponseStart: (...args) => handler.onResponseStart?.(...args),
      onResponseData: (...args) => handler.onResponseData?.(...args),
      onResponseEnd(...args) {
        done();
        handler.onResponseEnd?.(...args);
      },
      onResponseError(...args) {
        done();
        handler.onResponseError?.(...args);
      },
    });
  };
}

/** Reads a proxy variable as curl, npm and gh do: lower case first, then upper case; empty means none. */
function proxyVariable(env: Record<string, string | undefined>, name: string): string {
  return env[name.toLowerCase()] ?? env[name] ?? '';
}

/**
 * Creates a fetch whose header and body timeouts are off, so only the client's own deadline ends a call (Node's
 * fetch gives up after 300 s without response headers whatever the caller asked for), and which honours
 * `HTTPS_PROXY`, `HTTP_PROXY` and `NO_PROXY` through undici's `EnvHttpProxyAgent`. It is Node's own fetch,
 * which takes the `Request` ky builds as it is, over a connection pool from undici (npm) given as its
 * `dispatcher`. undici is loaded at the first request, so creating a client (or passing your own fetch) costs nothing.
 */
export function createNodeFetch(options: NodeFetchOptions = {}): NodeFetch {
  const env = options.env ?? process.env;
  const proxied = Boolean(options.proxy || proxyVariable(env, 'HTTP_PROXY') || proxyVariable(env, 'HTTPS_PROXY'));
  if (options.engine === 'node:http' && !proxied) return createNodeHttpFetch();
  let loaded: Promise<Dispatcher> | undefined;
  const load = () =>
    (loaded ??= import('undici').then((module) => {
      // A bundle that splits undici (CommonJS) into a chunk of its own may expose it only as the default export.
      const { Agent, EnvHttpProxyAgent } =
        typeof module.Agent === 'function' ? module : (module as unknown as { default: typeof module }).default;
      const timeouts = { headersTimeout: 0, bodyTimeout: 0 };
      const httpProxy = options.proxy ?? proxyVariable(env, 'HTTP_PROXY');
      const httpsProxy = options.proxy ?? (proxyVariable(env, 'HTTPS_PROXY') || httpProxy);
      return httpProxy || httpsProxy
        ? new EnvHttpProxyAgent({ ...timeouts, httpProxy, httpsProxy, noProxy: proxyVariable(env, 'NO_PROXY') })
        : new Agent(timeouts);
    }));
  return {
    async fetch(input, init) {
      const pool = await load();
      const signal = init?.signal ?? (typeof input === 'string' || input instanceof URL ? undefined : input.signal);
      // Bun's built-in undici has no compose(); its fetch keeps the signal itself.
      const dispatcher = signal && typeof pool.compose === 'function' ? pool.compose(abortOn(signal)) : pool;
      // `dispatcher` is undici's own option of fetch (Node's fetch is undici), not part of the standard RequestInit.
      return globalThis.fetch(input, { ...init, dispatcher } as unknown as RequestInit);
    },
    close: async () => {
      if (!loaded) return;
      // Bun's built-in undici has an Agent without close(); its pool needs no closing.
      const pool = (await loaded) as Partial<Dispatcher>;
      await pool.close?.();
    },
  };
}
