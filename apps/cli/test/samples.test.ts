import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox, type Sandbox } from '@df/sandbox';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Result } from './support/cli';
import { runBin } from './support/runBin';

vi.setConfig({ testTimeout: 30_000 });

const PAGE_CAP = 100;
const RUN_ID = '0f0e0d0c-0b0a-4909-8807-060504030201';
const FAKE_KEY = 'sk_test_FAKE0000000000000000';

let sandbox: Sandbox; // answers at most PAGE_CAP samples a page, as a gateway does
let home: string;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: 5, speed: 1000, failureRate: 0, maxPageSize: PAGE_CAP });
  home = mkdtempSync(join(tmpdir(), 'dataframer-samples-'));
});
afterAll(async () => {
  await sandbox?.stop();
  rmSync(home, { recursive: true, force: true });
});

/** Runs the built bin against a server, as a user's shell would, with stdout and stderr piped. */
function dataframer(args: string[], baseUrl: string, key: string): Promise<Result> {
  return runBin(args, {
    HOME: home,
    DATAFRAMER_CONFIG_DIR: join(home, 'config'),
    DATAFRAMER_BASE_URL: baseUrl,
    DATAFRAMER_API_KEY: key,
  });
}

/** A server of the test's own: a SUCCEEDED run whose samples list counts `total` but serves only the first `served`, 40 a page. */
async function shortServer(total: number, served: number): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const offset = Number(url.searchParams.get('offset') ?? 0);
    const body = url.pathname.endsWith('/samples/')
      ? {
          total_samples: total,
          result: {
            generated_outputs: Array.from({ length: Math.max(0, Math.min(40, served - offset)) }, (_, i) => ({
              generated_sample: { n: offset + i },
            })),
          },
        }
      : { id: RUN_ID, status: 'SUCCEEDED' };
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

describe('runs samples --all', () => {
  it('writes every sample from a server that answers at most 100 a page, reading page after page', async () => {
    const id = sandbox.control.seedRun({ status: 'SUCCEEDED', samples: 430 });
    const total = sandbox.runs('acme').find((r) => r.id === id)!.run.samples_completed as number;
    expect(total).toBeGreaterThan(3 * PAGE_CAP);
    const before = sandbox.requests().length;
    const { code, stdout, stderr } = await dataframer(['runs', 'samples', id, '--all'], sandbox.url, sandbox.keys.acme);
    expect(code, stderr).toBe(0);
    expect(stderr).toBe('');
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(total);
    expect(new Set(lines).size).toBe(total);
    const pages = sandbox
      .requests()
      .slice(before)
      .filter((r) => r.path.endsWith('/samples/'));
    expect(pages).toHaveLength(Math.ceil(total / PAGE_CAP));
  });

  it('says on stderr, and exits 1, when fewer samples arrive than the server counts, keeping the lines that did', async () => {
    const [claimed, served, from] = [300, 120, 50];
    const { url, server } = await shortServer(claimed, served);
    try {
      const { code, stdout, stderr } = await dataframer(['runs', 'samples', RUN_ID, '--all'], url, FAKE_KEY);
      expect(code).toBe(1);
      const lines = stdout.trimEnd().split('\n');
      expect(lines.map((l) => (JSON.parse(l) as { n: number }).n)).toEqual(Array.from({ length: served }, (_, i) => i));
      expect(stderr).toBe(
        `error: only ${served} of the ${claimed} samples from offset 0 arrived: the server counts ${claimed} but sent an empty page at offset ${served} (run SUCCEEDED). The lines written are complete samples; --all --offset ${served} asks for the rest again.\n`,
      );
      const rest = await dataframer(['runs', 'samples', RUN_ID, '--all', '--offset', String(from)], url, FAKE_KEY);
      expect(rest.code).toBe(1);
      expect(rest.stdout.trimEnd().split('\n')).toHaveLength(served - from);
      expect(rest.stderr).toContain(`only ${served - from} of the ${claimed - from} samples from offset ${from} arrived`);
    } finally {
      await closeServer(server);
    }
  });
});
