import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
// Debian's Chromium, installed by scripts/ensure-chromium.mjs, and its flags.
import { CHROMIUM, CHROMIUM_ARGS } from '../../../scripts/chromium.mjs';

/** Bundles a page module (resolving packages from its own project's node_modules) for the browser and returns the code. */
export async function bundlePage(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    logLevel: 'silent',
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error('esbuild wrote no output for the page');
  return output.text;
}

/** A page server: `/` and `/page.js` serve the page; `/api/dataframer/` is proxied to the sandbox with the key added here. */
export interface PageServer {
  url: string;
  /** Paths the proxy forwarded, for assertions. */
  proxied: string[];
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Serves a bundled page on 127.0.0.1 in front of the sandbox, so the page is same-origin with the API and holds no key. */
export async function servePage(options: { script: string; apiBaseUrl: string; apiKey: string }): Promise<PageServer> {
  const proxied: string[] = [];
  const html =
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>smoke</title></head><body><script type="module" src="/page.js"></script></body></html>';
  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const path = request.url ?? '/';
    if (path.startsWith('/api/dataframer/')) {
      proxied.push(`${request.method} ${path}`);
      const headers: Record<string, string> = { authorization: `Bearer ${options.apiKey}` };
      for (const name of ['accept', 'content-type', 'idempotency-key']) {
        const value = request.headers[name];
        if (typeof value === 'string') headers[name] = value;
      }
      const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : new Uint8Array(await readBody(request));
      const upstream = await fetch(`${options.apiBaseUrl}${path}`, { method: request.method ?? 'GET', headers, body });
      const forwarded: Record<string, string> = {};
      for (const name of ['content-type', 'retry-after', 'x-request-id']) {
        const value = upstream.headers.get(name);
        if (value !== null) forwarded[name] = value;
      }
      response.writeHead(upstream.status, forwarded).end(Buffer.from(await upstream.arrayBuffer()));
    } else if (path === '/page.js') {
      response.writeHead(200, { 'content-type': 'text/javascript' }).end(options.script);
    } else if (path === '/') {
      response.writeHead(200, { 'content-type': 'text/html' }).end(html);
    } else {
      response.writeHead(404).end();
    }
  };
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => response.writeHead(502).end(String(error)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    proxied,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Starts headless Debian Chromium as this machine needs it (root: no sandbox; no background network). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...CHROMIUM_ARGS] });
}

/** Opens the page in a fresh context and returns what the page's `window.__smoke` promise settles to. */
export async function runPage<T>(browser: Browser, url: string): Promise<{ ok: true; value: T } | { ok: false; error: string }> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(url);
    await page.waitForFunction(() => (window as unknown as { __smoke?: unknown }).__smoke !== undefined, undefined, { timeout: 30_000 });
    const outcome = await page.evaluate(() => (window as unknown as { __smoke: Promise<unknown> }).__smoke);
    if (errors.length > 0) return { ok: false, error: errors.join('\n') };
    return outcome as { ok: true; value: T } | { ok: false; error: string };
  } finally {
    await context.close();
  }
}
