import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import type { Agent as HttpsAgent } from 'node:https';

/** A fetch over node:http(s) with a keep-alive pool, and the pool's close function. */
export interface HttpFetch {
  fetch: (input: Request | string | URL, init?: RequestInit) => Promise<Response>;
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

  async function fetch(input: Request | string | URL, init: RequestInit = {}): Promise<Response> {
    const request = input instanceof Request ? input : new Request(input, init);
    const body = request.body ? Buffer.from(await request.arrayBuffer()) : undefined;
    const headers: Record<string, string> = {};
    request.headers.forEach((value, key) => {
      headers[key] = value;
    });
    if (body) headers['content-length'] = String(body.length);
    const signal = init.signal ?? request.signal;
    const res = await send(new URL(request.url), request.method, headers, body, signal ?? undefined);
    const chunks: Buffer[] = [];
    try {
      for await (const chunk of res) chunks.push(chunk as Buffer);
    } catch (error) {
      throw signal?.aborted ? signal.reason : fetchFailed(error);
    }
    if (!res.complete) throw fetchFailed(Object.assign(new Error('the connection closed before the whole answer arrived'), { code: 'ECONNRESET' }));
    const responseHeaders = new Headers();
    for (let i = 0; i < res.rawHeaders.length; i += 2) responseHeaders.append(res.rawHeaders[i]!, res.rawHeaders[i + 1]!);
    const status = res.statusCode ?? 0;
    const nullBody = request.method === 'HEAD' || status === 204 || status === 205 || status === 304;
    return new Response(nullBody ? null : Buffer.concat(chunks), { status, statusText: res.statusMessage ?? '', headers: responseHeaders });
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
