import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigurationError, createClient, DataframerError, type NodeClient } from '@df/node';
import type { FaultRule, Sandbox } from '@df/sandbox';
import { recordSection } from './support/figures';
import { everyTextOf, leaksOf } from './support/leaks';
import { startEchoServer } from './support/echoServer';
import { sandbox, usableSpecId } from './support/sandbox';

// Issue 6, part 4: the API key never appears in a log line, an error (message, String(), stack, toJSON(),
// any property down the cause chain), a returned value or a URL, on success and on every error path.
// Two fake keys: one key-shaped (also caught by the generic pattern) and one opaque (only the known-secret
// redaction can catch it). Both contain CANARY, and no output may contain even that word.
const NEEDLE = 'CANARY';
const KEYS = { shaped: 'sk_test_CANARY_reliability_7f3a9c', opaque: 'opaque-CANARY-token.91b2' };

let box: Sandbox;
let echo: { url: string; stop(): Promise<void> };
let specId: string;
const checked = { scenarios: 0, texts: 0, logLines: 0, leaks: 0 };

beforeAll(async () => {
  box = await sandbox({ seed: 64, tenants: [{ id: 'canary', name: 'Canary Ltd', keys: [KEYS.shaped, KEYS.opaque] }] });
  echo = await startEchoServer();
  const probe = createClient({ apiKey: KEYS.shaped, baseUrl: box.url, env: {} });
  specId = await usableSpecId(probe);
  await probe.close();
});
afterAll(async () => {
  await echo?.stop();
  await box?.stop();
});

interface Scenario {
  name: string;
  faults?: FaultRule[];
  /** Ends with a value (checked too) or an error (checked in full). */
  call: (c: NodeClient, e: NodeClient, signal: AbortSignal) => Promise<unknown>;
  expectError?: string;
}

const ZERO = '00000000-0000-4000-8000-000000000404';
const scenarios: Scenario[] = [
  { name: 'runs.list', call: (c) => c.runs.list() },
  { name: 'specs.list / retrieve', call: async (c) => c.specs.retrieve(specId, { include_versions: true }) },
  { name: 'models.list, health', call: async (c) => [await c.models.list(), await c.health()] },
  {
    name: 'create, retrieve, samples, wait, files, cancel, delete',
    call: async (c) => {
      const { id } = await c.runs.create({ spec_id: specId, number_of_samples: 5 });
      const done = await c.runs.wait(id, { timeoutMs: 10_000, intervalMs: 50 });
      const out: unknown[] = [done, await c.runs.retrieve(id), await c.runs.samples(id, { limit: 3 })];
      if (done.status === 'SUCCEEDED') out.push(await c.runs.waitForFiles(id, { timeoutMs: 10_000, intervalMs: 50 }));
      out.push(await c.runs.cancel(id).catch((e: unknown) => e), await c.runs.delete(id));
      return out;
    },
  },
  { name: '401 (a revoked key)', call: (c) => c.runs.list(), expectError: 'AuthenticationError' },
  { name: '404', call: (c) => c.runs.retrieve(ZERO), expectError: 'NotFoundError' },
  { name: '500', faults: [{ kind: 'server-error', status: 500 }], call: (c) => c.runs.list(), expectError: 'ServerError' },
  { name: 'reset', faults: [{ kind: 'reset' }], call: (c) => c.runs.list(), expectError: 'ConnectionError' },
  { name: 'malformed JSON', faults: [{ kind: 'malformed-json' }], call: (c) => c.runs.list(), expectError: 'ResponseValidationError' },
  { name: 'timeout', faults: [{ kind: 'latency', ms: 5000 }], call: (c) => c.runs.list({ timeoutMs: 300 }), expectError: 'TimeoutError' },
  {
    name: 'wait timeout',
    faults: [{ kind: 'latency', ms: 5000 }],
    call: (c) => c.runs.wait(ZERO, { timeoutMs: 300 }),
    expectError: 'TimeoutError',
  },
  { name: 'abort', faults: [{ kind: 'latency', ms: 5000 }], call: (c, _e, signal) => c.runs.list({ signal }), expectError: 'AbortError' },
  {
    name: 'request validation',
    call: (c) => c.runs.create({ spec_id: specId, number_of_samples: 0 }),
    expectError: 'RequestValidationError',
  },
  { name: 'request validation (id)', call: (c) => c.runs.retrieve('..'), expectError: 'RequestValidationError' },
  {
    name: 'outcome unknown (answer dropped after acting)',
    faults: [{ method: 'POST', path: '/runs/', kind: 'drop-after-act' }],
    call: (c) => c.runs.create({ spec_id: specId, number_of_samples: 1 }),
    expectError: 'OutcomeUnknownError',
  },
  {
    name: 'outcome unknown (timeout in flight)',
    faults: [{ method: 'POST', path: '/runs/', kind: 'latency', ms: 5000 }],
    call: (c) => c.runs.create({ spec_id: specId, number_of_samples: 1 }, { timeoutMs: 300 }),
    expectError: 'OutcomeUnknownError',
  },
  { name: 'echo: the key in the data of a 200', call: (_c, e) => e.runs.list() },
  ...[400, 401, 403, 404, 409, 422, 429, 500, 502, 503].map(
    (status): Scenario => ({
      name: `echo: the key in a ${status} body and headers`,
      call: (_c, e) => e.runs.retrieve(`echo-${status}`),
      expectError: '',
    }),
  ),
  { name: 'echo: the key in a malformed body', call: (_c, e) => e.runs.retrieve('echo-500-malformed'), expectError: '' },
  {
    name: 'echo: the key in a 200 that breaks the contract',
    call: (_c, e) => e.runs.retrieve('echo-200-malformed'),
    expectError: 'ResponseValidationError',
  },
  {
    name: 'echo: a create answered with the key',
    call: (_c, e) => e.runs.create({ spec_id: 's', number_of_samples: 1 }),
    expectError: 'OutcomeUnknownError',
  },
];

