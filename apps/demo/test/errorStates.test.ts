import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, rows, useHarness } from './harness';

const harness = useHarness();
const open = (path?: string, base?: string) => harness.open(path, base);

describe('empty, error and sign-in states in Chromium', () => {
  it('shows an error with a retry when the server fails, and recovers', async () => {
    const fault = harness.sandbox.faults.add({ method: 'GET', path: '/runs/', kind: 'server-error', status: 500 });
    try {
      const { page } = await open();
      const alert = page.locator('#message[role="alert"]');
      await expect.poll(() => alert.isVisible(), { timeout: 20_000 }).toBe(true);
      expect(await alert.innerText()).toContain('Could not load the runs');
      expect(await alert.innerText()).toContain('500');
      await page.screenshot({ path: join(ARTIFACTS, 'error.png') });
      harness.sandbox.faults.remove(fault);
      await page.click('#message button:has-text("Retry")');
      await expect.poll(() => rows(page).count(), { timeout: 15_000 }).toBeGreaterThan(0);
      expect(await alert.count()).toBe(0);
    } finally {
      harness.sandbox.faults.remove(fault);
    }
  });

  it('shows the unauthenticated state when the server holds a wrong key', async () => {
    const wrong = await harness.serve({ baseUrl: harness.sandbox.url, apiKey: 'sk_test_sandbox_wrong_demo' });
    const { page } = await open('/', wrong.url);
    const alert = page.locator('#message[role="alert"]');
    await expect.poll(() => alert.isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await alert.innerText()).toContain('Not signed in to Dataframer');
    // What the operator must fix is in the server's log, not in front of the people using the page.
    expect(await alert.innerText()).not.toMatch(/DATAFRAMER_|proxy|npm run/);
    expect(await rows(page).count()).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, 'unauthenticated.png') });
  });

  it('shows the empty state for a company with no runs', async () => {
    const headers = { authorization: `Bearer ${harness.sandbox.keys.globex}` };
    const runs = (await (await fetch(`${harness.sandbox.url}/api/dataframer/runs/`, { headers })).json()) as Array<{ id: string }>;
    for (const run of runs) await fetch(`${harness.sandbox.url}/api/dataframer/runs/${run.id}/`, { method: 'DELETE', headers });
    const globex = await harness.serve({ baseUrl: harness.sandbox.url, apiKey: harness.sandbox.keys.globex });
    const { page } = await open('/', globex.url);
    await expect.poll(() => page.locator('text=There are no runs yet.').count(), { timeout: 15_000 }).toBe(1);
    expect(await page.locator('.empty').innerText()).toContain('dataframer runs create');
  });

  it('answers 502 from its proxy when Dataframer cannot be reached, and the page says so with a retry', async () => {
    // A port nothing listens on: a sandbox started and stopped.
    const { startSandbox } = await import('@df/sandbox');
    const gone = await startSandbox({ port: 0 });
    await gone.stop();
    const unreachable = await harness.serve({ baseUrl: gone.url, apiKey: 'sk_test_unreachable_demo' });
    const direct = await fetch(`${unreachable.url}/api/dataframer/runs/`);
    expect(direct.status).toBe(502);
    const body = (await direct.json()) as { detail: string; reason: string };
    expect(body).toMatchObject({ detail: 'Dataframer could not be reached.', reason: 'ECONNREFUSED' });
    expect(JSON.stringify(body)).not.toContain('sk_test');

    const { page } = await open('/', unreachable.url);
    const alert = page.locator('#message[role="alert"]');
    await expect.poll(() => alert.isVisible(), { timeout: 20_000 }).toBe(true);
    const text = await alert.innerText();
    expect(text).toContain('Could not reach Dataframer');
    expect(text).not.toContain(new URL(gone.url).host);
    expect(text).not.toMatch(/500|no body|ECONNREFUSED|DATAFRAMER_/);
    expect(await alert.getByRole('button', { name: 'Retry' }).isVisible()).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'unreachable.png') });
  });

  it('says plainly that the runs could not be loaded when the API is not under the base URL', async () => {
    const wrongPrefix = await harness.serve({ baseUrl: `${harness.sandbox.url}/not-the-api`, apiKey: harness.sandbox.keys.acme });
    const { page } = await open('/', wrongPrefix.url);
    const alert = page.locator('#message[role="alert"]');
    await expect.poll(() => alert.isVisible(), { timeout: 15_000 }).toBe(true);
    const text = await alert.innerText();
    expect(text).toContain('Could not load the runs');
    expect(text).toContain('404');
    expect(text).not.toMatch(/base URL|DATAFRAMER_|not-the-api/);
  });

  it('works with the base URL given in its /api/dataframer form', async () => {
    const apiForm = await harness.serve({ baseUrl: `${harness.sandbox.url}/api/dataframer/`, apiKey: harness.sandbox.keys.acme });
    const { page } = await open('/', apiForm.url);
    await expect.poll(() => rows(page).count(), { timeout: 15_000 }).toBeGreaterThan(0);
  });

  it("says when the dashboard's own server stops answering, and recovers when it is back", async () => {
    const { serveDemo } = await import('../scripts/serveDemo.mjs');
    // A port of its own, so the same address can be served again.
    const first = await serveDemo({ baseUrl: harness.sandbox.url, apiKey: harness.sandbox.keys.acme });
    const port = Number(new URL(first.url).port);
    const { page } = await open('/', first.url);
    await expect.poll(() => rows(page).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await first.close();
    await page.getByRole('button', { name: 'Refresh' }).click();
    const alert = page.locator('#message[role="alert"]');
    await expect.poll(() => alert.isVisible(), { timeout: 20_000 }).toBe(true);
    expect(await alert.innerText()).toContain('server is not answering');
    // The last runs seen stay on screen under the message.
    expect(await rows(page).count()).toBeGreaterThan(0);
    const again = await serveDemo({ baseUrl: harness.sandbox.url, apiKey: harness.sandbox.keys.acme, port });
    try {
      await alert.getByRole('button', { name: 'Retry' }).click();
      await expect.poll(() => alert.count(), { timeout: 15_000 }).toBe(0);
    } finally {
      await again.close();
    }
  });
});
