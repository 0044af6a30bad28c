import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox, type Sandbox } from '@df/sandbox';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { runBin } from './support/runBin';

vi.setConfig({ testTimeout: 30_000 });

const WRONG_KEY = 'sk_test_FAKE0000000000000000';

// Each way a message could name where the key came from; a message about one source names only its own.
const SOURCE_WORDS = ['DATAFRAMER_API_KEY', 'config file', 'profile', 'apiKey option', '--api-key'];

let sandbox: Sandbox;
let home: string;
const servers: Server[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: 3, speed: 1000 });
});

afterEach(async () => {
  for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve));
  if (home) rmSync(home, { recursive: true, force: true });
});

afterAll(async () => {
  await sandbox?.stop();
});

/** A fresh home and config directory for one run of the CLI. */
function freshHome(): string {
  home = mkdtempSync(join(tmpdir(), 'dataframer-key-source-'));
  return home;
}

/** How many times each source word occurs in `text`. */
function sourceCounts(text: string): Record<string, number> {
  return Object.fromEntries(SOURCE_WORDS.map((word) => [word, text.split(word).length - 1]));
}

/** The counts a message naming only `words` (each once) has. */
function only(...words: string[]): Record<string, number> {
  return Object.fromEntries(SOURCE_WORDS.map((word) => [word, words.includes(word) ? 1 : 0]));
}

describe('a refused key is named with its true source, once', () => {
  it('from the environment (401)', async () => {
    const dir = freshHome();
    const result = await runBin(['runs', 'list'], {
      HOME: dir,
      DATAFRAMER_CONFIG_DIR: dir,
      DATAFRAMER_BASE_URL: sandbox.url,
      DATAFRAMER_API_KEY: WRONG_KEY,
    });
    expect(result.code, result.stderr).toBe(4);
    expect(result.stderr).toContain('the server rejected the API key sk_test_…0000 (from environment variable DATAFRAMER_API_KEY)');
    expect(sourceCounts(result.stderr)).toEqual(only('DATAFRAMER_API_KEY'));
    expect(result.stderr).not.toContain(WRONG_KEY);
  });

  it('from a profile of a config file (401)', async () => {
    const dir = freshHome();
    const path = join(dir, 'config.json');
    writeFileSync(path, JSON.stringify({ profiles: { ci: { api_key: WRONG_KEY, base_url: sandbox.url } } }), { mode: 0o600 });
    const result = await runBin(['--profile', 'ci', 'runs', 'list'], { HOME: dir, DATAFRAMER_CONFIG_DIR: dir });
    expect(result.code, result.stderr).toBe(4);
    expect(result.stderr).toContain(`the server rejected the API key sk_test_…0000 (from config file ${path}, profile "ci")`);
    expect(sourceCounts(result.stderr)).toEqual(only('config file', 'profile'));
    expect(result.stderr).not.toContain(WRONG_KEY);
  });

  it('from the environment, for a key without permission (403)', async () => {
    const server = createServer((_, res) => {
      res.writeHead(403, { 'content-type': 'application/json' }).end('{"detail":"You do not have permission to perform this action."}');
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const dir = freshHome();
    const result = await runBin(['runs', 'list'], {
      HOME: dir,
      DATAFRAMER_CONFIG_DIR: dir,
      DATAFRAMER_BASE_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      DATAFRAMER_API_KEY: WRONG_KEY,
    });
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toContain(
      'the API key sk_test_…0000 (from environment variable DATAFRAMER_API_KEY) is valid but lacks permission',
    );
    expect(sourceCounts(result.stderr)).toEqual(only('DATAFRAMER_API_KEY'));
  });
});
