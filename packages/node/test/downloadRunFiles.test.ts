import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  AbortError,
  ApiError,
  ConfigurationError,
  ConnectionError,
  createClient,
  type DownloadProgress,
  type NodeClient,
  RequestValidationError,
  ResponseValidationError,
  TimeoutError,
} from '../src/index';
import { type Seen, sendJson, startServer } from './server';

const KEY = 'sk_test_FAKE0000000000000000';
const RUN = '6f1c2a8e-0000-4000-8000-00000000d0d0';
const FILES = `/api/dataframer/runs/${RUN}/files/download/`;
const ZIP = Buffer.alloc(1000, 7);

/** What the API answers for the run's files; by default the ZIP is ready at the storage route, 1000 bytes. */
let files: (res: ServerResponse) => void;
/** What the storage route answers. */
let storage: (req: Seen, res: ServerResponse) => void;
let server: Awaited<ReturnType<typeof startServer>>;
let client: NodeClient;
const dirs: string[] = [];

beforeAll(async () => {
  server = await startServer((req, res) => {
    if (req.url === FILES) return files(res);
    if (req.url.startsWith('/storage/')) return storage(req, res);
    sendJson(res, 404, { detail: 'Not found.' });
  });
  client = createClient({ apiKey: KEY, baseUrl: server.url, env: {} });
});
afterAll(async () => {
  await client.close();
  await server.close();
});
beforeEach(() => {
  server.seen.length = 0;
  files = (res) => sendJson(res, 200, { download_url: `${server.url}/storage/run.zip?X-Signature=abc`, size_bytes: ZIP.length });
  storage = (_req, res) => res.writeHead(200, { 'content-type': 'application/zip', 'content-length': String(ZIP.length) }).end(ZIP);
});
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh folder to download into (removed after the test). */
function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'df-download-'));
  dirs.push(dir);
  return dir;
}

const storageRequests = () => server.seen.filter((r) => r.url.startsWith('/storage/'));

