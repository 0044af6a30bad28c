import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MAX_SAMPLES_PAGE } from '@df/core/constants';
import { describe, expect, it, vi } from 'vitest';
import { type Result, runIn, tempDir } from '../../../../test/support/cli';
import { runBin } from '../../../../test/support/runBin';
import { found, itPrintedNoKey, useSandbox } from '../../../../test/support/sandbox';

vi.setConfig({ testTimeout: 30_000 });

const PAGE_CAP = 100;
const RUN_ID = '0f0e0d0c-0b0a-4909-8807-060504030201';
const FAKE_KEY = 'sk_test_FAKE0000000000000000';

// Runs finish at once and never fail.
const fast = useSandbox({ seed: 7, speed: 1000, failureRate: 0 });
// Answers at most PAGE_CAP samples a page, as a gateway does.
const capped = useSandbox({ seed: 5, speed: 1000, failureRate: 0, maxPageSize: PAGE_CAP });

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

/** Runs the built bin against a server, as a user's shell would, with stdout and stderr piped. */
function dataframer(args: string[], baseUrl: string, key: string): Promise<Result> {
  const home = tempDir();
  return runBin(args, { HOME: home, DATAFRAMER_CONFIG_DIR: home, DATAFRAMER_BASE_URL: baseUrl, DATAFRAMER_API_KEY: key });
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

describe('runs samples', () => {
  it('prints samples as NDJSON with offset and limit, says how many more there are, and rejects bad pages', async () => {
    const record = found(
      fast.sandbox.runs('acme').find((r) => r.run.status === 'SUCCEEDED' && Number(r.run.samples_completed ?? 0) >= 10),
      'a SUCCEEDED run of 10 samples or more',
    );
    const { id } = record;
    const total = record.run.samples_completed as number;
    const page = await runIn(['runs', 'samples', id, '--offset', '1', '--limit', '3'], { env: fast.env });
    expect(page.code).toBe(0);
    const lines = page.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(typeof JSON.parse(line)).toBe('object');
    expect(page.stderr).toBe(`${total - 4} more samples: --offset 4 for the next page, or --all for every one.\n`);
    const tty = await runIn(['runs', 'samples', id, '--limit', '2'], { env: { ...fast.env, DATAFRAMER_FORCE_TTY: '1' } });
    expect(tty.stderr).toContain(`Samples 1–2 of ${total} (run SUCCEEDED)`);
    const raw = JSON.parse((await runIn(['runs', 'samples', id, '--limit', '2', '--json'], { env: fast.env })).stdout);
    expect(raw.returned_count).toBe(2);
    for (const args of [
      ['--limit', '0'],
      ['--limit', String(MAX_SAMPLES_PAGE + 1)],
      ['--offset', '-1'],
      ['--offset', 'x'],
      ['--all', '--json'],
    ]) {
      expect((await runIn(['runs', 'samples', id, ...args], { env: fast.env })).code, args.join(' ')).toBe(2);
    }
  });

  it('--all streams every sample, page after page, and reports the run status', async () => {
    const created = await runIn(['runs', 'create', '--spec', fast.readySpec, '-n', '2500', '--wait', '--interval', '50ms'], {
      env: fast.env,
    });
    const id = created.stdout.trim();
    const before = fast.sandbox.requests().length;
    const all = await runIn(['runs', 'samples', id, '--all'], { env: fast.env, tty: { stderr: true } });
    expect(all.code, all.stderr).toBe(0);
    const lines = all.stdout.trimEnd().split('\n');
    const completed = found(
      fast.sandbox.runs('acme').find((r) => r.id === id),
      `the run ${id}`,
    ).run.samples_completed as number;
    expect(lines).toHaveLength(completed);
    expect(lines.length).toBeGreaterThan(2 * MAX_SAMPLES_PAGE);
    expect(all.stderr).toBe(`${lines.length} samples from offset 0 (run SUCCEEDED)\n`);
    const pages = fast.sandbox
      .requests()
      .slice(before)
      .filter((r) => r.path.includes('/samples/'));
    expect(pages.length).toBe(Math.ceil(completed / MAX_SAMPLES_PAGE));
    const from = lines.length - 100;
    const rest = await runIn(['runs', 'samples', id, '--all', '--offset', String(from)], { env: fast.env });
    const restLines = rest.stdout.trimEnd().split('\n');
    expect(restLines).toHaveLength(lines.length - from);
    expect(restLines[0]).toBe(lines[from]);
  });

  it('--all reads page after page from a server that answers at most 100 a page', async () => {
    const { sandbox } = capped;
    const id = sandbox.control.seedRun({ status: 'SUCCEEDED', samples: 430 });
    const total = found(
      sandbox.runs('acme').find((r) => r.id === id),
      `the run ${id}`,
    ).run.samples_completed as number;
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

  it('--all says on stderr, and exits 1, when fewer samples arrive than the server counts, keeping the lines that did', async () => {
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

itPrintedNoKey(fast, capped);
