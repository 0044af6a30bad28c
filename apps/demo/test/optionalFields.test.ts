import { describe, expect, it } from 'vitest';
import { axeViolations, rows, useHarness } from './harness';

// A server may send null, or nothing, for every field but a run's id and status: the page must still list,
// show, follow and download runs, and never print "undefined", "NaN" or "null".
for (const optionalFields of ['null', 'absent'] as const) {
  describe(`a server that sends optional fields as ${optionalFields} (specs say READY)`, () => {
    const harness = useHarness({ optionalFields, specReadyStatus: 'READY' });

    it('lists, reads, watches and downloads without error', async () => {
      const errors: string[] = [];
      const { page } = await harness.open();
      page.on('pageerror', (error) => errors.push(error.message));
      await expect.poll(() => rows(page).count(), { timeout: 15_000 }).toBeGreaterThan(0);
      expect(await page.locator('#runs').innerText()).not.toMatch(/undefined|NaN|null|Invalid Date/);
      expect(await axeViolations(page)).toEqual([]);

      // Start a run from the form: specs saying READY (or nothing) can be used.
      await expect
        .poll(() => page.locator('#create-spec option[value]:not([value=""]):not([disabled])').count(), { timeout: 10_000 })
        .toBeGreaterThan(0);
      await page.fill('#create-samples', '200');
      await page.click('#create-submit');
      await expect.poll(() => page.locator('#create-result').innerText(), { timeout: 10_000 }).toMatch(/started for 200 samples/);
      await page.getByRole('link', { name: 'Open run' }).click();
      const article = page.locator('article.run-page');
      await expect.poll(() => article.count(), { timeout: 10_000 }).toBe(1);
      // Watched until it is done, by the page's own polling.
      await expect.poll(() => article.locator('.run-status .badge').getAttribute('data-status'), { timeout: 30_000 }).toBe('SUCCEEDED');
      expect(await article.innerText()).not.toMatch(/undefined|NaN|null|Invalid Date/);
      expect(await axeViolations(page)).toEqual([]);

      await article.getByRole('button', { name: /^Prepare ZIP of run / }).click();
      const link = article.getByRole('link', { name: /^Download ZIP/ });
      await expect.poll(() => link.count(), { timeout: 20_000 }).toBe(1);
      expect(await link.innerText()).not.toMatch(/undefined|NaN|null/);
      const zip = await page.request.get((await link.getAttribute('href'))!);
      expect((await zip.body()).subarray(0, 2).toString()).toBe('PK');
      expect(errors).toEqual([]);
    });
  });
}
