import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTransport, type Runtime, type TransportOptions } from '../src/index';
import { FAKE_KEY } from './helpers';

/** A request as the loopback server received it, body whole. */
export interface Received {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

/** A real HTTP server on 127.0.0.1, port 0, answering with `handle` after reading each body; it records every request. */
export async function startLoopback(handle: (request: Received, res: ServerResponse) => void | Promise<void>) {
  const received: Received[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const request = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) };
    received.push(request);
    await handle(request, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Writes a JSON answer. */
export function answer(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

/** The multipart form a request carried, parsed by the platform's own parser. */
export function formOf(request: Received): Promise<FormData> {
  return new Response(request.body, { headers: { 'content-type': String(request.headers['content-type']) } }).formData();
}

/** A transport over the platform's fetch to `baseUrl`, with the runtime's upload settings; its log lines are kept. */
export function loopbackTransport(baseUrl: string, runtime: Partial<Runtime> = {}, options: Partial<TransportOptions> = {}) {
  const lines: string[] = [];
  const transport = createTransport({
    baseUrl,
    runtime: {
      fetch: (request, init) => fetch(request, init),
      setTimeout: (callback, ms) => setTimeout(callback, ms),
      clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
      now: () => Date.now(),
      random: () => 0.5,
      randomUUID: () => crypto.randomUUID(),
      ...runtime,
    },
    getToken: () => FAKE_KEY,
    logger: { debug: (line) => lines.push(line) },
    ...options,
  });
  return { transport, lines };
}
