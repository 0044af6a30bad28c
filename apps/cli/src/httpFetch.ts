import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import type { Agent as HttpsAgent } from 'node:https';

/** What a request through this client carries. */
interface FetchInit {
  method: string;
  headers: Record<string, string>;
  body?: string;
  signal: AbortSignal;
}

/** The part of a response this client answers with. */
interface FetchResponse {
  readonly status: number;
  readonly ok: boolean;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
}

/** A fetch over node:http(s) with a keep-alive pool, and the pool's close function. */
export interface HttpFetch {
  fetch: (url: string, init: FetchInit) => Promise<FetchResponse>;
  /** Streams a GET without buffering (for downloads). */
  get(url: URL, signal: AbortSignal): Promise<IncomingMessage>;
  close(): Promise<void>;
}

function fetchFailed(cause: unknown): TypeError {
  return new TypeError('fetch failed', { cause });
}

/**
 * Creates the CLI's HTTP client. It is node:http underneath instead of undici: the request parser is native,
 * so the first request of a short-lived process costs a few milliseconds instead of tens. The SDK takes it
 * through `createClient({ fetch })`; the transport above it still does retries, deadlines and errors.
 */
export function createHttpFetch(): HttpFetch {
  const httpAgent = new HttpAgent({ keepAlive: true });
  // TLS is loaded only for an https server, so a local sandbox never pays for it.
  let https: { request: typeof httpRequest; agent: HttpsAgent } | undefined;

  async function send(url: URL, method: string, headers: Record<string, string>, body: Buffer | undefined, signal: AbortSignal | undefined) {
    if (url.protocol === 'https:' && !https) {
      const module = await import('node:https');
      https = { request: module.request as typeof httpRequest, agent: new module.Agent({ keepAlive: true }) };
    }
    return new Promise<IncomingMessage>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const secure = url.protocol === 'https:';
      const req = (secure ? https!.request : httpRequest)(url, { method, headers, agent: secure ? https!.agent : httpAgent });
      const onAbort = () => req.destroy(signal!.reason as Error);
      signal?.addEventListener('abort', onAbort, { once: true });
      req.once('error', (error) => {
        signal?.removeEventListener('abort', onAbort);
        reject(signal?.aborted ? signal.reason : fetchFailed(error));
      });
      req.once('response', (res) => {
        res.once('close', () => signal?.removeEventListener('abort', onAbort));
        resolve(res);
      });
      req.end(body);
    });
  }

  // The SDK sends a URL string, plain-object headers and a string body, and reads only status, ok, headers.get
  // and text(): answering with a plain object keeps Node from loading its fetch classes (Request, Headers,
  // Response) at all, which is most of a short-lived process's first-request cost.
  async function fetch(url: string, init: FetchInit): Promise<FetchResponse> {
    const method = init.method;
    const body = init.body === undefined ? undefined : Buffer.from(init.body);
    const headers: Record<string, string> = { ...init.headers };
    if (body) headers['content-length'] = String(body.length);
    const signal = init.signal;
    const res = await send(new URL(url), method, headers, body, signal);
    const chunks: Buffer[] = [];
    try {
      for await (const chunk of res) chunks.push(chunk as Buffer);
    } catch (error) {
      throw signal?.aborted ? signal.reason : fetchFailed(error);
    }
    if (!res.complete) throw fetchFailed(Object.assign(new Error('the connection closed before the whole answer arrived'), { code: 'ECONNRESET' }));
    const status = res.statusCode ?? 0;
    const text = Buffer.concat(chunks).toString('utf8');
    return {
      status,
      ok: status >= 200 && status < 300,
      headers: {
        get(name) {
          const value = res.headers[name.toLowerCase()];
          return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
        },
      },
      text: async () => text,
    };
  }

  return {
    fetch,
    get: (url, signal) => send(url, 'GET', { accept: '*/*' }, undefined, signal),
    async close() {
      httpAgent.destroy();
      https?.agent.destroy();
    },
  };
}
