/** Which view the page shows, read from the URL hash so a run's page can be shared: `#/runs/<id>`. */
export type Route = { name: 'list' } | { name: 'detail'; runId: string };

/** The runs list filters, kept in the URL query (`?status=FAILED&spec=<id>`). */
export interface Filters {
  status: string;
  spec: string;
}

/** Reads the route from a URL hash; anything that is not a run's page is the list. */
export function parseRoute(hash: string): Route {
  const encoded = /^#\/runs\/([^/?#]+)\/?$/.exec(hash)?.[1];
  if (encoded === undefined) return { name: 'list' };
  try {
    return { name: 'detail', runId: decodeURIComponent(encoded) };
  } catch {
    return { name: 'list' };
  }
}

/** A run's full id; anything else on a run's page is taken as the start of one (the short ids the page shows). */
export const FULL_RUN_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The link to a run's page; relative, so the filters in the query stay as they are. */
export function runHref(runId: string): string {
  return `#/runs/${encodeURIComponent(runId)}`;
}

/** The link back to the list. */
export const LIST_HREF = '#/';

/** Reads the filters from a URL query string. */
export function readFilters(search: string): Filters {
  const query = new URLSearchParams(search);
  return { status: query.get('status') ?? '', spec: query.get('spec') ?? '' };
}

/** The same URL with these filters in its query (empty ones removed) and the hash kept. */
export function withFilters(href: string, filters: Filters): string {
  const url = new URL(href);
  for (const [key, value] of Object.entries(filters)) {
    if (value) url.searchParams.set(key, value);
    else url.searchParams.delete(key);
  }
  return url.href;
}
