import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, axeViolations, layoutProblems, recordLayoutShifts, rows, shiftSince, useHarness } from './harness';

// At the sandbox's own pace an evaluation waits 1 s and scores for 5 s: long enough to watch the page follow it.
const harness = useHarness({ speed: 1 });
const SCREENSHOTS = join(ARTIFACTS, 'screenshots');

/** The ids of the company's SUCCEEDED runs, as the API lists them. */
async function succeededRuns(): Promise<string[]> {
  const answer = await fetch(`${harness.sandbox.url}/api/dataframer/runs/`, {
    headers: { authorization: `Bearer ${harness.sandbox.keys.acme}` },
  });
  return ((await answer.json()) as Array<{ id: string; status: string }>).filter((r) => r.status === 'SUCCEEDED').map((r) => r.id);
}

describe("a run's evaluations in Chromium", () => {
  it('are not loaded with the list: no evaluation code in its script, no evaluation chunk or call', async () => {
    const { page, requests } = await harness.open('/');
    await expect.poll(() => rows(page).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await page.waitForTimeout(1000);
    expect(requests.filter((r) => /evaluation/i.test(r.url))).toEqual([]);
    const script = (await page.locator('script[type="module"]').getAttribute('src'))!;
    const code = await (await page.request.get(new URL(script, page.url()).href)).text();
    expect(code).toContain('evaluationsPart');
    expect(code).not.toMatch(/evaluations\/|conformance_|distribution_analysis/);
  });

  const widths = [390, 1400] as const;
  for (const [index, width] of widths.entries()) {
    it(`at ${width} px: Evaluate asks first (it may cost), then the page follows the evaluation to its score without moving`, async () => {
      const runId = (await succeededRuns())[index]!;
      await recordLayoutShifts(harness.context);
      const { page, requests } = await harness.open(`/#/runs/${runId}`, undefined, { width, height: 800 });
      const section = page.locator('#evaluations');
      await expect.poll(() => section.innerText(), { timeout: 15_000 }).toMatch(/Not evaluated yet|Evaluation /);
      expect(requests.some((r) => /evaluationsPart-.*\.js$/.test(r.url))).toBe(true);
      expect(await axeViolations(page)).toEqual([]);

      await section.getByRole('button', { name: /^Evaluate run / }).click();
      const dialog = page.getByRole('dialog', { name: /^Evaluate run / });
      await expect.poll(() => dialog.isVisible()).toBe(true);
      expect(await dialog.innerText()).toContain('may cost money');
      expect(await axeViolations(page)).toEqual([]);
      await dialog.getByRole('button', { name: 'Evaluate' }).click();
      const card = section.locator('.evaluation').first();
      await expect.poll(() => card.getAttribute('data-status'), { timeout: 10_000 }).toMatch(/PENDING|PROCESSING/);
      expect(await card.innerText()).toContain('Scoring the samples');
      expect(await section.getByRole('button', { name: /^Evaluate run / }).isDisabled()).toBe(true);
      expect(harness.sandbox.requests().filter((r) => r.method === 'POST' && r.path === '/api/dataframer/evaluations/')).toHaveLength(
        index + 1,
      );

      // From here on nothing but polling changes the page.
      await page.mouse.move(0, 0);
      await page.waitForTimeout(600);
      const since = await page.evaluate(() => performance.now());
      await expect.poll(() => card.getAttribute('data-status'), { timeout: 20_000 }).toBe('SUCCEEDED');
      await expect.poll(() => card.locator('.distribution table').count(), { timeout: 10_000 }).toBeGreaterThan(0);
      const shift = await shiftSince(page, since);
      console.log(`layout shift while the evaluation ran, ${width} px: ${shift}`);
      expect(shift).toBeLessThanOrEqual(0.02);

      const score = Number(await card.locator('.score-value').innerText());
      expect(score).toBeGreaterThanOrEqual(0);
      expect(score).toBeLessThanOrEqual(100);
      const header = await card.locator('.distribution thead').first().innerText();
      expect(header.replace(/\s+/g, ' ').trim()).toBe('Value Requested Evaluated');
      expect(await card.locator('.distribution tbody tr').count()).toBeGreaterThan(1);
      expect(await card.innerText()).not.toMatch(/undefined|NaN|null/);
      await expect.poll(() => page.locator('#announcer').innerText(), { timeout: 5000 }).toMatch(/Evaluation of run \w+ finished/);
      expect(await layoutProblems(page)).toEqual([]);
      expect(await axeViolations(page)).toEqual([]);
      await section.screenshot({ path: join(SCREENSHOTS, `evaluation-${width}.png`) });
    });
  }
});
