import { isLoopbackHost } from './internal/baseUrl';

/** Whether a request to this URL may carry the API key: https, or plain http to this machine only (localhost, 127.x, [::1]). */
export function mayCarryKey(url: string | URL): boolean {
  const parsed = typeof url === 'string' ? new URL(url) : url;
  return parsed.protocol === 'https:' || (parsed.protocol === 'http:' && isLoopbackHost(parsed.hostname));
}
