// Every documented way of starting the sandbox runs our own bin, and works as printed.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { exportLines, start, waitFor, type Running } from './support/processes';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const READMES = ['README.md', 'packages/sandbox/README.md', 'apps/cli/README.md', 'packages/node/README.md'];
const CLI = join(ROOT, 'apps/cli/dist/dataframer.js');
const BIN = join(ROOT, 'packages/sandbox/dist/cli.js');

/** The commands that start the sandbox, as the READMEs write them. */
const FORMS = ['npm run sandbox', 'pnpm exec dataframer-sandbox', 'node packages/sandbox/dist/cli.js'] as const;

const readme = (path: string): string => readFileSync(join(ROOT, path), 'utf8');

/** The root `sandbox` script without its setup step: what it runs once the workspace is built. */
function rootScriptCommand(): string[] {
  const script = (JSON.parse(readme('package.json')) as { scripts: Record<string, string> }).scripts.sandbox ?? '';
  // `exec` lets Ctrl-C end npm run with the command's own exit code (0) instead of the shell's 130.
  const match = /^node scripts\/setup\.mjs && exec (node \S+)$/.exec(script);
  if (!match) throw new Error(`the root "sandbox" script should be "node scripts/setup.mjs && exec node <bin>", got "${script}"`);
  return (match[1] as string).split(' ');
}

/** Waits for the banner, checks the server answers at the printed base URL, and stops it with SIGTERM. */
async function startsAndStops(proc: Running, stop: () => void): Promise<string> {
  const [, url] = await waitFor(proc, /listening on (http:\/\/\S+)/, 60_000);
  await waitFor(proc, /Stop with Ctrl-C/);
  const health = await fetch(`${url}/api/dataframer/health/`);
  expect(health.status).toBe(200);
  stop();
  await proc.exited;
  await expect(fetch(`${url}/api/dataframer/health/`)).rejects.toThrow();
  return url as string;
}

const cleanup: Array<() => void> = [];
afterAll(() => {
  for (const fn of cleanup) fn();
});

describe('documented ways of starting the sandbox', () => {
  it('never tell anyone to run a bare npx (or dlx) of a name the public registry could resolve', () => {
    for (const path of READMES) {
      const bare = readme(path).match(/\b(npx|pnpm dlx|yarn dlx|bunx|npm exec)(\s+-\S+)*\s+(dataframer-sandbox|@df\/sandbox)\b/g);
      expect(bare, path).toBeNull();
    }
  });

  it('are only the workspace bin, the root script, and the installed bin, and each is documented', () => {
    const all = READMES.map(readme).join('\n');
    for (const form of FORMS) expect(all, form).toContain(form);
    // Every other mention of the command is a name, not a way of running it.
    const invocations = all.match(/^\s*(?:\$ )?[a-z]+ [^\n]*dataframer-sandbox[^\n]*$/gm) ?? [];
    for (const line of invocations)
      expect(
        FORMS.some((form) => line.includes(form)),
        line,
      ).toBe(true);
    for (const path of ['README.md', 'apps/cli/README.md']) expect(readme(path), path).toContain('npm run sandbox');
  });

  it('npm run sandbox: the root script starts the built bin, which serves and stops on SIGTERM', async () => {
    const [command, ...args] = rootScriptCommand();
    expect(command).toBe('node');
    expect(join(ROOT, args[0] as string)).toBe(BIN);
    const proc = start(process.execPath, [...args, '--port', '0'], { cwd: ROOT });
    cleanup.push(() => proc.child.kill('SIGKILL'));
    await startsAndStops(proc, () => proc.child.kill('SIGTERM'));
    expect(proc.child.exitCode).toBe(0);
  });

  it('pnpm exec dataframer-sandbox: the bin of a project that installed the packed package', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sandbox-exec-'));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    const packed = spawnSync('npm', ['pack', '--silent', '--pack-destination', dir], {
      cwd: join(ROOT, 'packages/sandbox'),
      encoding: 'utf8',
    });
    expect(packed.status, packed.stderr).toBe(0);
    writeFileSync(join(dir, 'package.json'), '{ "name": "sandbox-exec-check", "private": true }\n');
    const installed = spawnSync(
      'npm',
      ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', `./${packed.stdout.trim()}`],
      { cwd: dir, encoding: 'utf8' },
    );
    expect(installed.status, installed.stderr).toBe(0);
    // Through the repository's pinned pnpm, in its own process group so that SIGTERM reaches pnpm and the sandbox alike.
    const child = spawn(process.execPath, [join(ROOT, 'scripts/pnpm.mjs'), '--dir', dir, 'exec', 'dataframer-sandbox', '--port', '0'], {
      cwd: dir,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const proc: Running = { child, output: () => out, exited: new Promise((resolve) => child.on('exit', resolve)) };
    cleanup.push(() => {
      if (child.exitCode === null && child.pid) process.kill(-child.pid, 'SIGKILL');
    });
    await startsAndStops(proc, () => process.kill(-(child.pid as number), 'SIGTERM'));
    expect(out).not.toMatch(/ERR_PNPM|ELIFECYCLE|failed/i);
  }, 120_000);
});

describe('from a fresh clone: npm run demo, then npm run sandbox, then the printed lines', () => {
  it('the export lines it prints and node apps/cli/dist/dataframer.js runs list work as printed', async () => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: build the workspace first (npm run demo, or node scripts/setup.mjs)`);
    const [, ...args] = rootScriptCommand();
    const proc = start(process.execPath, [...args, '--port', '0'], { cwd: ROOT });
    cleanup.push(() => proc.child.kill('SIGKILL'));
    const [, url] = await waitFor(proc, /listening on (http:\/\/\S+)/);
    await waitFor(proc, /Stop with Ctrl-C/);
    const lines = exportLines(proc.output());
    expect(lines).toHaveLength(2);
    // A shell with nothing of ours set: the printed lines, then the CLI as the README writes it.
    const home = mkdtempSync(join(tmpdir(), 'sandbox-home-'));
    cleanup.push(() => rmSync(home, { recursive: true, force: true }));
    const shell = spawnSync('sh', ['-c', `${lines.join('\n')}\nnode apps/cli/dist/dataframer.js runs list`], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: home },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(shell.stderr).toBe('');
    expect(shell.status).toBe(0);
    const listed = shell.stdout
      .trim()
      .split('\n')
      .map((row) => row.split('\t')[0]);
    const runs = (await (
      await fetch(`${url}/api/dataframer/runs/`, { headers: { authorization: 'Bearer sk_test_sandbox_acme_demo' } })
    ).json()) as Array<{ id: string }>;
    expect(listed).toEqual(runs.map((r) => r.id));
    proc.child.kill('SIGINT');
    expect(await proc.exited).toBe(0);
  }, 60_000);
});
