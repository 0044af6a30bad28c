import { startSandbox, type Sandbox } from '@df/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthenticationError, createBrowserTransport, createClient, isTerminalStatus, listRuns } from '../src/index';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: 5, speed: 2000 });
});
afterAll(async () => {
  await sandbox.stop();
});

describe('against the sandbox over HTTP', () => {
  it('lists, creates, waits for and downloads a run with a short-lived token', async () => {
    // The sandbox has no token endpoint; its demo key stands in for a server-issued token, hence the opt-in.
    const client = createClient({ baseUrl: sandbox.url, getToken: () => sandbox.keys.acme, dangerouslyAllowSecretKeyInBrowser: true });
    const runs = await client.runs.list();
    expect(runs.length).toBeGreaterThan(0);
    const spec = (await client.specs.list()).find((s) => s.status === 'READY' || s.status === 'SUCCEEDED')!;
    const { id } = await client.runs.create({ spec_id: spec.id!, number_of_samples: 50 });
    const run = await client.runs.wait(id, { timeoutMs: 20_000, intervalMs: 50, maxIntervalMs: 100 });
    expect(isTerminalStatus(run.status)).toBe(true);
    if (run.status === 'SUCCEEDED') {
      const zip = await client.runs.waitForFiles(id, { timeoutMs: 20_000, intervalMs: 50, maxIntervalMs: 100 });
      expect(zip.download_url).toContain('/__sandbox/downloads/');
    }
  });

  it('cancels a run with the standalone functions', async () => {
    const client = createClient({ baseUrl: sandbox.url, apiKey: sandbox.keys.globex, dangerouslyAllowSecretKeyInBrowser: true });
    const pending = (await client.runs.list()).find((r) => r.status === 'PENDING' || r.status === 'PROCESSING')!;
    await client.runs.cancel(pending.id);
    expect((await client.runs.retrieve(pending.id)).status).toBe('CANCELED');
  });

  it('reports a missing token as an AuthenticationError', async () => {
    const error = await listRuns(createBrowserTransport({ baseUrl: sandbox.url })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
  });
});
