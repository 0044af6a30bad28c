import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_SAMPLES_PER_RUN } from '@df/browser';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatCount } from '../src/format';
import { ARTIFACTS, axeViolations, createRunDirect, rows, usableSpec, useHarness } from './harness';

const SCREENSHOTS = join(ARTIFACTS, 'screenshots');
const WIDTHS = [360, 390, 768, 1400] as const;

const harness = useHarness();
let succeeded: string;

beforeAll(() => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  succeeded = harness.sandbox.runs().find((r) => r.run['status'] === 'SUCCEEDED')!.id;
});

/** Facts about the page's width and each control: inside the viewport once scrolled to, and not covered. */
async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const width = window.innerWidth;
    if (document.documentElement.scrollWidth > width)
      problems.push(`page is ${document.documentElement.scrollWidth} px wide in a ${width} px window`);
    const controls = [...document.querySelectorAll<HTMLElement>('main button, main a[href], main select, main input, main summary')];
    for (const el of controls) {
      if (el.closest('details:not([open])') && el.tagName !== 'SUMMARY') continue;
      el.scrollIntoView({ block: 'center', inline: 'nearest' });
      const rect = el.getBoundingClientRect();
      const name = `${el.tagName.toLowerCase()} "${(el.textContent || el.getAttribute('name') || '').replace(/\s+/g, ' ').trim().slice(0, 40)}"`;
      if (rect.width === 0 || rect.height === 0) {
        problems.push(`${name} has no size`);
        continue;
      }
      if (rect.left < -0.5 || rect.right > width + 0.5)
        problems.push(`${name} is outside the window (${Math.round(rect.left)}..${Math.round(rect.right)} of ${width})`);
      const hit = document.elementFromPoint(Math.min(width - 1, Math.max(0, rect.left + rect.width / 2)), rect.top + rect.height / 2);
      if (!hit || !(el === hit || el.contains(hit) || hit.contains(el)))
        problems.push(`${name} is covered by ${hit?.tagName.toLowerCase()}`);
    }
    window.scrollTo(0, 0);
    return problems;
  });
}

/** Starts a run of the most samples allowed, about 40 s at this speed: started by a test, it is unfinished throughout it. */
async function startLongRun(): Promise<string> {
  return createRunDirect(harness.sandbox, await usableSpec(harness.sandbox), MAX_SAMPLES_PER_RUN);
}

async function openAt(width: number, path: string) {
  const { page } = await harness.open(path, undefined, { width, height: 800 });
  return page;
}

describe('layout at phone, tablet and desktop widths', () => {
  for (const width of WIDTHS) {
    it(`list at ${width} px: no sideways scroll, every control reachable, axe finds nothing`, async () => {
      const page = await openAt(width, '/');
      await expect.poll(() => rows(page).count(), { timeout: 15_000 }).toBeGreaterThan(5);
      await expect.poll(() => page.locator('#create-model option').count(), { timeout: 10_000 }).toBeGreaterThan(1);
      if (width === 390 || width === 1400) await page.screenshot({ path: join(SCREENSHOTS, `list-${width}.png`), fullPage: true });
      await page.locator('details.advanced summary').click();
      expect(await layoutProblems(page)).toEqual([]);
      expect(await axeViolations(page)).toEqual([]);
      // A validation message appears without moving the form.
      const before = await page.locator('#create-submit').boundingBox();
      const samplesBefore = await page.locator('#create-samples').boundingBox();
      await page.fill('#create-samples', '0');
      await page.click('#create-submit');
      await expect.poll(() => page.locator('#create-samples-error').innerText()).toContain(`1 to ${formatCount(MAX_SAMPLES_PER_RUN)}`);
      for (const [locator, was] of [
        ['#create-submit', before],
        ['#create-samples', samplesBefore],
      ] as const) {
        const now = (await page.locator(locator).boundingBox())!;
        expect(Math.abs(now.y - was!.y), locator).toBeLessThan(0.5);
        expect(Math.abs(now.x - was!.x), locator).toBeLessThan(0.5);
      }
      expect(await axeViolations(page)).toEqual([]);
    });

    it(`run page at ${width} px: no sideways scroll, every control reachable, axe finds nothing`, async () => {
      const processing = await startLongRun();
      for (const id of [processing, succeeded]) {
        const page = await openAt(width, `/#/runs/${id}`);
        await expect.poll(() => page.locator('article.run-page .samples li').count(), { timeout: 15_000 }).toBeGreaterThan(0);
        if (id === processing && (width === 390 || width === 1400))
          await page.screenshot({ path: join(SCREENSHOTS, `detail-${width}.png`), fullPage: true });
        const labels = await page.locator('.run-actions button, .run-actions a').allInnerTexts();
        expect(labels.join(' ')).toMatch(id === processing ? /Cancel[\s\S]*Delete/ : /Prepare ZIP[\s\S]*Delete/);
        expect(await layoutProblems(page)).toEqual([]);
        expect(await axeViolations(page)).toEqual([]);
      }
    });
  }

  it('the confirmation dialog fits a 360 px phone and passes axe', async () => {
    const page = await openAt(360, `/#/runs/${await startLongRun()}`);
    await expect.poll(() => page.locator('article.run-page').count(), { timeout: 15_000 }).toBe(1);
    await page.locator('.run-actions button.danger').first().click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    const box = (await dialog.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(360);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'confirm-360.png') });
  });
});

