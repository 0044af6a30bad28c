import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSandbox, type Sandbox } from '@df/sandbox';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemo, serveDemo } from '../scripts/serveDemo.mjs';

const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

let sandbox: Sandbox;
let demo: { url: string; close(): Promise<void> };
let context: BrowserContext;
let profile: string;
const closers: Array<() => Promise<void>> = [];

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  await buildDemo();
  // Fast enough that a few hundred samples finish in about a second; no random failures, so outcomes are known.
  sandbox = await startSandbox({ port: 0, seed: 7, speed: 100, failureRate: 0 });
  demo = await serveDemo({ baseUrl: sandbox.url, apiKey: sandbox.keys.acme });
  profile = mkdtempSync(join(tmpdir(), 'df-demo-chromium-'));
  // A persistent context is how a fresh, explicit --user-data-dir is given to Chromium.
  context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  closers.push(() => context.close());
});

afterAll(async () => {
  for (const close of closers.reverse()) await close().catch(() => undefined);
  await demo?.close();
  await sandbox?.stop();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

/** Opens a new tab on the dashboard and records every request the page makes. */
async function open(path = '/', base = demo.url): Promise<{ page: Page; requests: Array<{ url: string; headers: Record<string, string> }> }> {
  const page = await context.newPage();
  const requests: Array<{ url: string; headers: Record<string, string> }> = [];
  page.on('request', (request) => requests.push({ url: request.url(), headers: request.headers() }));
  closers.push(() => page.close());
  await page.goto(base + path);
  return { page, requests };
}

const rows = (page: Page) => page.locator('table.runs tbody tr[data-run-id]');

async function seriousViolations(page: Page) {
  await page.addScriptTag({ path: AXE });
  const results = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(ctx: Document): Promise<{ violations: Array<{ id: string; impact: string | null; nodes: unknown[] }> }> } }).axe;
    return (await axe.run(document)).violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
  });
  return results.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

