import type { IncomingMessage, ServerResponse } from 'node:http';
import { DEFAULT_BASE_URL, mayCarryKey } from '@df/browser';
import type { Plugin, ProxyOptions } from 'vite';
import { proxyTarget } from './scripts/proxyTarget.mjs';

/** Where the proxy sends requests and which key it adds; both read from the server's environment, never from the page. */
export interface DataframerProxyEnv {
  DATAFRAMER_BASE_URL?: string | undefined;
  DATAFRAMER_API_KEY?: string | undefined;
}

// The production server root, used when DATAFRAMER_BASE_URL is not set.
export { DEFAULT_BASE_URL };

/** The server root the proxy forwards to (both documented forms of DATAFRAMER_BASE_URL accepted). */
export { proxyTarget };

/** The body marker of the proxy's own 502, which the page reads to say Dataframer could not be reached. */
export const PROXY_UNREACHABLE = 'upstream_unreachable';

const API_PATH = '/api/dataframer';

/** A list path (no id in it): a 404 there means the API is not under the base URL at all. */
const COLLECTION_PATH = /^\/api\/dataframer\/[a-z-]+\/(\?|$)/;

/**
 * What the operator should fix when Dataframer answers with this status, in the words of the server's log (the page
 * itself says it plainly, without variables or commands); undefined when there is nothing to fix on this side.
 */
export function operatorAdvice(status: number, path: string, target: string): string | undefined {
  if (status === 401) return 'the key was refused: check DATAFRAMER_API_KEY where this dashboard runs';
  if (status === 403) return 'the key in DATAFRAMER_API_KEY lacks permission for this request';
  if (status === 404 && COLLECTION_PATH.test(path)) {
    return `the API is not under ${target}: DATAFRAMER_BASE_URL is probably wrong (it is the server root, like ${DEFAULT_BASE_URL})`;
  }
  return undefined;
}

function unreachable(error: NodeJS.ErrnoException, res: ServerResponse): void {
  const reason = error.code ?? error.message;
  // The page says this in its own words; where it tried and why is in the server's log.
  const body = JSON.stringify({ detail: 'Dataframer could not be reached.', dashboard_proxy: PROXY_UNREACHABLE, reason });
  res.writeHead(502, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(body);
}

/**
 * The same-origin proxy the page talks to: `/api/dataframer/` is forwarded to the Dataframer server (or the sandbox)
 * and the API key is added here, on the server, so the page itself never holds it. When the server cannot be
 * reached the proxy answers 502 with a JSON body that says so (vite's own answer would be an empty 500). A key with
 * a target the SDK would not send it to (plain http beyond this machine) is refused here, so the server never starts.
 */
export function dataframerProxy(
  env: DataframerProxyEnv = process.env,
  log: (line: string) => void = (line) => console.error(line),
): Record<string, ProxyOptions> {
  const target = proxyTarget(env.DATAFRAMER_BASE_URL);
  const apiKey = env.DATAFRAMER_API_KEY;
  // Judged once, before any request: the target never changes, and a server that starts only to fail every call
  // would hide the mistake in a page instead of saying it where the variables were set.
  if (apiKey && !mayCarryKey(target)) {
    throw new Error(
      `DATAFRAMER_BASE_URL is plain http to ${new URL(target).host}, which would send DATAFRAMER_API_KEY unencrypted: use https (plain http only to localhost, 127.0.0.1 or [::1])`,
    );
  }
  // Polling repeats the same failure every few seconds: a line is logged again only after another one.
  let last = '';
  const logOnce = (line: string) => {
    if (line !== last) log(line);
    last = line;
  };
  return {
    [`${API_PATH}/`]: {
      target,
      changeOrigin: true,
      configure(proxy) {
        proxy.on('proxyReq', (request) => {
          // The page's cookies are for this site, not for the API; whatever the page sent as auth is replaced.
          request.removeHeader('cookie');
          request.removeHeader('authorization');
          if (apiKey) request.setHeader('authorization', `Bearer ${apiKey}`);
        });
        proxy.on('proxyRes', (response, req) => {
          const advice = operatorAdvice(response.statusCode ?? 0, req.url ?? '', target);
          if (advice) logOnce(`Dataframer at ${target} answered ${response.statusCode} to ${req.method} ${req.url}: ${advice}`);
          else if ((response.statusCode ?? 0) < 400) last = '';
        });
        // Registered before vite's own handler, which then sees the answer sent and leaves it alone.
        proxy.on('error', (error, req, res) => {
          if (!('writeHead' in res) || res.headersSent || res.writableEnded) return;
          logOnce(
            `Could not reach Dataframer at ${target} for ${(req as IncomingMessage).method} ${(req as IncomingMessage).url}: ${(error as NodeJS.ErrnoException).code ?? error.message}`,
          );
          unreachable(error as NodeJS.ErrnoException, res as ServerResponse);
        });
      },
    },
  };
}

/** Drops vite's own proxy-error log lines (a stack trace each): the proxy above reports each failure in one line. */
export function quietProxyErrors(): Plugin {
  return {
    name: 'dataframer-quiet-proxy-errors',
    configResolved(config) {
      const error = config.logger.error.bind(config.logger);
      config.logger.error = (message, options) => {
        if (!message.includes('http proxy error')) error(message, options);
      };
    },
  };
}
