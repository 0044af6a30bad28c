import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isUsableSpecStatus } from '@df/browser';
import { startSandbox, type Sandbox, type SandboxOptions } from '@df/sandbox';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS } from '../../../scripts/chromium.mjs';
import { buildDemo, serveDemo } from '../scripts/serveDemo.mjs';

/** Where the tests leave screenshots for review (ignored by git). */
export const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** A sandbox, the built dashboard served in front of it, and one Chromium profile. */
export interface Harness {
  sandbox: Sandbox;
  demo: { url: string; close(): Promise<void> };
  context: BrowserContext;
  /** Opens a new tab on the dashboard and records every request the page makes. */
  open(
    path?: string,
    base?: string,
    viewport?: { width: number; height: number },
  ): Promise<{ page: Page; requests: Array<{ url: string; headers: Record<string, string> }> }>;
  /** Serves the dashboard once more with another target or key; closed with the harness. */
  serve(options: { baseUrl: string; apiKey?: string }): Promise<{ url: string; close(): Promise<void> }>;
  close(): Promise<void>;
}

/** A headless Chromium with a fresh profile folder, removed again by `close`. */
export async function launchChromium(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'df-demo-chromium-'));
  // A persistent context is how a fresh, explicit --user-data-dir is given to Chromium.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: ['--headless', ...CHROMIUM_ARGS],
  });
  return {
    context,
    async close() {
      await context.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Starts everything a browser test needs (and builds the page first); test files take it through `useHarness`. */
async function startHarness(options: SandboxOptions = {}): Promise<Harness> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await buildDemo();
  // Fast enough that a few hundred samples finish in about a second; no random failures, so outcomes are known.
  const sandbox = await startSandbox({ port: 0, seed: 7, speed: 100, failureRate: 0, ...options });
  const demo = await serveDemo({ baseUrl: sandbox.url, apiKey: sandbox.keys.acme });
  const browser = await launchChromium();
  const { context } = browser;
  const closers: Array<() => Promise<void>> = [];
  return {
    sandbox,
    demo,
    context,
    async open(path = '/', base = demo.url, viewport) {
      const page = await context.newPage();
      if (viewport) await page.setViewportSize(viewport);
      const requests: Array<{ url: string; headers: Record<string, string> }> = [];
      page.on('request', (request) => requests.push({ url: request.url(), headers: request.headers() }));
      closers.push(() => page.close());
      await page.goto(base + path);
      return { page, requests };
    },
    async serve(opts) {
      const server = await serveDemo(opts);
      closers.push(() => server.close());
      return server;
    },
    async close() {
      for (const close of closers.reverse()) await close().catch(() => undefined);
      await browser.close();
      await demo.close();
      await sandbox.stop();
    },
  };
}

/**
 * The harness of a test file (or of a describe block): started before its first test, closed after its last. Its
 * fields are there from `beforeAll` on.
 */
export function useHarness(options: SandboxOptions = {}): Harness {
  const harness = {} as Harness;
  beforeAll(async () => {
    Object.assign(harness, await startHarness(options));
  });
  afterAll(async () => {
    await harness.close?.();
  });
  return harness;
}

/** The rows of the runs table (cards on narrow screens). */
export const rows = (page: Page) => page.locator('table.runs tbody tr[data-run-id]');

/** Facts about the page's width and each control: inside the viewport once scrolled to, and not covered. */
export async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const width = window.innerWidth;
    if (document.documentElement.scrollWidth > width)
      problems.push(`page is ${document.documentElement.scrollWidth} px wide in a ${width} px window`);
    const controls = [...document.querySelectorAll<HTMLElement>('main button, main a[href], main select, main input, main summary')];
    for (const el of controls) {
      if (el.closest('details:not([open])') && el.tagName !== 'SUMMARY') continue;
      // A control the stylesheet leaves out at this width on purpose (the form's toggle on wide screens).
      if (getComputedStyle(el).display === 'none') continue;
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

/** Makes every page the context opens from now on record its layout shifts, for `shiftSince`. */
export async function recordLayoutShifts(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const shifts: unknown[] = [];
    (globalThis as unknown as { __shifts: unknown[] }).__shifts = shifts;
    new PerformanceObserver((list) => shifts.push(...list.getEntries().map((e) => e.toJSON()))).observe({
      type: 'layout-shift',
      buffered: true,
    });
  });
}

/** Sums the layout-shift entries not caused by input from `since` on (what the CLS metric adds up). */
export function shiftSince(page: Page, since: number): Promise<number> {
  return page.evaluate((start) => {
    const entries = (globalThis as unknown as { __shifts: Array<{ value: number; hadRecentInput: boolean; startTime: number }> }).__shifts;
    return entries.filter((e) => !e.hadRecentInput && e.startTime >= start).reduce((sum, e) => sum + e.value, 0);
  }, since);
}

/** Every axe-core violation on the page (all impacts). */
export async function axeViolations(page: Page): Promise<Array<{ id: string; impact: string | null; nodes: string[] }>> {
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: {
          run(ctx: Document): Promise<{ violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: string[] }> }> }>;
        };
      }
    ).axe;
    return (await axe.run(document)).violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
}

/** Starts a run straight on the sandbox (as another client would), returning its id. */
export async function createRunDirect(sandbox: Sandbox, specId: string, samples: number, key = sandbox.keys.acme): Promise<string> {
  const response = await fetch(`${sandbox.url}/api/dataframer/runs/`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ spec_id: specId, number_of_samples: samples }),
  });
  if (response.status !== 201) throw new Error(`create answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { id: string }).id;
}

/** The id of a spec the sandbox can start runs from. */
export async function usableSpec(sandbox: Sandbox, key = sandbox.keys.acme): Promise<string> {
  const specs = (await (
    await fetch(`${sandbox.url}/api/dataframer/specs/`, { headers: { authorization: `Bearer ${key}` } })
  ).json()) as Array<{ id: string; status: string }>;
  return specs.find((s) => isUsableSpecStatus(s.status))!.id;
}
