// The dataframer command as users get it: its tarball installed globally into a throwaway prefix, with no
// workspace and no node_modules of ours around it, talking to a sandbox.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox, type Sandbox } from '@df/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NPM_INSTALL_FLAGS } from '../src/consumer';
import { baseEnv, exec, execOk } from '../src/exec';
import { tarballsOf } from '../src/tarballs';

let sandbox: Sandbox;
let prefix: string;
let bin: string;
let configDir: string;
let cwd: string;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: 31, speed: 1000 });
  prefix = mkdtempSync(join(tmpdir(), 'df-smoke-cli-prefix-'));
  configDir = mkdtempSync(join(tmpdir(), 'df-smoke-cli-config-'));
  cwd = mkdtempSync(join(tmpdir(), 'df-smoke-cli-cwd-'));
  const [tarball] = tarballsOf('@df/cli');
  await execOk('npm', ['install', '--global', '--prefix', prefix, ...NPM_INSTALL_FLAGS, tarball!], {
    cwd,
    env: baseEnv(),
    timeoutMs: 300_000,
  });
  bin = join(prefix, 'bin', 'dataframer');
});
afterAll(async () => {
  await sandbox?.stop();
  for (const dir of [prefix, configDir, cwd]) if (dir) rmSync(dir, { recursive: true, force: true });
});

function cliEnv(): Record<string, string | undefined> {
  return baseEnv({
    DATAFRAMER_BASE_URL: sandbox.url,
    DATAFRAMER_API_KEY: sandbox.keys.acme,
    DATAFRAMER_CONFIG_DIR: configDir,
    NO_COLOR: '1',
  });
}

describe('npm install --global <@df/cli tarball>', () => {
  it('installs the bin and nothing else: every dependency is bundled', () => {
    const installed = join(prefix, 'lib', 'node_modules', '@df', 'cli');
    const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as { dependencies?: object; private?: boolean };
    expect(manifest.private).toBeUndefined();
    expect(manifest.dependencies ?? {}).toEqual({});
    expect(readdirSync(installed).sort()).toEqual(['LICENSE', 'README.md', 'bin', 'dist', 'package.json']);
    expect(readdirSync(join(prefix, 'bin'))).toEqual(['dataframer']);
  });

  it('dataframer --version prints the package version', async () => {
    const installed = join(prefix, 'lib', 'node_modules', '@df', 'cli', 'package.json');
    const { version } = JSON.parse(readFileSync(installed, 'utf8')) as { version: string };
    const result = await execOk(bin, ['--version'], { cwd, env: cliEnv() });
    expect(result.stdout.trim()).toContain(version);
  });

  it('dataframer runs list prints the company runs from the sandbox', async () => {
    const result = await execOk(bin, ['runs', 'list'], { cwd, env: cliEnv() });
    const ids = sandbox
      .runs('acme')
      .filter((r) => !r.deleted)
      .map((r) => r.id);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(ids.length);
    for (const id of ids) expect(result.stdout).toContain(id);
    expect(result.stdout + result.stderr).not.toContain(sandbox.keys.acme);
  });

  it('dataframer runs create --wait starts a run and waits for it', async () => {
    const spec = sandbox.runs('acme').find((r) => r.run.status === 'SUCCEEDED')!.run.spec_id;
    const result = await exec(bin, ['runs', 'create', '--spec', String(spec), '--samples', '25', '--wait', '--timeout', '60s'], {
      cwd,
      env: cliEnv(),
      timeoutMs: 90_000,
    });
    const created = sandbox.runs('acme').filter((r) => !r.seeded);
    expect(created).toHaveLength(1);
    expect(result.stdout).toContain(created[0]!.id);
    expect(['SUCCEEDED', 'FAILED']).toContain(created[0]!.run.status);
    if (created[0]!.run.status === 'SUCCEEDED') expect(result.code).toBe(0);
    else expect(result.code).not.toBe(0);
  });

  it('a bad key fails with an authentication message and no key in it', async () => {
    const result = await exec(bin, ['runs', 'list'], { cwd, env: { ...cliEnv(), DATAFRAMER_API_KEY: 'sk_test_not_a_key' } });
    expect(result.code).not.toBe(0);
    expect(result.stderr).not.toContain('sk_test_not_a_key');
  });
});
