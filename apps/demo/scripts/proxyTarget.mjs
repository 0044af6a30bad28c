// The server root the dashboard's proxy forwards to, read from DATAFRAMER_BASE_URL: one rule for the proxy
// (dataframerProxy.ts) and for the serve command (demo.mjs), which names the server it uses before it starts.
import { DEFAULT_BASE_URL } from '@df/browser';

const API_PATH = '/api/dataframer';

/**
 * The same rule as the SDK's own base URL (whose helper is internal to @df/core): both documented forms are
 * accepted, `https://df-api.dataframer.ai` and `https://df-api.dataframer.ai/api/dataframer`, with or without a
 * trailing slash; any other path is kept as a prefix (a gateway), since the page's own `/api/dataframer/…` path is
 * appended to it. Unset or blank means production. The value itself is never echoed in an error.
 */
export function proxyTarget(baseUrl) {
  const raw = (baseUrl ?? '').trim() || DEFAULT_BASE_URL;
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error('DATAFRAMER_BASE_URL is not a URL: expected an http(s) server root like https://df-api.dataframer.ai');
  }
  if (!/^https?:$/.test(url.protocol) || url.username || url.password || url.search || url.hash) {
    throw new Error(
      `DATAFRAMER_BASE_URL must be an http(s) URL without credentials, query or fragment (got ${url.protocol}//${url.host}), like https://df-api.dataframer.ai`,
    );
  }
  let path = url.pathname.replace(/\/+$/, '');
  if (path.endsWith(API_PATH)) path = path.slice(0, -API_PATH.length);
  return `${url.origin}${path}`;
}
