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
