// The CLI is on the SDK's HTTP path: proxies from the environment apply to its API calls and its downloads.
import { readdirSync } from 'node:fs';
import { startSandbox, type Sandbox } from '@df/sandbox';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startProxy, type ProxyProcess } from '../../../scripts/proxyProcess.mjs';
import { run, runIn, tempDir } from './support/cli';

vi.setConfig({ testTimeout: 30_000 });

let sandbox: Sandbox;
let proxy: ProxyProcess;
let proxyUrl: string;
const log = () => proxy.log();

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: 9, speed: 1000 });
  proxy = await startProxy(import.meta.url);
  proxyUrl = proxy.url;
});

afterAll(async () => {
  proxy?.stop();
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
    const before = log().length;
    const listed = await run(['runs', 'list'], { env });
    expect(listed.code, listed.stderr).toBe(0);
    const id = sandbox.runs('acme').find((r) => r.run.status === 'SUCCEEDED')!.id;
    const out = tempDir();
    const saved = await runIn(['runs', 'download', id, '--out', out], { env });
    expect(saved.code, saved.stderr).toBe(0);
    expect(readdirSync(out)).toEqual([`run-${id}.zip`]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const seen = log().slice(before);
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
    const before = log().length;
    const listed = await runIn(['runs', 'list'], { env });
    expect(listed.code, listed.stderr).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(log().slice(before)).not.toContain(new URL(sandbox.url).host);
  });
});
