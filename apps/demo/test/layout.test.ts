import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_SAMPLES_PER_RUN } from '@df/browser';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatCount } from '../src/format';
import {
  ARTIFACTS,
  axeViolations,
  createRunDirect,
  layoutProblems,
  recordLayoutShifts,
  rows,
  shiftSince,
  usableSpec,
  useHarness,
} from './harness';

const SCREENSHOTS = join(ARTIFACTS, 'screenshots');
const WIDTHS = [360, 390, 768, 1400] as const;
/** Below this width the create form starts closed (forms.css). */
const NARROW = 640;
/** The window height the tests open pages at: a phone's first screen. */
const HEIGHT = 800;

const harness = useHarness();
let succeeded: string;

beforeAll(() => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  succeeded = harness.sandbox.runs().find((r) => r.run['status'] === 'SUCCEEDED')!.id;
});

/** Options of the model pickers whose text does not fit their select (measured in the select's own font, less its arrow). */
async function clippedOptions(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const context = document.createElement('canvas').getContext('2d')!;
    const clipped: string[] = [];
    for (const select of document.querySelectorAll<HTMLSelectElement>('#create-form .field--model select')) {
      const style = getComputedStyle(select);
      context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      // The arrow Chromium draws takes about 20 px of the content box.
      const room = select.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight) - 20;
      for (const option of select.options) {
        const width = context.measureText(option.text).width;
        if (width > room) clipped.push(`${select.id}: "${option.text}" needs ${Math.ceil(width)} px of ${Math.floor(room)}`);
      }
    }
    return clipped;
  });
}

/** Fields of the create form that come after its submit button, and switches whose box and label do not share a line. */
async function formOrderProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const submit = document.getElementById('create-submit')!.getBoundingClientRect();
    for (const field of document.querySelectorAll<HTMLElement>('#create-form input, #create-form select')) {
      const box = field.getBoundingClientRect();
      if (box.height > 0 && box.bottom > submit.top) problems.push(`${field.id || field.getAttribute('name')} is below the submit button`);
    }
    for (const check of document.querySelectorAll<HTMLElement>('#create-form .check')) {
      const box = check.querySelector('input')!.getBoundingClientRect();
      const text = check.querySelector('span')!.getBoundingClientRect();
      if (text.left < box.right || Math.abs(text.top - box.top) > box.height)
        problems.push(`"${check.textContent?.trim()}" is not beside its box`);
      if (text.width < 8 * 16) problems.push(`"${check.textContent?.trim()}" is squeezed to ${Math.round(text.width)} px`);
    }
    return problems;
  });
}

/** Starts a run of the most samples allowed, about 40 s at this speed: started by a test, it is unfinished throughout it. */
async function startLongRun(): Promise<string> {
  return createRunDirect(harness.sandbox, await usableSpec(harness.sandbox), MAX_SAMPLES_PER_RUN);
}

async function openAt(width: number, path: string) {
  const { page } = await harness.open(path, undefined, { width, height: HEIGHT });
  return page;
}

describe('layout at phone, tablet and desktop widths', () => {
  for (const width of WIDTHS) {
    it(`list at ${width} px: no sideways scroll, every control reachable, axe finds nothing`, async () => {
      const page = await openAt(width, '/');
      await expect.poll(() => rows(page).count(), { timeout: 15_000 }).toBeGreaterThan(5);
      await expect.poll(() => page.locator('#create-model option').count(), { timeout: 10_000 }).toBeGreaterThan(1);
      const toggle = page.locator('.create-toggle');
      if (width < NARROW) {
        // A phone's first screen shows runs: the form starts closed there.
        expect(await toggle.getAttribute('aria-expanded')).toBe('false');
        expect(await page.locator('#create-form').isVisible()).toBe(false);
        expect((await rows(page).first().boundingBox())!.y + 40).toBeLessThan(HEIGHT);
        if (width === 390) await page.screenshot({ path: join(SCREENSHOTS, `list-${width}.png`), fullPage: true });
        await toggle.click();
        expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      } else {
        expect(await toggle.isVisible()).toBe(false);
        if (width === 1400) await page.screenshot({ path: join(SCREENSHOTS, `list-${width}.png`), fullPage: true });
      }
      await page.locator('details.advanced summary').click();
      if (width === 390 || width === 1400)
        await page.locator('#create-form').screenshot({ path: join(SCREENSHOTS, `create-${width}.png`) });
      expect(await layoutProblems(page)).toEqual([]);
      expect(await clippedOptions(page)).toEqual([]);
      expect(await formOrderProblems(page)).toEqual([]);
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
      // Left closed for the next width's test, which starts from the same remembered choice.
      if (width < NARROW) await toggle.click();
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

  it('moves nothing when "Prepare ZIP" becomes "Download ZIP", in the list and on the run page, at 390 and 1400 px', async () => {
    for (const width of [390, 1400]) {
      for (const path of ['/', `/#/runs/${succeeded}`]) {
        const page = await openAt(width, path);
        const scope = path === '/' ? page.locator(`tr[data-run-id="${succeeded}"]`) : page.locator('article.run-page .run-actions');
        const prepare = scope.getByRole('button', { name: /^Prepare ZIP of run / });
        await expect.poll(() => prepare.count(), { timeout: 15_000 }).toBe(1);
        const neighbour =
          path === '/' ? scope.getByRole('link', { name: /^Details of run / }) : scope.getByRole('button', { name: /^Delete run / });
        const boxes = async (zip: typeof prepare) => [await zip.boundingBox(), await neighbour.boundingBox(), await scope.boundingBox()];
        // Scrolled to first, so the click scrolls nothing and the boxes (relative to the window) compare as they are.
        await prepare.scrollIntoViewIfNeeded();
        const before = await boxes(prepare);
        await prepare.click();
        const download = scope.getByRole('link', { name: /^Download ZIP/ });
        await expect.poll(() => download.count(), { timeout: 20_000 }).toBe(1);
        const after = await boxes(download);
        for (const [i, name] of ['the ZIP control', 'its neighbour', 'the row'].entries()) {
          for (const side of ['x', 'y', 'width', 'height'] as const) {
            expect(Math.abs(after[i]![side] - before[i]![side]), `${name} ${side} at ${width} px on ${path}`).toBeLessThan(0.5);
          }
        }
      }
    }
  });

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

describe('stable layout while polling', () => {
  it('keeps the cumulative layout shift at or under 0.02 over 10 s of progressing runs, list and run page, phone and desktop', async () => {
    const spec = await usableSpec(harness.sandbox);
    // Long runs progress all along; short ones finish during the window, so badges, actions and files change too.
    const finishing = [await createRunDirect(harness.sandbox, spec, 2500), await createRunDirect(harness.sandbox, spec, 3500)];
    await createRunDirect(harness.sandbox, spec, 20000);
    await recordLayoutShifts(harness.context);
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
