import {
  ApiError,
  AuthenticationError,
  ConnectionError,
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

/** The marker in the body of a 502, if the dashboard's own proxy sent it. */
function proxyMarker(error: ApiError): unknown {
  const body = error.body;
  return body && typeof body === 'object' ? (body as { dashboard_proxy?: unknown }).dashboard_proxy : undefined;
}

/**
 * Turns any error from `@df/browser` (or elsewhere) into the words the page shows. They are for the people using the
 * page: what happened and what they can do. What the operator must fix (the key, the base URL) is said in the proxy's
 * log on the server, never here.
 */
export function describeError(error: unknown, doing: string): ErrorView {
  const requestId = error instanceof ApiError ? error.requestId : undefined;
  const operator = 'if it keeps happening, tell whoever runs this dashboard.';
  if (error instanceof AuthenticationError) {
    return {
      kind: 'auth',
      title: 'Not signed in to Dataframer',
      text: 'Dataframer did not accept the credentials this dashboard uses, so it cannot show or change runs.',
      advice: 'Ask whoever runs this dashboard to renew its access, then retry.',
      requestId,
    };
  }
  if (error instanceof PermissionDeniedError) {
    return {
      kind: 'forbidden',
      title: `Not allowed to ${doing}`,
      text: `This dashboard's account may not ${doing}.`,
      advice: 'Ask whoever runs this dashboard for access to these runs.',
      requestId,
    };
  }
  if (error instanceof ApiError && error.status === 502 && proxyMarker(error) === PROXY_UNREACHABLE) {
    return {
      kind: 'unreachable',
      title: 'Could not reach Dataframer',
      text: 'This dashboard could not connect to Dataframer: the service may be down, or the network on the way may be failing.',
      advice: `Retry in a moment; ${operator}`,
      requestId,
    };
  }
  if (error instanceof NotFoundError) {
    return {
      kind: 'not-found',
      title: `Could not ${doing}`,
      text: 'Dataframer answered 404, not found: what was asked for may have been deleted, or this dashboard may be connected to the wrong place.',
      advice: `Reload the list; ${operator}`,
      requestId,
    };
  }
  if (error instanceof ConnectionError) {
    return {
      kind: 'offline',
      title: 'This dashboard’s server is not answering',
      text: 'The page could not connect to the site it was loaded from.',
      advice: 'Check your connection, then retry.',
      requestId,
    };
  }
  if (error instanceof TimeoutError) {
    return {
      kind: 'timeout',
      title: `Timed out trying to ${doing}`,
      text: 'Dataframer took too long to answer.',
      advice: 'It may be busy: retry in a moment.',
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
  if (error instanceof ApiError) {
    // The server's own `detail` is written for its users; the SDK's message is not.
    const detail = error.detail ? `: ${error.detail}` : '.';
    return {
      kind: 'other',
      title: `Could not ${doing}`,
      text: `Dataframer answered ${error.status}${detail}`,
      advice: `Retry; ${operator}`,
      requestId,
    };
  }
  return {
    kind: 'other',
    title: `Could not ${doing}`,
    text: 'Something unexpected went wrong.',
    advice: `Retry; ${operator}`,
    requestId,
  };
}
