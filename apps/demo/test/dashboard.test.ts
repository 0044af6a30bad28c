import { join } from 'node:path';
import { MAX_SAMPLES_PER_RUN } from '@df/browser';
import type { Sandbox } from '@df/sandbox';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCount } from '../src/format';
import { paramLabel } from '../src/paramLabel';
import { ARTIFACTS, axeViolations, rows, startHarness, type Harness } from './harness';

let harness: Harness;
let sandbox: Sandbox;
let demo: Harness['demo'];

beforeAll(async () => {
  harness = await startHarness();
  ({ sandbox, demo } = harness);
});

afterAll(async () => {
  await harness?.close();
});

const open = (path?: string, base?: string) => harness.open(path, base);

async function seriousViolations(page: Page) {
  return (await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
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

  it('validates, starts a run, shows its progress and announces when it succeeds, then offers its ZIP', async () => {
    const { page } = await open();
    await expect.poll(() => page.locator('#create-spec option[value]:not([value=""])').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await page.fill('#create-samples', String(MAX_SAMPLES_PER_RUN + 1));
    await page.click('#create-submit');
    expect(await page.locator('#create-samples').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#create-samples-error').innerText()).toContain(`1 to ${formatCount(MAX_SAMPLES_PER_RUN)}`);

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
    const dialog = page.getByRole('dialog', { name: `Cancel run ${id}?` });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await dialog.getByRole('button', { name: 'Cancel run' }).click();
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
    const wrong = await harness.serve({ baseUrl: sandbox.url, apiKey: 'sk_test_sandbox_wrong_demo' });
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
    const globex = await harness.serve({ baseUrl: sandbox.url, apiKey: sandbox.keys.globex });
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
  });

  it('says so when a run page names a run that does not exist', async () => {
    const { page } = await open('/#/runs/00000000-0000-4000-8000-000000000000');
    await expect.poll(() => page.locator('#message[role="alert"]').count(), { timeout: 10_000 }).toBe(1);
    expect(await page.locator('#message').innerText()).toContain('No such run');
  });

  it('copies full ids with one click, in the list and on the run page', async () => {
    await harness.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: demo.url });
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

    await page.goto(`${demo.url}/#/runs/${runId}`);
    const article = page.locator('article.run-page');
    await expect.poll(() => article.count(), { timeout: 10_000 }).toBe(1);
    const specCopy = article.getByRole('button', { name: /^Copy spec id / });
    const specId = (await specCopy.getAttribute('data-copy'))!;
    await specCopy.click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(specId);
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
    expect(sandbox.runs().find((r) => r.id === runId)!.run['status']).not.toBe('CANCELED');

    // Escape also keeps it.
    await article.getByRole('button', { name: `Delete run ${short}` }).click();
    const deleteDialog = page.getByRole('dialog', { name: `Delete run ${short}?` });
    await expect.poll(() => deleteDialog.isVisible()).toBe(true);
    expect(await deleteDialog.innerText()).toContain('cannot be undone');
    await page.keyboard.press('Escape');
    await expect.poll(() => deleteDialog.count()).toBe(0);
    expect(sandbox.runs().find((r) => r.id === runId)!.deleted).toBe(false);

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
    expect(sandbox.runs().find((r) => r.id === runId)!.deleted).toBe(true);
    await expect.poll(() => page.evaluate(() => (globalThis as unknown as { __said: string[] }).__said)).toContain(`Run ${short} deleted.`);
    await expect.poll(() => rows(page).count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await page.locator(`tr[data-run-id="${runId}"]`).count()).toBe(0);
  });

  it('starts a run with the model picked from models.list() and advanced parameters; lists unusable specs with the reason', async () => {
    const { page } = await open();
    // The bodies of the creates the page sends, read where the page hands them to fetch.
    await page.addInitScript(() => {
      const bodies: string[] = [];
      (globalThis as unknown as { __creates: string[] }).__creates = bodies;
      const original = globalThis.fetch;
      globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
        const request = new Request(input, init);
        if (request.method === 'POST' && new URL(request.url).pathname === '/api/dataframer/runs/')
          bodies.push(await request.clone().text());
        return original(request);
      };
    });
    await page.reload();
    const createBodies = () => page.evaluate(() => (globalThis as unknown as { __creates: string[] }).__creates);
    await expect.poll(() => page.locator('#create-model option').count(), { timeout: 15_000 }).toBeGreaterThan(10);
    const disabled = await page.locator('#create-spec option[disabled]').allInnerTexts();
    expect(disabled.length).toBeGreaterThan(0);
    for (const text of disabled) expect(text).toMatch(/: (still being built|its build failed)$/);
    await page.selectOption('#create-model', 'anthropic/claude-haiku-4-5');
    await page.locator('details.advanced summary').click();
    await page.selectOption('#create-seed-shuffling', 'field');
    await page.fill('#create-max-revision-cycles', '2');
    await page.check('input[name="skip_outline"]');
    await page.fill('#create-samples', '40');
    await page.click('#create-submit');
    await expect.poll(() => page.locator('#create-result').innerText(), { timeout: 10_000 }).toMatch(/started for 40 samples/);
    const short = (await page.locator('#create-result').innerText()).split(' ')[1]!;
    const record = sandbox.runs().find((r) => r.id.startsWith(short))!;
    expect(record.run['runtime_params']).toMatchObject({
      generation_model: 'anthropic/claude-haiku-4-5',
      seed_shuffling_level: 'field',
      max_revision_cycles: 2,
    });
    // The sandbox does not record skip_outline; what the page sent is checked instead.
    const sent = JSON.parse((await createBodies()).at(-1)!) as Record<string, unknown>;
    expect(sent).toMatchObject({
      number_of_samples: 40,
      generation_model: 'anthropic/claude-haiku-4-5',
      seed_shuffling_level: 'field',
      max_revision_cycles: 2,
      skip_outline: true,
    });
    expect(Object.keys(sent)).not.toContain('outline_model');

    // A Databricks model opens the advanced part; the schema asks for its credentials before anything is sent.
    const before = sandbox.runs().length;
    await page.selectOption('#create-model', 'databricks/databricks-gpt-5');
    await page.click('#create-submit');
    await expect.poll(() => page.locator('#create-databricks-error').innerText()).toContain(paramLabel('databricks_client_id'));
    expect(await page.locator('#create-db-id').getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('create-db-id');
    expect(sandbox.runs().length).toBe(before);
  });

  it('answers 502 from its proxy when Dataframer cannot be reached, and the page says so with a retry', async () => {
    // A port nothing listens on: a sandbox started and stopped.
    const { startSandbox } = await import('@df/sandbox');
    const gone = await startSandbox({ port: 0 });
    await gone.stop();
    const unreachable = await harness.serve({ baseUrl: gone.url, apiKey: 'sk_test_unreachable_demo' });
    const direct = await fetch(`${unreachable.url}/api/dataframer/runs/`);
    expect(direct.status).toBe(502);
    const body = (await direct.json()) as { detail: string };
    expect(body.detail).toContain('could not reach Dataframer');
    expect(body.detail).not.toContain('sk_test');

    const { page } = await open('/', unreachable.url);
    const alert = page.locator('#message[role="alert"]');
    await expect.poll(() => alert.isVisible(), { timeout: 20_000 }).toBe(true);
    const text = await alert.innerText();
    expect(text).toContain('Could not reach Dataframer');
    expect(text).toContain(gone.url);
    expect(text).not.toMatch(/500|no body/);
    expect(await alert.getByRole('button', { name: 'Retry' }).isVisible()).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'unreachable.png') });
  });

  it('says the base URL is probably wrong when the API is not under it', async () => {
    const wrongPrefix = await harness.serve({ baseUrl: `${sandbox.url}/not-the-api`, apiKey: sandbox.keys.acme });
    const { page } = await open('/', wrongPrefix.url);
    const alert = page.locator('#message[role="alert"]');
    await expect.poll(() => alert.isVisible(), { timeout: 15_000 }).toBe(true);
    const text = await alert.innerText();
    expect(text).toContain('Could not load the runs');
    expect(text).toContain('base URL is probably wrong');
    expect(text).toContain('DATAFRAMER_BASE_URL');
  });

  it('works with the base URL given in its /api/dataframer form', async () => {
    const apiForm = await harness.serve({ baseUrl: `${sandbox.url}/api/dataframer/`, apiKey: sandbox.keys.acme });
    const { page } = await open('/', apiForm.url);
    await expect.poll(() => rows(page).count(), { timeout: 15_000 }).toBeGreaterThan(0);
  });

  it('shows a status it does not know as a neutral badge and keeps the run unfinished (polling, cancel offered)', async () => {
    const fault = sandbox.faults.add({ method: 'GET', path: '/runs/', kind: 'unknown-status', value: 'QUEUED_FOR_GPU' });
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
      sandbox.faults.remove(fault);
    }
  });

  it("says when the dashboard's own server stops answering, and recovers when it is back", async () => {
    const { serveDemo } = await import('../scripts/serveDemo.mjs');
    // A port of its own, so the same address can be served again.
    const first = await serveDemo({ baseUrl: sandbox.url, apiKey: sandbox.keys.acme });
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
    const again = await serveDemo({ baseUrl: sandbox.url, apiKey: sandbox.keys.acme, port });
    try {
      await alert.getByRole('button', { name: 'Retry' }).click();
      await expect.poll(() => alert.count(), { timeout: 15_000 }).toBe(0);
    } finally {
      await again.close();
    }
  });
});
