import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { maskKey } from '@df/browser';
import { startSandbox } from '@df/sandbox';
import { afterEach, describe, expect, it } from 'vitest';
import { createRunDirect, launchChromium, rows, usableSpec } from './harness';

const script = fileURLToPath(new URL('../scripts/demo.mjs', import.meta.url));

// A test that fails before it stops its command leaves nothing running.
const running = new Set<ChildProcess>();
afterEach(() => {
  for (const child of running) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  running.clear();
});

/** Runs the dashboard command with these variables (and none of the caller's DATAFRAMER_* ones), collecting its output. */
function start(env: Record<string, string>) {
  const base = { ...process.env };
  delete base['DATAFRAMER_BASE_URL'];
  delete base['DATAFRAMER_API_KEY'];
  const child = spawn(process.execPath, [script], { env: { ...base, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  const waitFor = async (pattern: RegExp, ms = 60_000) => {
    const until = Date.now() + ms;
    while (!pattern.test(output)) {
      if (Date.now() > until || child.exitCode !== null) throw new Error(`did not print ${pattern}:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  /** The address it serves the dashboard on, once it says so. */
  const url = async () => {
    await waitFor(/Runs dashboard:\s+http:\/\/\S+\/\s/);
    return /Runs dashboard:\s+(http:\/\/\S+?)\/\s/.exec(output)![1]!;
  };
  return { child, exited, url, output: () => output };
}

describe('the dashboard command', () => {
  it('without DATAFRAMER_BASE_URL and DATAFRAMER_API_KEY starts its own sandbox and says so; Ctrl-C stops both with exit code 0', async () => {
    const run = start({ PORT: '0' });
    const url = await run.url();
    expect(run.output().split('\n')[0]).toMatch(/DATAFRAMER_BASE_URL and DATAFRAMER_API_KEY are not set: starting a local sandbox/);
    const sandboxUrl = /Sandbox API:\s+(http:\/\/\S+)/.exec(run.output())![1]!;
    const answer = await fetch(`${url}/api/dataframer/runs/`);
    const runs = (await answer.json()) as Array<{ id: string }>;
    expect(answer.status).toBe(200);
    // What the dashboard lists is its sandbox's.
    const direct = await fetch(`${sandboxUrl}/api/dataframer/runs/`, { headers: { authorization: 'Bearer sk_test_sandbox_acme_demo' } });
    const ids = (list: Array<{ id: string }>) => list.map((r) => r.id);
    expect(ids(runs)).toEqual(ids((await direct.json()) as Array<{ id: string }>));
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(0);
    expect(run.output()).toContain('Stopped the dashboard and the sandbox.');
    expect(run.output()).not.toMatch(/ELIFECYCLE|ERR_PNPM|Error|failed/i);
  });

  it('with both set, proxies to that server and starts no sandbox: a run made there by another client appears in the page', async () => {
    const sandbox = await startSandbox({ port: 0, speed: 100, failureRate: 0 });
    const browser = await launchChromium();
    const key = sandbox.keys.acme;
    try {
      // Made by plain HTTP, as the CLI or the SDK would, before the dashboard exists.
      const runId = await createRunDirect(sandbox, await usableSpec(sandbox), 40);
      // The base URL in its other documented form, with a trailing slash.
      const run = start({ PORT: '0', DATAFRAMER_BASE_URL: `${sandbox.url}/api/dataframer/`, DATAFRAMER_API_KEY: key });
      const url = await run.url();
      expect(run.output().split('\n')[0]).toBe(
        `Dataframer API:  ${sandbox.url} (DATAFRAMER_BASE_URL), key ${maskKey(key)} (DATAFRAMER_API_KEY); no sandbox started`,
      );
      expect(run.output()).not.toContain('Sandbox API');

      const page = await browser.context.newPage();
      await page.goto(`${url}/`);
      const listed = (await (
        await fetch(`${sandbox.url}/api/dataframer/runs/`, { headers: { authorization: `Bearer ${key}` } })
      ).json()) as unknown[];
      await expect.poll(() => rows(page).count(), { timeout: 15_000 }).toBe(listed.length);
      expect(await page.locator(`tr[data-run-id="${runId}"]`).count()).toBe(1);
      // The page holds no key: only the proxy does, and the sandbox saw the page's requests as Acme's.
      expect(sandbox.requests().some((r) => r.path === '/api/dataframer/runs/' && r.company === 'acme')).toBe(true);

      run.child.kill('SIGINT');
      expect(await run.exited).toBe(0);
      expect(run.output()).toMatch(/Stopped the dashboard\.\n$/);
      expect(run.output()).not.toContain(key);
      // The server it was pointed at is not its own: it is still there.
      expect((await fetch(`${sandbox.url}/api/dataframer/runs/`, { headers: { authorization: `Bearer ${key}` } })).status).toBe(200);
    } finally {
      await browser.close();
      await sandbox.stop();
    }
  });

  it('says in its own log what the operator must fix, which the page leaves out: a refused key, a base URL the API is not under', async () => {
    const sandbox = await startSandbox({ port: 0 });
    try {
      const cases = [
        { base: sandbox.url, key: 'sk_test_sandbox_wrong_demo', status: 401, says: 'check DATAFRAMER_API_KEY where this dashboard runs' },
        { base: `${sandbox.url}/not-the-api`, key: sandbox.keys.acme, status: 404, says: 'DATAFRAMER_BASE_URL is probably wrong' },
      ];
      for (const { base, key, status, says } of cases) {
        const run = start({ PORT: '0', DATAFRAMER_BASE_URL: base, DATAFRAMER_API_KEY: key });
        const url = await run.url();
        // Asked twice, as a polling page would: said once.
        for (const _ of [1, 2]) expect((await fetch(`${url}/api/dataframer/runs/`)).status).toBe(status);
        run.child.kill('SIGINT');
        expect(await run.exited).toBe(0);
        const lines = run
          .output()
          .split('\n')
          .filter((line) => line.includes(says));
        expect(lines, run.output()).toHaveLength(1);
        expect(lines[0]).toContain(`Dataframer at ${base} answered ${status} to GET /api/dataframer/runs/`);
        expect(run.output()).not.toContain(key);
      }
    } finally {
      await sandbox.stop();
    }
  });

  it('with only one of the two set, names the missing one and starts nothing', async () => {
    const key = 'sk_test_FAKE_only_the_key_0000';
    const cases: Array<{ env: Record<string, string>; set: string; missing: string }> = [
      { env: { DATAFRAMER_API_KEY: key }, set: 'DATAFRAMER_API_KEY', missing: 'DATAFRAMER_BASE_URL' },
      { env: { DATAFRAMER_BASE_URL: 'http://127.0.0.1:9' }, set: 'DATAFRAMER_BASE_URL', missing: 'DATAFRAMER_API_KEY' },
      // Blank counts as unset.
      { env: { DATAFRAMER_API_KEY: key, DATAFRAMER_BASE_URL: ' ' }, set: 'DATAFRAMER_API_KEY', missing: 'DATAFRAMER_BASE_URL' },
    ];
    for (const { env, set, missing } of cases) {
      const run = start({ PORT: '0', ...env });
      expect(await run.exited).toBe(1);
      expect(run.output()).toContain(`${set} is set but ${missing} is not`);
      expect(run.output()).toContain('Set both to use a Dataframer server');
      expect(run.output()).not.toMatch(/Sandbox API|Runs dashboard|starting a local sandbox/);
      expect(run.output()).not.toContain(key);
    }
  });

  it('names the busy port and how to pick another with PORT=', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const run = start({ PORT: String(port) });
      expect(await run.exited).toBe(1);
      expect(run.output()).toContain(`Port ${port} is already in use`);
      expect(run.output()).toContain(`PORT=${port + 1} npm run dashboard`);
      expect(run.output()).not.toMatch(/at .*\.js:\d+/);
    } finally {
      blocker.close();
    }
  });
});
