import { ConfigurationError } from '../errors/errors';
import { DEFAULT_BASE_URL } from '../defaults';
import { API_PREFIX } from './paths';

/** Whether a host name is this machine, where plain http cannot be overheard. */
export function isLoopbackHost(hostname: string): boolean {
  return /^(localhost|.+\.localhost|127(\.\d{1,3}){3}|\[::1\]|::1)$/i.test(hostname);
}

/**
 * Parses and checks a base URL (http or https, no credentials, query or fragment) and returns the server
 * root every path is appended to. The docs give the server both as `https://df-api.dataframer.ai` and as
 * `https://df-api.dataframer.ai/api/dataframer` (the overview page), so a trailing `/api/dataframer` is
 * dropped; any other path is kept as a prefix (a gateway). Throws a ConfigurationError otherwise.
 */
export function normalizeBaseUrl(baseUrl: string): string {
  let url: URL | undefined;
  try {
    url = new URL(baseUrl);
  } catch {
    // reported below
  }
  if (!url || !/^https?:$/.test(url.protocol) || url.username || url.password || url.search || url.hash) {
    throw new ConfigurationError(
      // The value itself is not echoed: a key pasted in the wrong place must not end up in a log.
      `Invalid base URL${url ? ` (${url.protocol}//${url.host})` : ''}: expected an absolute http(s) URL without credentials, query or fragment, like ${DEFAULT_BASE_URL}`,
    );
  }
  const root = url.href.replace(/\/+$/, '');
  return root.endsWith(API_PREFIX) ? root.slice(0, -API_PREFIX.length) : root;
}
