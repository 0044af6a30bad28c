/** Bundles `source` with `@df/browser` taken from this package's src, returning the code and its sizes. */
export function bundlePage(
  source: string,
  options?: { resolveDir?: string },
): Promise<{ code: string; minBytes: number; gzipBytes: number }>;
/** A page that only lists runs through the same-origin proxy. */
export const LIST_ONLY_PAGE: string;
/** A page that uses the whole client object. */
export const WHOLE_CLIENT_PAGE: string;
