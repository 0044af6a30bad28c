import {
  ApiError,
  AuthenticationError,
  ConnectionError,
  DEFAULT_BASE_URL,
  NotFoundError,
  OutcomeUnknownError,
  PermissionDeniedError,
  TimeoutError,
} from '@df/browser';

/** What kind of failure the page shows: each has its own wording and next step. */
type ErrorKind = 'auth' | 'forbidden' | 'unreachable' | 'offline' | 'timeout' | 'not-found' | 'other';

/** A failure in the page's words: a heading, what happened, what to do, and the request id for support. */
export interface ErrorView {
  kind: ErrorKind;
  title: string;
  text: string;
  advice: string | undefined;
  requestId: string | undefined;
}

/** The marker the dashboard's own proxy puts in its 502 body when it could not connect to Dataframer. */
export const PROXY_UNREACHABLE = 'upstream_unreachable';

function proxyBody(error: ApiError): { detail?: unknown; dashboard_proxy?: unknown } | undefined {
  const body = error.body;
  return body && typeof body === 'object' ? (body as { detail?: unknown; dashboard_proxy?: unknown }) : undefined;
}

/** Turns any error from `@df/browser` (or elsewhere) into the words the page shows. */
export function describeError(error: unknown, doing: string): ErrorView {
  const requestId = error instanceof ApiError ? error.requestId : undefined;
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof AuthenticationError) {
    return {
      kind: 'auth',
      title: 'Not signed in to Dataframer',
      text: 'The Dataframer server refused the credentials this site sent (401). The page never holds an API key: the server that serves it adds one in its proxy.',
      advice: 'Set a valid key in DATAFRAMER_API_KEY where this page is served, restart it, then retry.',
      requestId,
    };
  }
  if (error instanceof PermissionDeniedError) {
    return {
      kind: 'forbidden',
      title: `Not allowed to ${doing}`,
      text: `The API key this site uses may not ${doing} (403).`,
      advice: 'Use a key with access to this company’s runs.',
      requestId,
    };
  }
  if (error instanceof ApiError && error.status === 502 && proxyBody(error)?.dashboard_proxy === PROXY_UNREACHABLE) {
    const detail = proxyBody(error)?.detail;
    return {
      kind: 'unreachable',
      title: 'Could not reach Dataframer',
      text: typeof detail === 'string' ? detail : 'The server that serves this page could not connect to the Dataframer API.',
      advice: 'Check DATAFRAMER_BASE_URL and the network where this page is served, then retry.',
      requestId,
    };
  }
  if (error instanceof NotFoundError) {
    // Core's message says when a 404 on a collection means the base URL is probably wrong, and names the URL.
    return {
      kind: 'not-found',
      title: `Could not ${doing}`,
      text: message,
      advice: `If the server is right but the address is not, check DATAFRAMER_BASE_URL where this page is served: it is the server root, like ${DEFAULT_BASE_URL}.`,
      requestId,
    };
  }
  if (error instanceof ConnectionError) {
    return {
      kind: 'offline',
      title: 'This dashboard’s server is not answering',
      text: 'The page could not connect to the server it was loaded from, which forwards its requests to Dataframer.',
      advice: 'Check that the dashboard is still running (npm run dashboard), then retry.',
      requestId,
    };
  }
  if (error instanceof TimeoutError) {
    return {
      kind: 'timeout',
      title: `Timed out trying to ${doing}`,
      text: message,
      advice: 'The server may be slow or overloaded; retry in a moment.',
      requestId,
    };
  }
  if (error instanceof OutcomeUnknownError) {
    return {
      kind: 'other',
      title: 'The run may or may not have started',
      text: 'The connection failed after the request was sent, so the server may have started the run. It was not sent again, because runs cost money.',
      advice: 'Check the runs list for a new run before starting another.',
      requestId,
    };
  }
  return { kind: 'other', title: `Could not ${doing}`, text: message, advice: undefined, requestId };
}
