import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, axeViolations, rows, useHarness } from './harness';

const harness = useHarness();
const open = (path?: string, base?: string) => harness.open(path, base);

async function seriousViolations(page: Page) {
  return (await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

describe('the runs list in Chromium', () => {
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
      expect(request.url.startsWith(harness.demo.url)).toBe(true);
      expect(request.headers['authorization']).toBeUndefined();
    }
    // The proxy did add the key: the sandbox saw these requests as Acme's.
    expect(harness.sandbox.requests().some((r) => r.path === '/api/dataframer/runs/' && r.company === 'acme')).toBe(true);
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
    const specs = await page
      .locator('#filter-spec option')
      .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
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

  it('cancels a run', async () => {
    const { page } = await open();
    await expect.poll(() => page.locator('#create-spec option[value]:not([value=""])').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await page.fill('#create-samples', '20000');
    await page.click('#create-submit');
    await expect.poll(() => page.locator('#create-result').innerText()).toMatch(/started/);
    const id = (await page.locator('#create-result').innerText()).split(' ')[1]!;
    const row = page.locator(`tr[data-run-id^="${id}"]`);
    await row.getByRole('button', { name: `Cancel run ${id}` }).click();
    const dialog = page.getByRole('dialog', { name: `Cancel run ${id}?` });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await dialog.getByRole('button', { name: 'Cancel run' }).click();
    await expect.poll(() => row.locator('.badge').getAttribute('data-status'), { timeout: 10_000 }).toBe('CANCELED');
    expect(await row.locator('.badge').innerText()).toContain('Canceled');
    expect(await page.locator('#announcer').innerText()).toMatch(new RegExp(`Run ${id} (canceled|is now canceled)`));
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

  it('shows a status it does not know as a neutral badge and keeps the run unfinished (polling, cancel offered)', async () => {
    const fault = harness.sandbox.faults.add({ method: 'GET', path: '/runs/', kind: 'unknown-status', value: 'QUEUED_FOR_GPU' });
    try {
      const { page, requests } = await open();
      await expect.poll(() => rows(page).count(), { timeout: 15_000 }).toBeGreaterThan(0);
      const badge = rows(page).first().locator('.badge');
      expect(await badge.getAttribute('data-status')).toBe('QUEUED_FOR_GPU');
      expect(await badge.getAttribute('class')).toContain('badge--unknown');
      expect(await badge.innerText()).toContain('QUEUED_FOR_GPU');
      expect(
        await rows(page)
          .first()
          .getByRole('button', { name: /^Cancel run / })
          .count(),
      ).toBe(1);
      expect(await page.locator('#updated').innerText()).toContain('while runs are unfinished');
      const lists = () => requests.filter((r) => new URL(r.url).pathname === '/api/dataframer/runs/').length;
      const before = lists();
      await expect.poll(lists, { timeout: 5000 }).toBeGreaterThan(before);
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      harness.sandbox.faults.remove(fault);
    }
  });

  it('copies full ids with one click, in the list and on the run page', async () => {
    await harness.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: harness.demo.url });
    const { page } = await open();
    await expect.poll(() => rows(page).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const row = rows(page).first();
    const runId = (await row.getAttribute('data-run-id'))!;
    // Found by name once; its name then becomes "Copied run id …" for a moment.
    await expect.poll(() => row.getByRole('button', { name: `Copy run id ${runId}` }).count()).toBe(1);
    const copy = row.locator(`button.copy[data-copy="${runId}"]`);
    const width = (await copy.boundingBox())!.width;
    await copy.click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(runId);
    await expect.poll(() => copy.innerText()).toContain('Copied');
    // The label changes, the button's width does not.
    expect(Math.abs((await copy.boundingBox())!.width - width)).toBeLessThan(0.5);

    await page.goto(`${harness.demo.url}/#/runs/${runId}`);
    const article = page.locator('article.run-page');
    await expect.poll(() => article.count(), { timeout: 10_000 }).toBe(1);
    const specCopy = article.getByRole('button', { name: /^Copy spec id / });
    const specId = (await specCopy.getAttribute('data-copy'))!;
    await specCopy.click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(specId);
  });

  it('has no serious or critical accessibility violations (axe-core)', async () => {
    const { page } = await open();
    await expect.poll(() => rows(page).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
    const fault = harness.sandbox.faults.add({ method: 'GET', path: '/runs/', kind: 'server-error', status: 500 });
    try {
      const errored = (await open()).page;
      await expect.poll(() => errored.locator('#message[role="alert"]').isVisible(), { timeout: 20_000 }).toBe(true);
      expect(await seriousViolations(errored)).toEqual([]);
    } finally {
      harness.sandbox.faults.remove(fault);
    }
  });
});
