import { ConfigurationError } from '@df/core';

/** Resolves a base URL against the page's location; no base URL means the page's own origin (a same-origin proxy). */
export function resolveBaseUrl(baseUrl: string | undefined): string {
  const here = (globalThis as { location?: { href: string } }).location?.href;
  if (here === undefined) {
    if (baseUrl === undefined) {
      throw new ConfigurationError('No baseUrl: outside a page, pass an absolute one');
    }
    // Absolute URLs pass through; core reports anything else as an invalid base URL.
    return baseUrl;
  }
  if (baseUrl === undefined) return new URL(here).origin;
  try {
    return new URL(baseUrl, here).href;
  } catch {
    throw new ConfigurationError(`Invalid baseUrl "${baseUrl}": expected a path on this site (/proxy) or an absolute http(s) URL`);
  }
}
