import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, createRunDirect, rows, usableSpec, useHarness } from './harness';

const harness = useHarness();
const open = (path?: string, base?: string) => harness.open(path, base);

describe("a run's page in Chromium", () => {
  it('opens a run page from the list at a shareable URL, with progress, cost, model, timings, samples, files and the ZIP', async () => {
    const { page } = await open();
    await expect.poll(() => rows(page).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const row = rows(page)
      .filter({ has: page.locator('.badge[data-status="SUCCEEDED"]') })
      .first();
    const runId = (await row.getAttribute('data-run-id'))!;
    const short = runId.split('-')[0]!;
    await row.getByRole('link', { name: `Details of run ${short}` }).click();
    await expect.poll(() => new URL(page.url()).hash).toBe(`#/runs/${runId}`);
    const heading = page.locator('#run-heading');
    await expect.poll(() => heading.innerText(), { timeout: 10_000 }).toContain(short);
    // Focus moves to the new view's heading, for keyboard and screen-reader users.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('run-heading');
    expect(await page.title()).toBe(`Run ${short} · Dataframer`);
    const article = page.locator(`article.run-page[data-run-id="${runId}"]`);
    await expect.poll(() => article.locator('.samples li').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    const text = await article.innerText();
    expect(text).toContain('Succeeded');
    expect(text).toMatch(/Cost\s+\$\d+\.\d{2}/);
    expect(text).toMatch(/Generation model\s+\S+\/\S+/);
    expect(text).toMatch(/Took\s+\d+/);
    expect(text).toContain('samples.jsonl');
    expect(text).not.toMatch(/undefined|NaN/);
    expect(await article.locator('code.full-id').first().innerText()).toBe(runId);
    const max = await article.locator('[role="progressbar"]').getAttribute('aria-valuemax');
    expect(Number(max)).toBeGreaterThan(0);

    // The URL alone opens the same page.
    const again = (await open(`/#/runs/${runId}`)).page;
    await expect.poll(() => again.locator(`article.run-page[data-run-id="${runId}"]`).count(), { timeout: 10_000 }).toBe(1);

    await article.getByRole('button', { name: `Prepare ZIP of run ${short}` }).click();
    const link = article.getByRole('link', { name: new RegExp(`Download ZIP .* of run ${short}`) });
    await expect.poll(() => link.count(), { timeout: 20_000 }).toBe(1);
    expect((await (await page.request.get((await link.getAttribute('href'))!)).body()).subarray(0, 2).toString()).toBe('PK');

    await page.getByRole('link', { name: '← All runs' }).click();
    await expect.poll(() => rows(page).count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(new URL(page.url()).hash).toBe('#/');
    expect(await page.title()).toBe('Runs · Dataframer');
  });

  it('says so when a run page names a run that does not exist, and offers the way back rather than a retry', async () => {
    const { page } = await open('/#/runs/00000000-0000-4000-8000-000000000000');
    const message = page.locator('#message[role="alert"]');
    await expect.poll(() => message.count(), { timeout: 10_000 }).toBe(1);
    expect(await message.innerText()).toContain('No such run');
    expect(await message.getByRole('button').count()).toBe(0);
    await message.getByRole('link', { name: 'Back to runs' }).click();
    await expect.poll(() => rows(page).count(), { timeout: 10_000 }).toBeGreaterThan(0);
  });

  it('opens a run by the short id the dashboard shows, and says which runs a shorter one could mean', async () => {
    const key = { authorization: `Bearer ${harness.sandbox.keys.acme}` };
    const listIds = async () =>
      ((await (await fetch(`${harness.sandbox.url}/api/dataframer/runs/`, { headers: key })).json()) as Array<{ id: string }>).map(
        (r) => r.id,
      );
    const ids = await listIds();
    const full = ids[0]!;
    const short = full.split('-')[0]!;
    const { page } = await open(`/#/runs/${short}`);
    await expect.poll(() => page.locator(`article.run-page[data-run-id="${full}"]`).count(), { timeout: 10_000 }).toBe(1);
    // The address becomes the run's full one, in place: Back still leaves the page.
    expect(new URL(page.url()).hash).toBe(`#/runs/${full}`);
    expect(await page.title()).toBe(`Run ${short} · Dataframer`);

    // A first character two runs share (more runs are started until there is one: 17 ids always share one).
    const spec = await usableSpec(harness.sandbox);
    let prefix: string | undefined;
    for (let all = ids; ; all = await listIds()) {
      const firsts = all.map((id) => id[0]!);
      prefix = firsts.find((c, i) => firsts.indexOf(c) !== i);
      if (prefix) break;
      await createRunDirect(harness.sandbox, spec, 1);
    }
    const matching = (await listIds()).filter((id) => id.startsWith(prefix));
    const ambiguous = (await open(`/#/runs/${prefix}`)).page;
    const message = ambiguous.locator('#message[role="alert"]');
    await expect.poll(() => message.count(), { timeout: 10_000 }).toBe(1);
    expect(await message.innerText()).toContain(`${matching.length} runs have an id starting with ${prefix}`);
    expect((await message.locator('.matches a').allInnerTexts()).sort()).toEqual(matching.sort());
    expect(await message.getByRole('link', { name: 'Back to runs' }).count()).toBe(1);

    const unknown = (await open('/#/runs/zzzz')).page;
    await expect.poll(() => unknown.locator('#message[role="alert"]').count(), { timeout: 10_000 }).toBe(1);
    expect(await unknown.locator('#message').innerText()).toContain('No run in this account has an id starting with zzzz');
  });

  it('asks before cancelling (keeping the run when told to) and before deleting, then goes back to the list', async () => {
    const { page } = await open();
    await expect
      .poll(() => page.locator('#create-spec option[value]:not([value=""]):not([disabled])').count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    await page.fill('#create-samples', '20000');
    await page.click('#create-submit');
    await expect.poll(() => page.locator('#create-result').innerText()).toMatch(/started/);
    await page.getByRole('link', { name: 'Open run' }).click();
    const article = page.locator('article.run-page');
    await expect.poll(() => article.count(), { timeout: 10_000 }).toBe(1);
    const runId = (await article.getAttribute('data-run-id'))!;
    const short = runId.split('-')[0]!;

    await article.getByRole('button', { name: `Cancel run ${short}` }).click();
    const cancelDialog = page.getByRole('dialog', { name: `Cancel run ${short}?` });
    await expect.poll(() => cancelDialog.isVisible()).toBe(true);
    expect(await cancelDialog.innerText()).toContain('cannot be resumed');
    await page.screenshot({ path: join(ARTIFACTS, 'confirm-cancel.png') });
    await cancelDialog.getByRole('button', { name: 'Keep running' }).click();
    await expect.poll(() => cancelDialog.count()).toBe(0);
    // Focus goes back to the button that asked.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent?.replace(/\s+/g, ' ').trim()))
      .toBe(`Cancel run ${short}`);
    await page.waitForTimeout(500);
    expect(harness.sandbox.runs().find((r) => r.id === runId)!.run['status']).not.toBe('CANCELED');

    // Escape also keeps it.
    await article.getByRole('button', { name: `Delete run ${short}` }).click();
    const deleteDialog = page.getByRole('dialog', { name: `Delete run ${short}?` });
    await expect.poll(() => deleteDialog.isVisible()).toBe(true);
    expect(await deleteDialog.innerText()).toContain('cannot be undone');
    await page.keyboard.press('Escape');
    await expect.poll(() => deleteDialog.count()).toBe(0);
    expect(harness.sandbox.runs().find((r) => r.id === runId)!.deleted).toBe(false);

    // Every sentence the live region says is kept: status changes of other runs may follow this one quickly.
    await page.evaluate(() => {
      const said: string[] = [];
      (globalThis as unknown as { __said: string[] }).__said = said;
      const region = document.getElementById('announcer')!;
      new MutationObserver(() => said.push(region.textContent ?? '')).observe(region, {
        childList: true,
        characterData: true,
        subtree: true,
      });
    });
    await article.getByRole('button', { name: `Delete run ${short}` }).click();
    await deleteDialog.getByRole('button', { name: 'Delete run' }).click();
    await expect.poll(() => new URL(page.url()).hash, { timeout: 10_000 }).toBe('#/');
    expect(harness.sandbox.runs().find((r) => r.id === runId)!.deleted).toBe(true);
    await expect.poll(() => page.evaluate(() => (globalThis as unknown as { __said: string[] }).__said)).toContain(`Run ${short} deleted.`);
    await expect.poll(() => rows(page).count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await page.locator(`tr[data-run-id="${runId}"]`).count()).toBe(0);
  });
});
