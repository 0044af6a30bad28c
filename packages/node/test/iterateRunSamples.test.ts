import type { ServerResponse } from 'node:http';
import { startSandbox, type Sandbox } from '@df/sandbox';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  AbortError,
  createClient,
  iterateRunSamples,
  MAX_SAMPLES_PAGE,
  MAX_SAMPLES_PER_RUN,
  RequestValidationError,
  ResponseValidationError,
  type GeneratedOutput,
  type NodeClient,
  type SamplePageInfo,
} from '../src/index';
import { sendJson, startServer } from './server';

vi.setConfig({ testTimeout: 20_000 });

const KEY = 'sk_test_FAKE0000000000000000';

let sandbox: Sandbox;
let client: NodeClient;
const closers: Array<() => Promise<void>> = [];

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: 11, failureRate: 0, maxPageSize: 97 });
  client = createClient({ apiKey: sandbox.keys.acme, baseUrl: sandbox.url, env: {} });
});
afterEach(async () => {
  sandbox.control.set({ maxPageSize: 97 });
  while (closers.length > 0) await closers.pop()?.();
});
afterAll(async () => {
  await client.close();
  await sandbox.stop();
});

/** Everything an iteration yielded. */
async function drain(samples: AsyncIterable<GeneratedOutput>): Promise<GeneratedOutput[]> {
  const out: GeneratedOutput[] = [];
  for await (const sample of samples) out.push(sample);
  return out;
}

const indexOf = (sample: GeneratedOutput) => sample.metadata?.['index'] as number;
const positions = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

function seeded(samples: number, status: 'SUCCEEDED' | 'PENDING' = 'SUCCEEDED') {
  const id = sandbox.control.seedRun({ status, samples });
  const total = sandbox.runs('acme').find((r) => r.id === id)!.run.samples_completed as number;
  return { id, total };
}

const sampleRequests = (from: number) =>
  sandbox
    .requests()
    .slice(from)
    .filter((r) => r.path.includes('/samples/'));

/** A client of a server of the test's own, which answers each samples request with `answer(offset, limit)`. */
async function ownServer(answer: (offset: number, limit: number, res: ServerResponse) => void) {
  const server = await startServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    answer(Number(url.searchParams.get('offset')), Number(url.searchParams.get('limit')), res);
  });
  const own = createClient({ apiKey: KEY, baseUrl: server.url, env: {}, maxRetries: 0 });
  closers.push(server.close, own.close);
  return { server, own };
}

const outputs = (from: number, count: number) => Array.from({ length: count }, (_, i) => ({ generated_sample: { n: from + i } }));

describe('runs.allSamples: every sample of a run, page after page', () => {
  it('yields exactly total_samples distinct samples from a server that caps pages at a size not dividing the total', async () => {
    const { id, total } = seeded(500);
    expect(total % 97).not.toBe(0);
    const before = sandbox.requests().length;
    const pages: SamplePageInfo[] = [];
    const out = await drain(client.runs.allSamples(id, { onPage: (p) => pages.push(p) }));
    expect(out.map(indexOf)).toEqual(positions(0, total));
    expect(pages.map((p) => p.offset)).toEqual(positions(0, Math.ceil(total / 97)).map((i) => i * 97));
    expect(pages.every((p) => p.total === total)).toBe(true);
    // No page was asked for past the total.
    expect(sampleRequests(before)).toHaveLength(pages.length);
  });

  it('reads pages of one sample each, and starts at an offset, through the standalone function', async () => {
    const { id, total } = seeded(23);
    sandbox.control.set({ maxPageSize: 1 });
    const pages: SamplePageInfo[] = [];
    const out = await drain(iterateRunSamples(client.transport, id, { offset: 5, onPage: (p) => pages.push(p) }));
    expect(out.map(indexOf)).toEqual(positions(5, total));
    expect(pages.map((p) => p.count)).toEqual(positions(5, total).map(() => 1));
  });

  it('ends at once on an empty run, and after the end, reporting the empty page', async () => {
    const { id } = seeded(50, 'PENDING');
    const pages: SamplePageInfo[] = [];
    expect(await drain(client.runs.allSamples(id, { onPage: (p) => pages.push(p) }))).toEqual([]);
    expect(pages).toEqual([{ offset: 0, count: 0, total: 0 }]);
    const done = seeded(30);
    const past: SamplePageInfo[] = [];
    expect(await drain(client.runs.allSamples(done.id, { offset: done.total, onPage: (p) => past.push(p) }))).toEqual([]);
    expect(past).toEqual([{ offset: done.total, count: 0, total: done.total }]);
  });

  it('stops at an empty page from a server that claims more than it serves, and the last page tells the shortfall', async () => {
    const { server, own } = await ownServer((offset, _limit, res) =>
      sendJson(res, 200, { total_samples: 300, result: { generated_outputs: offset < 150 ? outputs(offset, 50) : [] } }),
    );
    const pages: SamplePageInfo[] = [];
    const out = await drain(own.runs.allSamples('run-1', { onPage: (p) => pages.push(p) }));
    expect(out.map((s) => s.generated_sample?.['n'])).toEqual(positions(0, 150));
    expect(pages.at(-1)).toEqual({ offset: 150, count: 0, total: 300 });
    expect(server.seen).toHaveLength(pages.length);
  });

  it('ends with a ResponseValidationError when a server never ends (it ignores the offset and gives no total)', async () => {
    const { own } = await ownServer((_offset, limit, res) => sendJson(res, 200, { result: { generated_outputs: outputs(0, limit) } }));
    let received = 0;
    const ended = await (async () => {
      try {
        for await (const _ of own.runs.allSamples('run-1')) if (++received > MAX_SAMPLES_PER_RUN + MAX_SAMPLES_PAGE) return 'no end';
        return 'ended';
      } catch (error) {
        return error;
      }
    })();
    expect(ended).toBeInstanceOf(ResponseValidationError);
    expect(received).toBe(MAX_SAMPLES_PER_RUN);
  });

  it('bounds each page by timeoutMs, not the whole iteration, and stops at the caller’s signal', async () => {
    const { server, own } = await ownServer((offset, _limit, res) => {
      setTimeout(() => sendJson(res, 200, { total_samples: 40, result: { generated_outputs: outputs(offset, 4) } }), 150);
    });
    const started = Date.now();
    expect(await drain(own.runs.allSamples('run-1', { timeoutMs: 1000 }))).toHaveLength(40);
    expect(Date.now() - started).toBeGreaterThan(1000);

    const controller = new AbortController();
    const asked = server.seen.length;
    const stopped = drain(
      own.runs.allSamples('run-1', {
        signal: controller.signal,
        onPage: (p) => {
          if (p.offset === 8) controller.abort();
        },
      }),
    );
    await expect(stopped).rejects.toBeInstanceOf(AbortError);
    expect(server.seen.length - asked).toBe(3);
  });

  it('checks its parameters before anything is sent', () => {
    const before = sandbox.requests().length;
    for (const options of [{ pageSize: 0 }, { pageSize: MAX_SAMPLES_PAGE + 1 }, { offset: -1 }, { offset: 1.5 }])
      expect(() => client.runs.allSamples('run-1', options), JSON.stringify(options)).toThrow(RequestValidationError);
    expect(() => client.runs.allSamples('')).toThrow(RequestValidationError);
    expect(sandbox.requests().length).toBe(before);
  });
});
