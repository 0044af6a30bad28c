// Every documented way of starting the sandbox runs our own bin, and works as printed.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { exportLines, start, waitFor, type Running } from './support/processes';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const READMES = ['README.md', 'packages/sandbox/README.md', 'apps/cli/README.md', 'packages/node/README.md'];
const CLI = join(ROOT, 'apps/cli/dist/dataframer.cjs');
const BIN = join(ROOT, 'packages/sandbox/dist/cli.js');

/** The commands that start the sandbox, as the READMEs write them. */
const FORMS = ['npm run sandbox', 'pnpm exec dataframer-sandbox', 'node packages/sandbox/dist/cli.js'] as const;

const readme = (path: string): string => readFileSync(join(ROOT, path), 'utf8');

/** The root `sandbox` script without its setup step: what it runs once the workspace is built. */
function rootScriptCommand(): string[] {
  const script = (JSON.parse(readme('package.json')) as { scripts: Record<string, string> }).scripts.sandbox ?? '';
  // `exec` lets Ctrl-C end npm run with the command's own exit code (0) instead of the shell's 130.
  const match = /^node scripts\/setup\.mjs --if-changed && exec (node \S+)$/.exec(script);
  if (!match)
    throw new Error(`the root "sandbox" script should be "node scripts/setup.mjs --if-changed && exec node <bin>", got "${script}"`);
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

/** The one folder this file makes in the OS temp folder, on first use; the commands it starts keep their temp files there too (TMPDIR). */
let scratch: string | undefined;

/** A folder inside `scratch`. */
function scratchDir(name: string): string {
  scratch ??= mkdtempSync(join(tmpdir(), 'sandbox-start-ways-'));
  const dir = join(scratch, name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

// Processes are stopped, newest first, before their folders go.
const cleanup: Array<() => void> = [];
afterAll(() => {
  try {
    for (const fn of cleanup.reverse()) fn();
  } finally {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
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
    // As npm run starts it from the clone's root (a package script running this file would say otherwise).
    const proc = start(process.execPath, [...args, '--port', '0'], { cwd: ROOT, env: { ...process.env, INIT_CWD: ROOT } });
    cleanup.push(() => proc.child.kill('SIGKILL'));
    await startsAndStops(proc, () => proc.child.kill('SIGTERM'));
    expect(proc.child.exitCode).toBe(0);
    expect(cliLine(proc.output())).toBe('npm run dataframer -- runs list');
  });

  it('the built bin started in another folder prints a CLI command that works from there', async () => {
    const elsewhere = scratchDir('elsewhere');
    const env = { PATH: process.env.PATH ?? '', HOME: scratchDir('home-elsewhere'), TMPDIR: scratchDir('tmp') };
    const proc = start(process.execPath, [BIN, '--port', '0'], { cwd: elsewhere, env });
    cleanup.push(() => proc.child.kill('SIGKILL'));
    await waitFor(proc, /Stop with Ctrl-C/);
    const command = cliLine(proc.output());
    expect(command).toBe(`cd ${realpathSync(ROOT)} && npm run dataframer -- runs list`);
    const shell = spawnSync('sh', ['-c', `${exportLines(proc.output()).join('\n')}\n${command}`], {
      cwd: elsewhere,
      env,
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(withoutNpmNotices(shell.stderr)).toBe('');
    expect(shell.status).toBe(0);
    expect(shell.stdout.split('\n').filter((row) => row.includes('\t')).length).toBeGreaterThan(0);
    proc.child.kill('SIGTERM');
    await proc.exited;
  });

  it('pnpm exec dataframer-sandbox: the bin of a project that installed the packed package', async () => {
    const dir = scratchDir('exec');
    const env = { ...process.env, TMPDIR: scratchDir('tmp') };
    const packed = spawnSync('npm', ['pack', '--silent', '--pack-destination', dir], {
      cwd: join(ROOT, 'packages/sandbox'),
      env,
      encoding: 'utf8',
    });
    expect(packed.status, packed.stderr).toBe(0);
    writeFileSync(join(dir, 'package.json'), '{ "name": "sandbox-exec-check", "private": true }\n');
    const installed = spawnSync(
      'npm',
      ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', `./${packed.stdout.trim()}`],
      { cwd: dir, env, encoding: 'utf8' },
    );
    expect(installed.status, installed.stderr).toBe(0);
    // Through the repository's pinned pnpm, in its own process group so that SIGTERM reaches pnpm and the sandbox alike.
    const child = spawn(process.execPath, [join(ROOT, 'scripts/pnpm.mjs'), '--dir', dir, 'exec', 'dataframer-sandbox', '--port', '0'], {
      cwd: dir,
      env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const proc: Running = { child, output: () => out, exited: new Promise((resolve) => child.on('exit', resolve)) };
    // pnpm ended by a signal keeps exitCode null: the group may be gone, which signalGroup allows.
    cleanup.push(() => signalGroup(proc, 'SIGKILL'));
    await startsAndStops(proc, () => process.kill(-(child.pid as number), 'SIGTERM'));
    expect(out).not.toMatch(/ERR_PNPM|ELIFECYCLE|failed/i);
    // Installed from the registry there is no clone to run the CLI from: the banner names the installed command.
    expect(cliLine(out)).toBe('dataframer runs list');
  }, 120_000);
});

/** What a command printed on stderr, without npm's own notices (a fresh HOME gets its update notice). */
const withoutNpmNotices = (stderr: string): string => stderr.replace(/^npm notice.*\n/gm, '');

/** The command the banner prints, after the export lines, for listing the runs with the CLI. */
function cliLine(output: string): string | undefined {
  const lines = output.split('\n');
  return lines[lines.findIndex((line) => /^Then\b.*dataframer CLI/.test(line)) + 1];
}

/** A command in its own process group, so that every process it starts can be signalled together. */
function startGroup(command: string, args: string[], env: Record<string, string>): Running {
  const proc = start(command, args, { cwd: ROOT, env, detached: true });
  cleanup.push(() => signalGroup(proc, 'SIGKILL'));
  return proc;
}

/** Signals a process group; one that is gone already is fine. */
function signalGroup(proc: Running, signal: NodeJS.Signals): void {
  try {
    process.kill(-(proc.child.pid as number), signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

/** Whether a process group still has a member. */
function groupAlive(proc: Running): boolean {
  try {
    process.kill(-(proc.child.pid as number), 0);
    return true;
  } catch {
    return false;
  }
}

describe('from a fresh clone: npm run demo (with --no-setup: the suite runs on a built workspace), then npm run sandbox, then the printed lines', () => {
  it('the demo ends with its ZIP, npm run sandbox prints the export lines and the CLI command, and together they list its runs', async () => {
    // The command the README gives for the CLI from a clone; the root script runs the file the package's bin loads.
    const cliCommand = 'npm run dataframer -- runs list';
    expect(readme('apps/cli/README.md')).toContain('node apps/cli/dist/dataframer.cjs --help');
    expect(readme('README.md')).toContain(cliCommand);
    const rootScripts = (JSON.parse(readme('package.json')) as { scripts: Record<string, string> }).scripts;
    expect(rootScripts['dataframer']).toMatch(/ && exec node apps\/cli\/dist\/dataframer\.cjs$/);
    const cliManifest = JSON.parse(readme('apps/cli/package.json')) as { bin: Record<string, string> };
    expect(readme(join('apps/cli', cliManifest.bin['dataframer'] as string))).toContain("require('../dist/dataframer.cjs')");
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: build the workspace first (npm run demo, or node scripts/setup.mjs)`);
    // A shell with nothing of ours set; HOME stays, as the pinned pnpm's store lives there, and temp files go to scratch.
    const shellEnv = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tmpdir(), TMPDIR: scratchDir('tmp') };

    const out = scratchDir('demo-out');
    const demo = startGroup('npm', ['run', 'demo', '--', '--no-setup', '--out', out], shellEnv);
    const demoCode = await demo.exited;
    expect(demoCode, demo.output()).toBe(0);
    const [, zip] = demo.output().match(/saved (\S+run-[0-9a-f-]{36}\.zip)/) ?? [];
    expect(zip, demo.output()).toBeDefined();
    expect(existsSync(join(out, basename(zip as string)))).toBe(true);
    expect(groupAlive(demo), 'the demo left a process running').toBe(false);

    // npm run sandbox sets the workspace up first (install and build: cache hits on a built workspace).
    const sandbox = startGroup('npm', ['run', 'sandbox', '--', '--port', '0'], shellEnv);
    const [, url] = await waitFor(sandbox, /listening on (http:\/\/\S+)/, 150_000);
    await waitFor(sandbox, /Stop with Ctrl-C/);
    const lines = exportLines(sandbox.output());
    expect(lines).toEqual([`export DATAFRAMER_BASE_URL=${url}`, expect.stringMatching(/^export DATAFRAMER_API_KEY=sk_test_\S+$/)]);
    expect(cliLine(sandbox.output())).toBe(cliCommand);

    // The printed lines, then the printed CLI command, in a shell with a HOME of its own.
    const home = scratchDir('home');
    const shell = spawnSync('sh', ['-c', `${lines.join('\n')}\n${cliLine(sandbox.output())}`], {
      cwd: ROOT,
      env: { ...shellEnv, HOME: home },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(withoutNpmNotices(shell.stderr)).toBe('');
    expect(shell.status).toBe(0);
    // npm run's own header ("> dataframer", "> node …") comes first; the CLI's rows are tab-separated.
    const listed = shell.stdout
      .split('\n')
      .filter((row) => row.includes('\t'))
      .map((row) => row.split('\t')[0]);
    expect(listed.length).toBeGreaterThan(0);
    const key = (lines[1] as string).slice('export DATAFRAMER_API_KEY='.length);
    const runs = (await (await fetch(`${url}/api/dataframer/runs/`, { headers: { authorization: `Bearer ${key}` } })).json()) as Array<{
      id: string;
    }>;
    expect(listed).toEqual(runs.map((r) => r.id));

    // Ctrl-C reaches npm and the sandbox alike; nothing of the group is left and the port is closed.
    signalGroup(sandbox, 'SIGINT');
    await sandbox.exited;
    await expect.poll(() => groupAlive(sandbox), { timeout: 5_000 }).toBe(false);
    await expect(fetch(`${url}/api/dataframer/health/`)).rejects.toThrow();
  }, 240_000);
});
