// `runs download` when the storage server misbehaves: a loopback server in front of the sandbox forwards the API
// (whose download URLs then point back at it) and serves the ZIP as each test says: stalled or cut half-way, or another ZIP.
import { spawn } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { strToU8, zipSync } from 'fflate';
import { startSandbox, type Sandbox } from '@df/sandbox';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { BIN, runIn, tempDir } from './support/cli';

vi.setConfig({ testTimeout: 30_000 });

type Mode = 'stall' | 'cut' | 'crafted';
let sandbox: Sandbox;
let front: { url: string; close(): Promise<void> };
let mode: Mode;
/** Called when the storage route is asked for the ZIP (the download has started). */
let onDownload: () => void;
/** The ZIP the `crafted` mode serves in place of the run's. */
let crafted: Uint8Array;
let runId: string;
const dirs: string[] = [];

/** Sends the sandbox's answer for `req` back, or hands its bytes to `take`. */
function forward(req: IncomingMessage, res: ServerResponse, take?: (status: number, body: Buffer) => void): void {
  const target = new URL(sandbox.url);
  const upstream = httpRequest(
    { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers },
    (answer) => {
      if (!take) {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
        return;
      }
      const chunks: Buffer[] = [];
      answer.on('data', (chunk: Buffer) => chunks.push(chunk));
      answer.on('end', () => take(answer.statusCode ?? 502, Buffer.concat(chunks)));
    },
  );
  req.pipe(upstream);
}

function storage(req: IncomingMessage, res: ServerResponse): void {
  onDownload();
  if (mode === 'crafted') {
    res.writeHead(200, { 'content-length': String(crafted.length) }).end(crafted);
    return;
  }
  forward(req, res, (_status, zip) => {
    res.writeHead(200, { 'content-type': 'application/zip', 'content-length': String(zip.length) });
    res.write(zip.subarray(0, zip.length >> 1), () => {
      if (mode === 'cut') setTimeout(() => res.destroy(), 20);
      // stall: the rest never comes
    });
  });
}

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: 21, speed: 1000 });
  runId = sandbox.runs('acme').find((r) => r.run.status === 'SUCCEEDED')!.id;
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    if (path.startsWith('/__sandbox/downloads/')) return storage(req, res);
    if (mode === 'crafted' && path === `/api/dataframer/runs/${runId}/files/download/`) {
      const url = `http://${req.headers.host}/__sandbox/downloads/crafted/run.zip`;
      return void res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ download_url: url, size_bytes: crafted.length }));
    }
    forward(req, res);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  front = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
});
afterAll(async () => {
  await front?.close();
  await sandbox?.stop();
});
beforeEach(() => {
  mode = 'stall';
  onDownload = () => undefined;
});
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function folder(): string {
  const dir = tempDir('dataframer-download-');
  dirs.push(dir);
  return dir;
}

const env = () => ({ DATAFRAMER_BASE_URL: front.url, DATAFRAMER_API_KEY: sandbox.keys.acme, DATAFRAMER_CONFIG_DIR: folder() });

describe('runs download through a storage server that misbehaves', () => {
  it('--timeout 3s ends a download that stalls half-way, non-zero, on time, saying nothing was saved and leaving no file', async () => {
    mode = 'stall';
    const out = folder();
    const started = performance.now();
    const child = spawn(process.execPath, [BIN, 'runs', 'download', runId, '--out', out, '--timeout', '3s'], {
      env: { PATH: process.env['PATH'] ?? '', HOME: folder(), ...env() },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // A command that never ends is the failure shown here: it is stopped well after the deadline.
    const kill = setTimeout(() => child.kill('SIGKILL'), 15_000);
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
    clearTimeout(kill);
    const elapsed = performance.now() - started;
    expect(code, stderr).toBe(1);
    expect(elapsed).toBeLessThan(3000 + 1500);
    expect(stderr).toMatch(
      /did not finish within its 3 s deadline: \d+ of \d+ bytes had arrived; nothing was saved \(the limit set by --timeout 3s\)/,
    );
    expect(readdirSync(out)).toEqual([]);
  });

  it('Ctrl-C during a stalled download exits 130, saying nothing was saved, and leaves no file', async () => {
    mode = 'stall';
    const out = folder();
    let interrupt: () => void = () => undefined;
    onDownload = () => setTimeout(() => interrupt(), 200);
    const result = await runIn(['runs', 'download', runId, '--out', out], {
      env: env(),
      onInterruptReady: (trigger) => {
        interrupt = trigger;
      },
    });
    expect(result.code).toBe(130);
    expect(result.stderr).toBe('error: interrupted; nothing was saved\n');
    expect(readdirSync(out)).toEqual([]);
  });

  it('a connection cut half-way says how much arrived of how much, and that nothing was saved', async () => {
    mode = 'cut';
    const out = folder();
    const result = await runIn(['runs', 'download', runId, '--out', out], { env: env() });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/broke off \(.+\) after (\d+) of (\d+) bytes; nothing was saved/);
    const [, received, total] = /after (\d+) of (\d+) bytes/.exec(result.stderr)!;
    expect(Number(received)).toBe(Number(total) >> 1);
    expect(readdirSync(out)).toEqual([]);
  });

  it('--extract refuses an archive whose entries declare more than 10 GiB unpacked, leaving nothing behind', async () => {
    // Three small entries whose central directory records claim about 3.75 GiB each.
    const zip = zipSync({ 'a.txt': strToU8('a'), 'b.txt': strToU8('b'), 'c.txt': strToU8('c') }, { level: 0 });
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    const end = zip.length - 22;
    let at = view.getUint32(end + 16, true);
    for (let n = 0; n < 3; n++) {
      view.setUint32(at + 24, 0xf0000000, true);
      at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    }
    crafted = zip;
    mode = 'crafted';
    const out = folder();
    const result = await runIn(['runs', 'download', runId, '--out', out, '--extract'], { env: env() });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /refusing to extract .*: its entries declare 12\.1 GB \(12079595520 bytes\) unpacked, over the limit of 10\.7 GB; nothing was extracted/,
    );
    expect(readdirSync(out)).toEqual([]);
  });

  it('--timeout also bounds --extract: time that runs out while unpacking ends it, saying nothing was saved', async () => {
    crafted = zipSync(Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`part-${i}.bin`, new Uint8Array(256 * 1024).fill(i)])), {
      level: 0,
    });
    mode = 'crafted';
    // The clock the command reads jumps to just before its --timeout once the ZIP is served, as if the download had been slow.
    let skew = 0;
    onDownload = () => {
      skew = 2_995;
    };
    const out = folder();
    const result = await runIn(['runs', 'download', runId, '--out', out, '--extract', '--timeout', '3s'], {
      env: env(),
      now: () => Date.now() + skew,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`error: extracting run-${runId}.zip did not finish within --timeout 3s; nothing was saved\n`);
    expect(readdirSync(out)).toEqual([]);
  });
});
