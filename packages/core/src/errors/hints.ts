import { DEFAULT_BASE_URL } from '../defaults';
import { API_KEY_LOCATION } from '../keyShape';

const COLLECTION_PATH = /\/api\/dataframer\/(runs|specs|models)\/$/;

/** Advice the status calls for, in the SDK's own words (the CLI and the page add theirs). */
export function httpFailureHint(input: { status: number; url: string; keyHint?: string }): string | undefined {
  if (input.status === 404 && COLLECTION_PATH.test(new URL(input.url).pathname)) {
    return `The base URL is probably wrong: ${input.url} does not exist on that server (the base URL is the server root, like ${DEFAULT_BASE_URL})`;
  }
  if (input.status === 401) {
    const key = input.keyHint ? `The key ${input.keyHint} was refused` : 'The request carried no API key';
    return `${key}; API keys are under ${API_KEY_LOCATION}`;
  }
  if (input.status === 403) {
    return `${input.keyHint ? `The key ${input.keyHint}` : 'The key'} is valid but lacks permission for this request`;
  }
  return undefined;
}

/** Advice for a request that got no full answer: where it broke tells what to check. */
export function connectionFailureHint(badPort: boolean, notSent: boolean, afterHeaders: boolean | undefined, baseUrl: string): string {
  if (badPort) return `fetch never connects to that port; run the server on another one (base URL ${baseUrl})`;
  if (notSent) return `check the base URL (${baseUrl}) and that the server is reachable`;
  if (afterHeaders) return 'the answer broke off half-way; check the network and proxy';
  return 'the connection broke before a full answer; check the network and proxy';
}
