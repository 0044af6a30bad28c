// Every ```js example of the published packages' READMEs, run against their packed tarballs and a sandbox:
// Node examples as ES modules in a throwaway project, @df/browser's as pages in Chromium behind a key-adding proxy.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSandbox, type Sandbox } from '@df/sandbox';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundlePage, launchChromium, runPage, servePage } from '../src/browser';
import { createConsumer, type Consumer } from '../src/consumer';
import { baseEnv, execOk } from '../src/exec';
import { tarballsOf } from '../src/tarballs';

/** The ```js blocks of a package README, in order. */
function examples(pkg: string): string[] {
  const readme = readFileSync(fileURLToPath(new URL(`../../${pkg}/README.md`, import.meta.url)), 'utf8');
  return [...readme.matchAll(/```js\n([\s\S]*?)```/g)].map((match) => match[1]!);
}

let sandbox: Sandbox;
let project: Consumer;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: 41, speed: 1000 });
  project = await createConsumer('readme', {
    tarballs: tarballsOf('@df/core', '@df/node', '@df/browser', '@df/sandbox'),
    manifest: { type: 'module' },
  });
});
afterAll(async () => {
  await sandbox?.stop();
  project?.remove();
});

async function runModule(name: string, code: string): Promise<string> {
  const file = project.write(`${name}.mjs`, code);
  const env = baseEnv({ DATAFRAMER_BASE_URL: sandbox.url, DATAFRAMER_API_KEY: sandbox.keys.acme });
  const result = await execOk(process.execPath, [file], { cwd: project.dir, env, timeoutMs: 60_000 });
  expect(result.stderr).toBe('');
  return result.stdout;
}

function createdRuns(): number {
  return sandbox.runs('acme').filter((r) => !r.seeded).length;
}

describe('@df/core README', () => {
  const [layers, ...rest] = examples('core');

  it('has the one example this test runs', () => {
    expect(rest).toHaveLength(0);
    expect(layers).toContain('createTransport');
  });

  it('build, send, call: runs against the sandbox (the example names `runtime` and `key` without defining them)', async () => {
    // What the example leaves to the reader: a runtime whose fetch sends the production URL to the sandbox instead.
    const prelude = `const key = process.env.DATAFRAMER_API_KEY;
const runtime = {
  fetch: (request) => fetch(new Request(request.url.replace('https://df-api.dataframer.ai', process.env.DATAFRAMER_BASE_URL), request)),
  setTimeout, clearTimeout, now: Date.now, random: Math.random, randomUUID: () => crypto.randomUUID(),
};
`;
    const stdout = await runModule('core-layers', `${prelude}${layers}\nconsole.log(JSON.stringify({ runs: runs.length }));\n`);
    expect(JSON.parse(stdout.trim())).toEqual({ runs: sandbox.runs('acme').filter((r) => !r.deleted).length });
  });
});

describe('@df/node README', () => {
  const [usage, ...rest] = examples('node');

  it('has the one example this test runs', () => {
    expect(rest).toHaveLength(0);
    expect(usage).toContain("from '@df/node'");
  });

  it('Usage: lists, creates a run and waits for it', async () => {
    const before = createdRuns();
    await runModule('node-usage', usage!);
    expect(createdRuns()).toBe(before + 1);
    const created = sandbox
      .runs('acme')
      .filter((r) => !r.seeded)
      .at(-1)!;
    expect(['SUCCEEDED', 'FAILED']).toContain(created.run.status);
  });
});

describe('@df/sandbox README', () => {
  const [fromCode, datasets, scores, ...rest] = examples('sandbox');

  it('has the three examples this test runs', () => {
    expect(rest).toHaveLength(0);
    expect(fromCode).toContain('startSandbox');
    expect(datasets).toContain('/seed-datasets/create/');
    expect(scores).toContain('/evaluations/');
  });

  it('Seed datasets and specs: a CSV uploaded, a spec generated from it with its YAML', async () => {
    const stdout = await runModule('sandbox-datasets', datasets!);
    expect(stdout.trim()).toBe('SINGLE_FILE SUCCEEDED true');
  });

  it('Scores: a 1,000-sample run scores at least 80 and a 1-sample run below', async () => {
    const stdout = await runModule('sandbox-scores', scores!);
    expect(stdout.trim()).toBe('true true');
  });

  it('Start it from code: its own sandbox, a run created and polled to the end', async () => {
    const stdout = await runModule('sandbox-from-code', fromCode!);
    expect(stdout.trim()).toMatch(/^(SUCCEEDED|FAILED) \d+ \d+(\.\d+)?$/);
  });

  it('Start it from the command line: the dataframer-sandbox bin prints its URL and stops on SIGTERM with exit 0', async () => {
    const child = spawn(join(project.dir, 'node_modules/.bin/dataframer-sandbox'), ['--port', '0', '--speed', '10'], {
      cwd: project.dir,
      env: baseEnv(),
    });
    let stdout = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const match = /listening on (http:\/\/\S+)/.exec(stdout);
        if (match) resolve(match[1]!);
      });
      child.once('exit', (code) => reject(new Error(`dataframer-sandbox exited with ${code}: ${stdout}`)));
    });
    expect(stdout).toContain('sk_test_sandbox_acme_demo');
    const health = await fetch(`${url}/api/dataframer/health/`);
    expect(health.status).toBe(200);
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});

describe('@df/browser README, in Chromium', () => {
  const snippets = examples('browser');
  let browser: Browser | undefined;
  afterAll(async () => {
    await browser?.close();
  });

  it('has the three examples this test runs', () => {
    expect(snippets).toHaveLength(3);
  });

  /** Runs one example as the page's module and reports how many runs it listed (null when it lists none). */
  async function inPage(index: number): Promise<number | null> {
    let code = snippets[index]!;
    // The token example continues the proxy one: it uses createClient without importing it.
    if (!code.includes('import ')) code = `import { createClient } from '@df/browser';\n${code}`;
    const page = `window.addEventListener('error', (event) => { window.__smoke = Promise.resolve({ ok: false, error: String(event.message) }); });
window.addEventListener('unhandledrejection', (event) => { window.__smoke = Promise.resolve({ ok: false, error: String(event.reason) }); });
${code}
window.__smoke = Promise.resolve({ ok: true, value: typeof runs === 'undefined' ? null : runs.length });
`;
    const bundle = await bundlePage(project.write(`browser-example-${index}.js`, page));
    expect(bundle).not.toContain(sandbox.keys.acme);
    const server = await servePage({ script: bundle, apiBaseUrl: sandbox.url, apiKey: sandbox.keys.acme });
    try {
      browser ??= await launchChromium();
      const outcome = await runPage<number | null>(browser, server.url);
      if (!outcome.ok) throw new Error(outcome.error);
      return outcome.value;
    } finally {
      await server.close();
    }
  }

  const listed = () => sandbox.runs('acme').filter((r) => !r.deleted).length;

  it('1. same-origin proxy: createClient() lists runs through the page server', async () => {
    expect(await inPage(0)).toBe(listed());
  });

  it('2. short-lived token: the client is created without asking for a token yet (it asks before each request)', async () => {
    expect(await inPage(1)).toBeNull();
  });

  it('3. only the code you use: createBrowserTransport + listRuns', async () => {
    expect(await inPage(2)).toBe(listed());
  });
});
