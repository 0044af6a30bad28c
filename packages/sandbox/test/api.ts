import { checkExchange, type CheckOptions } from './contract';

/** What one API call returned. */
export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

/** Options of one API call. */
export interface CallOptions extends CheckOptions {
  key?: string | null;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
}

/** A tiny HTTP client for tests: every call is checked against the OpenAPI document. */
export function createApi(baseUrl: string, defaultKey: string) {
  return async function api<T = any>(method: string, path: string, options: CallOptions = {}): Promise<ApiResponse<T>> {
    const url = `${baseUrl}/api/dataframer${path}`;
    const headers: Record<string, string> = { ...options.headers };
    const key = options.key === undefined ? defaultKey : options.key;
    if (key !== null) headers.authorization = `Bearer ${key}`;
    let payload: string | undefined = options.rawBody;
    if (options.body !== undefined) {
      payload = JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(url, { method, headers, body: payload });
    const text = await response.text();
    let body: any = null;
    if (text) {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
    }
    checkExchange(
      { method, url, requestHeaders: headers, requestBody: options.body, status: response.status, responseBody: body },
      options,
    );
    return { status: response.status, headers: response.headers, body, text };
  };
}
