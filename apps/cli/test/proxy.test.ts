// The CLI is on the SDK's HTTP path: proxies from the environment apply to its API calls and its downloads.
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { startSandbox, type Sandbox } from '@df/sandbox';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { run, runIn, tempDir } from './support/cli';

vi.setConfig({ testTimeout: 30_000 });

// The `proxy` package's own bin: a real HTTP(S) proxy process, logging what it sees with DEBUG.
const proxyBin = join(dirname(createRequire(import.meta.url).resolve('proxy')), 'bin', 'proxy.js');

let sandbox: Sandbox;
let proxy: ChildProcess;
let proxyUrl: string;
let log = '';

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: 9, speed: 1000 });
  proxy = spawn(process.execPath, [proxyBin, '--port', '0'], {
    env: { ...process.env, DEBUG: 'proxy*' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  proxy.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    proxy.stdout!.on('data', (chunk: Buffer) => {
      const match = /listening on port (\d+)/.exec(chunk.toString());
      if (match) resolve(Number(match[1]));
    });
    proxy.once('exit', (code) => reject(new Error(`the proxy exited with ${code}`)));
  });
  proxyUrl = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  proxy?.kill();
  await sandbox?.stop();
});

describe('HTTPS_PROXY, HTTP_PROXY and NO_PROXY', () => {
  it('sends the API calls and the download through the proxy, which never sees the key', async () => {
    const env = {
      DATAFRAMER_BASE_URL: sandbox.url,
      DATAFRAMER_API_KEY: sandbox.keys.acme,
      DATAFRAMER_CONFIG_DIR: tempDir(),
      HTTP_PROXY: proxyUrl,
    };
    const before = log.length;
    const listed = await run(['runs', 'list'], { env });
    expect(listed.code, listed.stderr).toBe(0);
    const id = sandbox.runs('acme').find((r) => r.run.status === 'SUCCEEDED')!.id;
    const out = tempDir();
    const saved = await runIn(['runs', 'download', id, '--out', out], { env });
    expect(saved.code, saved.stderr).toBe(0);
    expect(readdirSync(out)).toEqual([`run-${id}.zip`]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const seen = log.slice(before);
    expect(seen).toContain(new URL(sandbox.url).host);
    expect(seen).not.toContain(sandbox.keys.acme);
  });

  it('NO_PROXY keeps a host off the proxy', async () => {
    const env = {
      DATAFRAMER_BASE_URL: sandbox.url,
      DATAFRAMER_API_KEY: sandbox.keys.acme,
      DATAFRAMER_CONFIG_DIR: tempDir(),
      HTTP_PROXY: proxyUrl,
      NO_PROXY: '127.0.0.1',
    };
    const before = log.length;
    const listed = await runIn(['runs', 'list'], { env });
    expect(listed.code, listed.stderr).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(log.slice(before)).not.toContain(new URL(sandbox.url).host);
  });
});