describe('runs.download against a loopback API and storage server', () => {
  it('saves the ZIP under its final name only, reports progress, and sends the storage server no API key', async () => {
    const dir = folder();
    const seen: DownloadProgress[] = [];
    const saved = await client.runs.download(RUN, { to: join(dir, 'run.zip'), onProgress: (p) => seen.push(p) });
    expect(saved).toEqual({ path: join(dir, 'run.zip'), size: ZIP.length });
    expect(readFileSync(saved.path).equals(ZIP)).toBe(true);
    expect(readdirSync(dir)).toEqual(['run.zip']);
    expect(seen[0]).toMatchObject({ phase: 'preparing', received: 0 });
    expect(seen.at(-1)).toMatchObject({ phase: 'downloading', received: ZIP.length, total: ZIP.length });
    expect(server.seen.find((r) => r.url === FILES)?.headers['authorization']).toBe(`Bearer ${KEY}`);
    expect(storageRequests()).toHaveLength(1);
    expect(storageRequests()[0]?.headers['authorization']).toBeUndefined();
  });

  it.each([
    [
      'sends its headers and part of the body, then stalls',
      (res: ServerResponse) => res.writeHead(200, { 'content-length': '1000' }).write(ZIP.subarray(0, 200)),
      /200 of 1000 bytes had arrived; nothing was saved/,
    ],
    ['never answers', () => undefined, /0 of 1000 bytes had arrived; nothing was saved/],
  ])('ends at its deadline with a TimeoutError when the storage server %s, leaving no file', async (_, stall, message) => {
    storage = (_req, res) => stall(res);
    const dir = folder();
    const started = performance.now();
    const error = await client.runs.download(RUN, { to: join(dir, 'run.zip'), timeoutMs: 1500 }).catch((e: unknown) => e);
    const elapsed = performance.now() - started;
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).message).toMatch(message);
    expect((error as TimeoutError).timeoutMs).toBe(1500);
    expect(elapsed).toBeGreaterThanOrEqual(1500 - 5);
    expect(elapsed).toBeLessThan(1500 + 300);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('ends at its deadline while the ZIP is still being built', async () => {
    files = (res) => sendJson(res, 202, { detail: 'The ZIP archive is being built; poll this endpoint again.' });
    const dir = folder();
    const started = performance.now();
    const error = await client.runs.download(RUN, { to: join(dir, 'run.zip'), timeoutMs: 800, intervalMs: 50 }).catch((e: unknown) => e);
    expect(performance.now() - started).toBeLessThan(800 + 300);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as Error).message).toMatch(/within its 800 ms deadline: the ZIP was still being prepared; nothing was saved/);
    expect(storageRequests()).toEqual([]);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('says how much arrived of how much when the connection is cut half-way, and saves nothing', async () => {
    storage = (_req, res) => {
      res.writeHead(200, { 'content-length': '1000' }).write(ZIP.subarray(0, 400), () => setTimeout(() => res.destroy(), 20));
    };
    const dir = folder();
    const error = await client.runs.download(RUN, { to: join(dir, 'run.zip') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toMatch(
      new RegExp(`run ${RUN}'s files broke off \\(.+\\) after 400 of 1000 bytes; nothing was saved`),
    );
    expect(readdirSync(dir)).toEqual([]);
  });

  it.each([
    [
      'a Content-Length other than size_bytes',
      { 'content-length': '900' },
      ZIP.subarray(0, 900),
      ResponseValidationError,
      /the API announced 1000 bytes \(size_bytes\) but the storage server 900 \(Content-Length\); nothing was saved/,
    ],
    [
      'more bytes than size_bytes',
      {},
      Buffer.concat([ZIP, ZIP]),
      ResponseValidationError,
      /more than the 1000 bytes announced arrived \(\d+ so far\); nothing was saved/,
    ],
    ['fewer bytes than size_bytes', {}, ZIP.subarray(0, 800), ConnectionError, /ended after 800 of 1000 bytes; nothing was saved/],
  ] as const)('refuses a body with %s and saves nothing', async (_, headers, body, type, message) => {
    storage = (_req, res) => res.writeHead(200, headers).end(body);
    const dir = folder();
    const error = await client.runs.download(RUN, { to: join(dir, 'run.zip') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(type);
    expect((error as Error).message).toMatch(message);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('checks the body against the Content-Length when the API gives no size', async () => {
    files = (res) => sendJson(res, 200, { download_url: `${server.url}/storage/run.zip`, size_bytes: null });
    storage = (_req, res) => {
      res.writeHead(200, { 'content-length': '1000' }).write(ZIP.subarray(0, 300), () => setTimeout(() => res.destroy(), 20));
    };
    const dir = folder();
    const error = await client.runs.download(RUN, { to: join(dir, 'run.zip') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toMatch(/after 300 of 1000 bytes; nothing was saved/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('stops at once on the caller’s signal with an AbortError', async () => {
    const controller = new AbortController();
    storage = (_req, res) => {
      res.writeHead(200, { 'content-length': '1000' }).write(ZIP.subarray(0, 100), () => setTimeout(() => controller.abort(), 50));
    };
    const dir = folder();
    const started = performance.now();
    const error = await client.runs.download(RUN, { to: join(dir, 'run.zip'), signal: controller.signal }).catch((e: unknown) => e);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(error).toBeInstanceOf(AbortError);
    expect((error as Error).message).toMatch(/was aborted by the caller after .*: 100 of 1000 bytes had arrived; nothing was saved/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('reports an error status of the storage server as an ApiError, without the URL’s signature', async () => {
    storage = (_req, res) => res.writeHead(403, { 'content-type': 'application/xml' }).end('<Error>Request has expired</Error>');
    const dir = folder();
    const error = await client.runs.download(RUN, { to: join(dir, 'run.zip') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(403);
    expect((error as ApiError).message).toMatch(/HTTP 403 from the storage server \(the download link may have expired/);
    expect(JSON.stringify((error as ApiError).toJSON())).not.toContain('X-Signature');
    expect(readdirSync(dir)).toEqual([]);
  });

  it.each(['file:///etc/passwd', 'ftp://storage.example/run.zip', '/storage/run.zip'])(
    'fetches nothing from a download URL such as %s',
    async (downloadUrl) => {
      files = (res) => sendJson(res, 200, { download_url: downloadUrl, size_bytes: 1000 });
      const dir = folder();
      const error = await client.runs.download(RUN, { to: join(dir, 'run.zip') }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ResponseValidationError);
      expect((error as ResponseValidationError).issues[0]?.path).toBe('download_url');
      expect(storageRequests()).toEqual([]);
      expect(readdirSync(dir)).toEqual([]);
    },
  );

  it('keeps a file already at the target unless told to overwrite it', async () => {
    const dir = folder();
    const to = join(dir, 'run.zip');
    writeFileSync(to, 'an older download');
    const error = await client.runs.download(RUN, { to }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestValidationError);
    expect((error as RequestValidationError).issues[0]?.path).toBe('to');
    expect(server.seen).toEqual([]);
    expect(readFileSync(to, 'utf8')).toBe('an older download');
    await client.runs.download(RUN, { to, overwrite: true });
    expect(readFileSync(to).equals(ZIP)).toBe(true);
    expect(readdirSync(dir)).toEqual(['run.zip']);
  });

  it('creates the target’s folder and rejects options it cannot use before sending anything', async () => {
    const to = join(folder(), 'nested', 'deeper', 'run.zip');
    await client.runs.download(RUN, { to });
    expect(existsSync(to)).toBe(true);
    server.seen.length = 0;
    const bads = [
      undefined as never,
      { to: '' },
      { to: join(folder(), 'x.zip'), timeoutMs: 0 },
      { to: join(folder(), 'x.zip'), timeoutMs: Number.NaN },
    ];
    for (const bad of bads) {
      await expect(client.runs.download(RUN, bad)).rejects.toThrow(ConfigurationError);
    }
    expect(server.seen).toEqual([]);
  });
});
