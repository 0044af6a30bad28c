import { shortId } from './format';
import type { Route } from './route';

/** The document's title for a view: the list, or one run by the short id the page shows for it. */
export function pageTitle(route: Route): string {
  return route.name === 'detail' ? `Run ${shortId(route.runId)} · Dataframer` : 'Runs · Dataframer';
}