describe('the key never leaks from the SDK', () => {
  for (const [shape, key] of Object.entries(KEYS)) {
    it(`${shape} key: every operation, on success and every error path, with debug logging on`, async () => {
      for (const scenario of scenarios) {
        const lines: string[] = [];
        const logger = { debug: (line: string) => lines.push(line) };
        const apiKey = scenario.name.startsWith('401') ? `${key}-revoked` : key;
        const client = createClient({ apiKey, baseUrl: box.url, env: {}, logger, maxRetries: 1, timeoutMs: 5000 });
        const echoClient = createClient({ apiKey, baseUrl: echo.url, env: {}, logger, maxRetries: 0 });
        box.faults.clear();
        for (const rule of scenario.faults ?? []) box.faults.add({ method: 'GET', path: '*', ...rule });
        const controller = new AbortController();
        const timer = setTimeout(() => controller.abort(), 100);
        let outcome: unknown;
        let failed = false;
        try {
          outcome = await scenario.call(client, echoClient, controller.signal);
        } catch (error) {
          outcome = error;
          failed = true;
        } finally {
          clearTimeout(timer);
          box.faults.clear();
          await client.close();
          await echoClient.close();
        }
        if (scenario.expectError === undefined) expect(failed, `${scenario.name}: ${String(outcome)}`).toBe(false);
        else {
          expect(outcome, scenario.name).toBeInstanceOf(DataframerError);
          if (scenario.expectError) expect((outcome as Error).name, scenario.name).toBe(scenario.expectError);
        }
        // Refused parameters are never sent, so only those calls may log nothing.
        if (scenario.expectError !== 'RequestValidationError')
          expect(lines.length, `${scenario.name}: debug logging was on`).toBeGreaterThan(0);
        const texts = [...everyTextOf(outcome), ...lines];
        checked.scenarios++;
        checked.texts += texts.length;
        checked.logLines += lines.length;
        const leaks = leaksOf(texts, NEEDLE);
        checked.leaks += leaks.length;
        expect(leaks, `${shape} key leaked in "${scenario.name}"`).toEqual([]);
      }
      const urls = box.requests().map((r) => r.path);
      expect(urls.filter((u) => u.includes(NEEDLE))).toEqual([]);
    });
  }

  it('the stderr logger (DATAFRAMER_LOG=debug) and errors printed carelessly by a child process show no key', async () => {
    box.faults.clear();
    box.faults.add({ method: 'POST', path: '/runs/', kind: 'drop-after-act', nth: [1] });
    const child = fileURLToPath(new URL('./fixtures/secrets-child.mjs', import.meta.url));
    const proc = spawn(process.execPath, [child], {
      env: {
        PATH: process.env['PATH'],
        DATAFRAMER_API_KEY: KEYS.opaque,
        DATAFRAMER_BASE_URL: box.url,
        DATAFRAMER_LOG: 'debug',
        ECHO_URL: echo.url,
        SPEC_ID: specId,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    proc.stdout.on('data', (d: Buffer) => (out += d));
    proc.stderr.on('data', (d: Buffer) => (err += d));
    const killer = setTimeout(() => proc.kill('SIGKILL'), 20_000);
    const code = await new Promise<number | null>((resolve) => proc.on('close', resolve));
    clearTimeout(killer);
    box.faults.clear();
    expect(code, err).toBe(0);
    expect(err).toContain('[dataframer] →');
    expect(err).toContain('OutcomeUnknownError');
    expect(err).toContain('AuthenticationError');
    checked.scenarios++;
    checked.logLines += err.split('\n').filter((l) => l.startsWith('[dataframer]')).length;
    const leaks = leaksOf([out, err], NEEDLE);
    checked.leaks += leaks.length;
    expect(leaks).toEqual([]);
  });
});

describe('the key is refused over plain http except to loopback', () => {
  it('for any host: refused before anything is sent unless the host is loopback', async () => {
    let refused = 0;
    let allowed = 0;
    const loopback = (hostname: string) =>
      hostname === 'localhost' || hostname.endsWith('.localhost') || hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(hostname);
    const host = fc.oneof(
      fc.domain(),
      fc.ipV4(),
      fc.ipV6().map((ip) => `[${ip}]`),
      fc.constantFrom(
        'localhost',
        '127.0.0.1',
        '127.1',
        '2130706433',
        '0.0.0.0',
        '[::ffff:127.0.0.1]',
        '[::1]',
        'localhost.example.com',
        '127.0.0.1.nip.io',
        'evil.com#@127.0.0.1',
        'app.localhost',
        'LOCALHOST',
        '10.0.0.1',
        '169.254.169.254',
      ),
    );
    await fc.assert(
      fc.asyncProperty(host, fc.integer({ min: 1, max: 65535 }), async (h, port) => {
        let url: URL;
        try {
          url = new URL(`http://${h}:${port}`);
        } catch {
          return;
        }
        if (url.hash || url.pathname !== '/') return; // not a plain base URL; normalizeBaseUrl refuses those anyway
        let sent = 0;
        const client = createClient({
          apiKey: KEYS.shaped,
          baseUrl: url.origin,
          env: {},
          maxRetries: 0,
          fetch: async () => {
            sent++;
            return new Response('[]', { status: 200 });
          },
        });
        const error = await client.runs.list().then(
          () => undefined,
          (e: unknown) => e,
        );
        if (loopback(url.hostname)) {
          expect(error, url.origin).toBeUndefined();
          expect(sent).toBe(1);
          allowed++;
        } else {
          expect(error, url.origin).toBeInstanceOf(ConfigurationError);
          expect((error as Error).message).toContain('plain http');
          expect(sent).toBe(0);
          expect(leaksOf(everyTextOf(error), NEEDLE)).toEqual([]);
          refused++;
        }
      }),
      { seed: 20261128, numRuns: 400 },
    );
    recordSection('4-secrets', {
      order: 4,
      title: 'Secrets',
      rows: [
        ['scenarios checked (2 keys; success and every error path)', checked.scenarios],
        ['texts scanned (messages, stacks, toJSON, inspect, properties)', checked.texts],
        ['debug log lines scanned', checked.logLines],
        ['leaks found', checked.leaks],
        ['plain-http hosts refused / loopback allowed', `${refused} / ${allowed}`],
      ],
      notes: [
        `Keys: a key-shaped one and an opaque one; the word ${NEEDLE} may appear in no output. The echo server puts the key in bodies, X-Request-Id, WWW-Authenticate and other headers.`,
      ],
    });
  });
});
