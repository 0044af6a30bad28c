import { join } from 'node:path';
import { MAX_SAMPLES_PER_RUN } from '@df/browser';
import { describe, expect, it } from 'vitest';
import { formatCount } from '../src/format';
import { paramLabel } from '../src/paramLabel';
import { ARTIFACTS, useHarness } from './harness';

const harness = useHarness();
const open = (path?: string, base?: string) => harness.open(path, base);

describe('the create form in Chromium', () => {
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
    const record = harness.sandbox.runs().find((r) => r.id.startsWith(short))!;
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
    const before = harness.sandbox.runs().length;
    await page.selectOption('#create-model', 'databricks/databricks-gpt-5');
    await page.click('#create-submit');
    await expect.poll(() => page.locator('#create-databricks-error').innerText()).toContain(paramLabel('databricks_client_id'));
    expect(await page.locator('#create-db-id').getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('create-db-id');
    expect(harness.sandbox.runs().length).toBe(before);
  });
  it('on a phone starts closed, stays open across visits once opened, and is always open on a wide screen', async () => {
    // A server of its own: an origin of its own, so no other test's choice is remembered here.
    const fresh = await harness.serve({ baseUrl: harness.sandbox.url, apiKey: harness.sandbox.keys.acme });
    const { page } = await harness.open('/', fresh.url, { width: 390, height: 800 });
    const toggle = page.getByRole('button', { name: 'Show the form' });
    const form = page.locator('#create-form');
    await expect.poll(() => toggle.count(), { timeout: 10_000 }).toBe(1);
    expect(await form.isVisible()).toBe(false);
    await toggle.click();
    expect(await form.isVisible()).toBe(true);
    await page.reload();
    const hide = page.getByRole('button', { name: 'Hide the form' });
    await expect.poll(() => hide.getAttribute('aria-expanded'), { timeout: 10_000 }).toBe('true');
    expect(await form.isVisible()).toBe(true);
    await hide.click();
    await page.reload();
    await expect.poll(() => page.locator('.create-toggle').getAttribute('aria-expanded'), { timeout: 10_000 }).toBe('false');
    expect(await form.isVisible()).toBe(false);
    await page.setViewportSize({ width: 1400, height: 800 });
    expect(await form.isVisible()).toBe(true);
    expect(await page.locator('.create-toggle').isVisible()).toBe(false);
  });
});