describe('runs dashboard in Chromium', () => {
  it('shows the seeded runs with badges, progress, cost and exact times, and never sends a key', async () => {
    const { page, requests } = await open();
    await expect.poll(() => rows(page).count(), { timeout: 15_000 }).toBe(6);
    const badges = await page.locator('.badge').allInnerTexts();
    // The seeded PENDING run may already be processing at this speed.
    for (const word of ['Succeeded', 'Failed', 'Canceled', 'Processing']) {
      expect(badges.some((text) => text.includes(word))).toBe(true);
    }
    // Every badge carries an icon as well as its word.
    expect(await page.locator('.badge .badge-icon[aria-hidden="true"]').count()).toBe(await page.locator('.badge').count());
    const bar = page.locator('[role="progressbar"][aria-valuemax="20000"]');
    await expect.poll(() => bar.count()).toBe(1);
    expect(await bar.getAttribute('aria-valuetext')).toMatch(/of 20,000 samples done, [\d,]+ failed/);
    expect(await page.locator('table.runs time[title]').count()).toBe(6);
    expect(await page.locator('table.runs').innerText()).toMatch(/\$\d+\.\d{2}/);
    await expect.poll(() => page.locator('#updated').innerText()).toContain('Last updated');
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard.png'), fullPage: true });

    const api = requests.filter((r) => r.url.includes('/api/dataframer/'));
    expect(api.length).toBeGreaterThan(0);
    for (const request of api) {
      expect(request.url.startsWith(demo.url)).toBe(true);
      expect(request.headers['authorization']).toBeUndefined();
    }
    // The proxy did add the key: the sandbox saw these requests as Acme's.
    expect(sandbox.requests().some((r) => r.path === '/api/dataframer/runs/' && r.company === 'acme')).toBe(true);
  });

  it('keeps filters in the URL, and offers to clear them when nothing matches', async () => {
    const { page } = await open();
    await expect.poll(() => rows(page).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await page.selectOption('#filter-status', 'FAILED');
    expect(new URL(page.url()).searchParams.get('status')).toBe('FAILED');
    await expect.poll(() => rows(page).count()).toBe(1);
    await page.reload();
    await expect.poll(() => rows(page).count(), { timeout: 15_000 }).toBe(1);
    expect(await page.inputValue('#filter-status')).toBe('FAILED');
    expect(await rows(page).first().innerText()).toContain('Failed');

    // FAILED on the spec whose only runs are not failed: nothing matches.
    const specs = await page.locator('#filter-spec option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    let emptied = false;
    for (const spec of specs) {
      await page.selectOption('#filter-spec', spec);
      if ((await page.locator('text=No runs match these filters.').count()) > 0) {
        emptied = true;
        break;
      }
    }
    expect(emptied).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'filtered-empty.png') });
    await page.click('text=Clear filters');
    await expect.poll(() => rows(page).count()).toBeGreaterThan(1);
    expect(new URL(page.url()).search).toBe('');
  });

  it('validates, starts a run, shows its progress and announces when it succeeds, then offers its ZIP', async () => {
    const { page } = await open();
    await expect.poll(() => page.locator('#create-spec option[value]:not([value=""])').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await page.fill('#create-samples', '20001');
    await page.click('#create-submit');
    expect(await page.locator('#create-samples').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#create-samples-error').innerText()).toContain('1 to 20,000');

    await page.fill('#create-samples', '300');
    await page.click('#create-submit');
    await expect.poll(() => page.locator('#create-result').innerText()).toMatch(/^Run \w+ started for 300 samples\.$/);
    const id = (await page.locator('#create-result').innerText()).split(' ')[1]!;
    const row = page.locator(`tr[data-run-id^="${id}"]`);
    await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(1);
    expect(await row.locator('[role="progressbar"]').getAttribute('aria-valuemax')).toBe('300');
    await expect.poll(() => row.locator('.badge').getAttribute('data-status'), { timeout: 20_000 }).toBe('SUCCEEDED');
    await expect.poll(() => page.locator('#announcer').innerText(), { timeout: 10_000 }).toContain(`Run ${id} is now succeeded`);

    await row.getByRole('button', { name: `Prepare ZIP of run ${id}` }).click();
    const link = row.getByRole('link', { name: new RegExp(`Download ZIP .* of run ${id}`) });
    await expect.poll(() => link.count(), { timeout: 20_000 }).toBe(1);
    const href = (await link.getAttribute('href'))!;
    expect(href).toContain('/__sandbox/downloads/');
    const zip = await page.request.get(href);
    expect(zip.status()).toBe(200);
    expect((await zip.body()).subarray(0, 2).toString()).toBe('PK');
    await page.screenshot({ path: join(ARTIFACTS, 'created.png'), fullPage: true });
  });

  it('cancels a run', async () => {
    const { page } = await open();
    await expect.poll(() => page.locator('#create-spec option[value]:not([value=""])').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await page.fill('#create-samples', '20000');
    await page.click('#create-submit');
    await expect.poll(() => page.locator('#create-result').innerText()).toMatch(/started/);
    const id = (await page.locator('#create-result').innerText()).split(' ')[1]!;
    const row = page.locator(`tr[data-run-id^="${id}"]`);
    await row.getByRole('button', { name: `Cancel run ${id}` }).click();
    await expect.poll(() => row.locator('.badge').getAttribute('data-status'), { timeout: 10_000 }).toBe('CANCELED');
    expect(await row.locator('.badge').innerText()).toContain('Canceled');
    expect(await page.locator('#announcer').innerText()).toMatch(new RegExp(`Run ${id} (canceled|is now canceled)`));
  });

  it('shows an error with a retry when the server fails, and recovers', async () => {
    const fault = sandbox.faults.add({ method: 'GET', path: '/runs/', kind: 'server-error', status: 500 });
    try {
      const { page } = await open();
      const alert = page.locator('#message[role="alert"]');
      await expect.poll(() => alert.isVisible(), { timeout: 20_000 }).toBe(true);
      expect(await alert.innerText()).toContain('Could not load the runs');
      expect(await alert.innerText()).toContain('500');
      await page.screenshot({ path: join(ARTIFACTS, 'error.png') });
      sandbox.faults.remove(fault);
      await page.click('#message button:has-text("Retry")');
      await expect.poll(() => rows(page).count(), { timeout: 15_000 }).toBeGreaterThan(0);
      expect(await alert.count()).toBe(0);
    } finally {
      sandbox.faults.remove(fault);
    }
  });

  it('shows the unauthenticated state when the server holds a wrong key', async () => {
    const wrong = await serveDemo({ baseUrl: sandbox.url, apiKey: 'sk_test_sandbox_wrong_demo' });
    closers.push(() => wrong.close());
    const { page } = await open('/', wrong.url);
    const alert = page.locator('#message[role="alert"]');
    await expect.poll(() => alert.isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await alert.innerText()).toContain('Not signed in to Dataframer');
    expect(await alert.innerText()).toContain('DATAFRAMER_API_KEY');
    expect(await rows(page).count()).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, 'unauthenticated.png') });
  });

  it('shows the empty state for a company with no runs', async () => {
    const headers = { authorization: `Bearer ${sandbox.keys.globex}` };
    const runs = (await (await fetch(`${sandbox.url}/api/dataframer/runs/`, { headers })).json()) as Array<{ id: string }>;
    for (const run of runs) await fetch(`${sandbox.url}/api/dataframer/runs/${run.id}/`, { method: 'DELETE', headers });
    const globex = await serveDemo({ baseUrl: sandbox.url, apiKey: sandbox.keys.globex });
    closers.push(() => globex.close());
    const { page } = await open('/', globex.url);
    await expect.poll(() => page.locator('text=There are no runs yet.').count(), { timeout: 15_000 }).toBe(1);
    expect(await page.locator('.empty').innerText()).toContain('dataframer runs create');
  });

  it('stops polling while the tab is hidden and refreshes when it is shown again', async () => {
    const { page, requests } = await open();
    await expect.poll(() => rows(page).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const listCalls = () => requests.filter((r) => new URL(r.url).pathname === '/api/dataframer/runs/').length;
    const setHidden = (hidden: boolean) =>
      page.evaluate((value) => {
        Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (value ? 'hidden' : 'visible') });
        document.dispatchEvent(new Event('visibilitychange'));
      }, hidden);
    await setHidden(true);
    await page.waitForTimeout(300);
    const before = listCalls();
    await page.waitForTimeout(3500);
    expect(listCalls()).toBe(before);
    expect(await page.locator('#updated').innerText()).toContain('paused');
    await setHidden(false);
    await expect.poll(listCalls, { timeout: 5000 }).toBeGreaterThan(before);
  });

  it('has no serious or critical accessibility violations (axe-core)', async () => {
    const { page } = await open();
    await expect.poll(() => rows(page).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
    const fault = sandbox.faults.add({ method: 'GET', path: '/runs/', kind: 'server-error', status: 500 });
    try {
      const errored = (await open()).page;
      await expect.poll(() => errored.locator('#message[role="alert"]').isVisible(), { timeout: 20_000 }).toBe(true);
      expect(await seriousViolations(errored)).toEqual([]);
    } finally {
      sandbox.faults.remove(fault);
    }
  });
});
