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

function unreachable(target: string, error: NodeJS.ErrnoException, res: ServerResponse): void {
  const reason = error.code ?? error.message;
  const body = JSON.stringify({
    detail: `The dashboard's server could not reach Dataframer at ${target} (${reason}).`,
    dashboard_proxy: PROXY_UNREACHABLE,
    target,
    reason,
  });
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
        // Registered before vite's own handler, which then sees the answer sent and leaves it alone.
        proxy.on('error', (error, req, res) => {
          if (!('writeHead' in res) || res.headersSent || res.writableEnded) return;
          log(
            `Could not reach Dataframer at ${target} for ${(req as IncomingMessage).method} ${(req as IncomingMessage).url}: ${(error as NodeJS.ErrnoException).code ?? error.message}`,
          );
          unreachable(target, error as NodeJS.ErrnoException, res as ServerResponse);
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