/** Sums the layout-shift entries not caused by input from `since` on (what the CLS metric adds up). */
function shiftSince(page: Page, since: number): Promise<number> {
  return page.evaluate((start) => {
    const entries = (globalThis as unknown as { __shifts: Array<{ value: number; hadRecentInput: boolean; startTime: number }> }).__shifts;
    return entries.filter((e) => !e.hadRecentInput && e.startTime >= start).reduce((sum, e) => sum + e.value, 0);
  }, since);
}

describe('stable layout while polling', () => {
  it('keeps the cumulative layout shift at or under 0.02 over 10 s of progressing runs, list and run page, phone and desktop', async () => {
    const spec = await usableSpec(harness.sandbox);
    // Long runs progress all along; short ones finish during the window, so badges, actions and files change too.
    const finishing = [await createRunDirect(harness.sandbox, spec, 2500), await createRunDirect(harness.sandbox, spec, 3500)];
    await createRunDirect(harness.sandbox, spec, 20000);
    await harness.context.addInitScript(() => {
      const shifts: unknown[] = [];
      (globalThis as unknown as { __shifts: unknown[] }).__shifts = shifts;
      new PerformanceObserver((list) => shifts.push(...list.getEntries().map((e) => e.toJSON()))).observe({
        type: 'layout-shift',
        buffered: true,
      });
    });
    const pages = {
      'list 1400': await openAt(1400, '/'),
      'list 390': await openAt(390, '/'),
      'run page 1400': await openAt(1400, `/#/runs/${finishing[0]}`),
      'run page 390': await openAt(390, `/#/runs/${finishing[1]}`),
    };
    for (const page of Object.values(pages)) {
      await expect
        .poll(() => page.locator('tr[data-run-id], article.run-page .samples li').count(), { timeout: 15_000 })
        .toBeGreaterThan(0);
    }
    // Let first paint and the first polls settle, then measure.
    await pages['list 1400'].waitForTimeout(1500);
    const starts = new Map<string, number>();
    const progressText = async (page: Page) => page.locator('.progress').allInnerTexts();
    const before = await progressText(pages['list 1400']);
    for (const [name, page] of Object.entries(pages)) starts.set(name, await page.evaluate(() => performance.now()));
    await pages['list 1400'].waitForTimeout(10_000);
    const shifts: Record<string, number> = {};
    for (const [name, page] of Object.entries(pages)) shifts[name] = await shiftSince(page, starts.get(name)!);
    console.log(`cumulative layout shift over 10 s of polling: ${JSON.stringify(shifts)}`);
    // The runs did progress and finish while measured.
    expect(await progressText(pages['list 1400'])).not.toEqual(before);
    for (const page of [pages['run page 1400'], pages['run page 390']]) {
      expect(await page.locator('.run-status .badge').getAttribute('data-status')).toBe('SUCCEEDED');
    }
    for (const [name, value] of Object.entries(shifts)) expect(value, name).toBeLessThanOrEqual(0.02);
  });
});
