import { Agent as HttpAgent, request as httpRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import type { Agent as HttpsAgent } from 'node:https';
import { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';

/** A fetch over node:http(s) with keep-alive pools, and the pools' close function. */
export interface NodeHttpFetch {
  fetch(input: string | URL | Request, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 20;

function fetchFailed(cause: unknown): TypeError {
  // The shape undici gives its failures: the transport reads the system error code from the cause.
  return new TypeError('fetch failed', { cause });
}

function decoded(res: IncomingMessage): Readable {
  const encoding = String(res.headers['content-encoding'] ?? '')
    .trim()
    .toLowerCase();
  if (encoding === 'gzip' || encoding === 'x-gzip') return res.pipe(createGunzip());
  if (encoding === 'deflate') return res.pipe(createInflate());
  if (encoding === 'br') return res.pipe(createBrotliDecompress());
  return res;
}

/**
 * The same fetch contract on node:http(s): a native HTTP parser, so the first request of a short-lived
 * process (the `dataframer` command) costs a few milliseconds where undici from npm costs about three
 * times a bare `node -e 0` to load. Follows redirects as fetch does (dropping `Authorization` across
 * origins), decompresses gzip, deflate and br, streams the body, aborts on the Request's signal.
 */
export function createNodeHttpFetch(): NodeHttpFetch {
  const httpAgent = new HttpAgent({ keepAlive: true });
  // TLS is loaded only for an https server, so a local sandbox never pays for it.
  let https: { request: typeof httpRequest; agent: HttpsAgent } | undefined;

  async function send(
    url: URL,
    options: RequestOptions,
    body: Uint8Array | Readable | undefined,
    signal: AbortSignal | null,
  ): Promise<IncomingMessage> {
    let secure: { request: typeof httpRequest; agent: HttpsAgent } | undefined;
    if (url.protocol === 'https:') {
      if (!https) {
        const module = await import('node:https');
        https = { request: module.request as typeof httpRequest, agent: new module.Agent({ keepAlive: true }) };
      }
      secure = https;
    }
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const req = (secure ? secure.request : httpRequest)(url, { ...options, agent: secure ? secure.agent : httpAgent });
      const onAbort = () => req.destroy(signal?.reason as Error);
      signal?.addEventListener('abort', onAbort, { once: true });
      req.once('error', (error) => {
        signal?.removeEventListener('abort', onAbort);
        reject(signal?.aborted ? signal.reason : fetchFailed(error));
      });
      req.once('response', (res) => {
        res.once('close', () => signal?.removeEventListener('abort', onAbort));
        resolve(res);
      });
      if (body instanceof Readable) {
        // A streamed body (an upload) is piped as it is read; a failure reading it fails the request.
        body.once('error', (error) => req.destroy(error));
        body.pipe(req);
      } else req.end(body);
    });
  }

  async function fetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
    // A Request and a signal for it (the SDK's deadline) are taken as they are; anything else becomes a Request.
    const onlySignal = init !== undefined && Object.keys(init).every((key) => key === 'signal' || key === 'window');
    const request = input instanceof Request && (init === undefined || onlySignal) ? input : new Request(input, init);
    const signal = init?.signal ?? request.signal;
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => {
      headers[name] = value;
    });
    let method = request.method;
    // A body of known length (an upload) is streamed, never held whole; any other is read first to learn its length.
    const streamed = request.body !== null && headers['content-length'] !== undefined;
    let body: Uint8Array | Readable | undefined = streamed
      ? Readable.fromWeb(request.body as import('node:stream/web').ReadableStream<Uint8Array>)
      : request.body === null
        ? undefined
        : new Uint8Array(await request.arrayBuffer());
    if (body instanceof Uint8Array) headers['content-length'] = String(body.byteLength);
    let url = new URL(request.url);
    for (let redirects = 0; ; redirects++) {
      const res = await send(url, { method, headers }, body, signal);
      const status = res.statusCode ?? 0;
      const location = res.headers.location;
      if (REDIRECTS.has(status) && location && request.redirect !== 'manual') {
        res.resume();
        if (request.redirect === 'error' || redirects >= MAX_REDIRECTS || (streamed && body !== undefined))
          throw fetchFailed(new Error(`too many redirects, or redirects refused (${status} to ${location})`));
        const next = new URL(location, url);
        if (next.origin !== url.origin) delete headers['authorization'];
        if (status === 303 || ((status === 301 || status === 302) && method === 'POST')) {
          method = 'GET';
          body = undefined;
          delete headers['content-length'];
          delete headers['content-type'];
        }
        url = next;
        continue;
      }
      const responseHeaders = new Headers();
      const raw = res.rawHeaders;
      for (let i = 0; i + 1 < raw.length; i += 2) responseHeaders.append(raw[i] ?? '', raw[i + 1] ?? '');
      if (status === 204 || status === 205 || status === 304 || method === 'HEAD') {
        res.resume();
        return new Response(null, { status, statusText: res.statusMessage ?? '', headers: responseHeaders });
      }
      const stream = decoded(res);
      // A body cut short (the connection closed before the end) is an error, as it is for fetch.
      if (stream !== res) res.once('error', (error) => stream.destroy(error));
      return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, {
        status,
        statusText: res.statusMessage ?? '',
        headers: responseHeaders,
      });
    }
  }

  return {
    fetch,
    async close() {
      httpAgent.destroy();
      https?.agent.destroy();
    },
  };
}
