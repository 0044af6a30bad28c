import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startSandbox, type Sandbox } from '@df/sandbox';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createServer, type Server } from 'node:http';
import { BIN, run, runIn, tempDir, transcript } from './support/cli';
import { API_KEY_LOCATION } from '@df/core/constants';

vi.setConfig({ testTimeout: 30_000 });

let sandbox: Sandbox;
const WRONG_KEY = 'sk_test_not_a_real_key_000';

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: 3, speed: 1000 });
});

afterAll(async () => {
  await sandbox?.stop();
});

function config(dir: string): { profiles: Record<string, { api_key?: string; base_url?: string }> } {
  return JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'));
}

async function ids(env: Record<string, string>, extra: string[] = []): Promise<string[]> {
  const result = await runIn([...extra, 'runs', 'list', '--json', 'id'], { env });
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout).map((r: { id: string }) => r.id);
}

describe('auth', () => {
  it('logs in from stdin, storing the key in a 0600 file inside a 0700 directory', async () => {
    const dir = join(tempDir(), 'dataframer');
    const env = { DATAFRAMER_CONFIG_DIR: dir, DATAFRAMER_BASE_URL: sandbox.url };
    const { code, stdout, stderr } = await runIn(['auth', 'login'], { env, input: `${sandbox.keys.acme}\n` });
    expect(code, stderr).toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toContain('sk_test_…demo');
    expect(config(dir).profiles['default']!.api_key).toBe(sandbox.keys.acme);
    expect(statSync(join(dir, 'config.json')).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    const acmeRuns = sandbox.runs('acme').map((r) => r.id);
    expect(await ids(env)).toEqual(expect.arrayContaining(acmeRuns.slice(0, 3)));
  });

  it('reads the key from a hidden prompt under a real terminal, without echoing it', async () => {
    const dir = tempDir();
    // The key is typed once the prompt is on the terminal (script -f writes the session to $LOG as it goes), as a person would.
    const typeWhenAsked = `until grep -q 'not be shown' "$LOG" 2>/dev/null; do sleep 0.05; done; printf '%s\\r' "$KEY"`;
    const result = await run(`(${typeWhenAsked}) | script -qfec '"${process.execPath}" "${BIN}" auth login' "$LOG"`, {
      env: { DATAFRAMER_CONFIG_DIR: dir, DATAFRAMER_BASE_URL: sandbox.url, KEY: sandbox.keys.acme, LOG: join(dir, 'session.log') },
    });
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain('It will not be shown');
    expect(result.stdout).not.toContain(sandbox.keys.acme);
    expect(result.stdout).toContain('Stored key sk_test_…demo');
    expect(config(dir).profiles['default']!.api_key).toBe(sandbox.keys.acme);
  });

  it('tightens an existing config directory and file to 0700 and 0600', async () => {
    const dir = tempDir();
    chmodSync(dir, 0o755);
    writeFileSync(join(dir, 'config.json'), '{"profiles":{}}', { mode: 0o644 });
    const env = { DATAFRAMER_CONFIG_DIR: dir, DATAFRAMER_BASE_URL: sandbox.url };
    expect((await runIn(['auth', 'login', '--no-verify'], { env, input: sandbox.keys.acme })).code).toBe(0);
    expect(statSync(join(dir, 'config.json')).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
  });

  it('refuses a key the server rejects (exit 4) and stores nothing', async () => {
    const dir = tempDir();
    const { code, stderr } = await runIn(['auth', 'login'], {
      env: { DATAFRAMER_CONFIG_DIR: dir, DATAFRAMER_BASE_URL: sandbox.url },
      input: WRONG_KEY,
    });
    expect(code).toBe(4);
    expect(stderr).toContain('rejected');
    expect(existsSync(join(dir, 'config.json'))).toBe(false);
  });

  it('refuses an empty stdin and a key given as an argument (exit 2), without echoing it', async () => {
    const env = { DATAFRAMER_CONFIG_DIR: tempDir(), DATAFRAMER_BASE_URL: sandbox.url };
    expect((await runIn(['auth', 'login'], { env, input: '' })).code).toBe(2);
    const argv = await runIn(['auth', 'login', sandbox.keys.globex], { env });
    expect(argv.code).toBe(2);
    expect(argv.stderr).toContain("too many arguments for 'login'");
    expect(argv.stderr).not.toContain(sandbox.keys.globex);
  });

  it('auth status names the source of the key and masks it; the environment beats the config file', async () => {
    const dir = tempDir();
    const env = { DATAFRAMER_CONFIG_DIR: dir, DATAFRAMER_BASE_URL: sandbox.url };
    await runIn(['auth', 'login'], { env, input: sandbox.keys.acme });
    const fromFile = await runIn(['auth', 'status'], { env });
    expect(fromFile.code).toBe(0);
    expect(fromFile.stdout).toMatch(/^key\tsk_test_…demo \(from config file .*config\.json, profile "default"\)$/m);
    expect(fromFile.stdout).toMatch(/^server\thttp:\/\/127\.0\.0\.1:\d+ \(from environment variable DATAFRAMER_BASE_URL\)$/m);
    expect(fromFile.stdout).toMatch(/^check\tthe server accepts this key$/m);

    const envKey = { ...env, DATAFRAMER_API_KEY: sandbox.keys.globex };
    const fromEnv = await runIn(['auth', 'status'], { env: envKey });
    expect(fromEnv.stdout).toContain('(from environment variable DATAFRAMER_API_KEY)');
    const globexRuns = sandbox.runs('globex').map((r) => r.id);
    expect(await ids(envKey)).toEqual(expect.arrayContaining(globexRuns.slice(0, 3)));

    const tty = await runIn(['auth', 'status', '--offline'], { env: { ...env, DATAFRAMER_FORCE_TTY: '1', NO_COLOR: '1' } });
    expect(tty.stdout).toMatch(/Key\s+sk_test_…demo/);
  });

  it('keeps named profiles apart (--profile and DATAFRAMER_PROFILE)', async () => {
    const dir = tempDir();
    const env = { DATAFRAMER_CONFIG_DIR: dir, DATAFRAMER_BASE_URL: sandbox.url };
    await runIn(['auth', 'login'], { env, input: sandbox.keys.acme });
    const staged = await runIn(['--profile', 'staging', 'auth', 'login'], { env, input: sandbox.keys.globex });
    expect(staged.code, staged.stderr).toBe(0);
    expect(Object.keys(config(dir).profiles).sort()).toEqual(['default', 'staging']);
    const acme = sandbox.runs('acme').map((r) => r.id);
    const globex = sandbox.runs('globex').map((r) => r.id);
    expect(await ids(env)).toEqual(expect.arrayContaining(acme.slice(0, 2)));
    expect(await ids(env, ['--profile', 'staging'])).toEqual(expect.arrayContaining(globex.slice(0, 2)));
    expect(await ids({ ...env, DATAFRAMER_PROFILE: 'staging' })).toEqual(expect.arrayContaining(globex.slice(0, 2)));
    const missing = await runIn(['--profile', 'nope', 'runs', 'list'], { env });
    expect(missing.code).toBe(4);
    expect(missing.stderr).toContain('profile "nope" has no key');
  });

  it('--base-url beats DATAFRAMER_BASE_URL, which beats the profile; login stores --base-url', async () => {
    const dir = tempDir();
    const dead = 'http://127.0.0.1:9';
    const env = { DATAFRAMER_CONFIG_DIR: dir, DATAFRAMER_BASE_URL: dead, DATAFRAMER_API_KEY: sandbox.keys.acme };
    expect((await runIn(['runs', 'list'], { env })).code).toBe(1);
    expect((await runIn(['--base-url', sandbox.url, 'runs', 'list'], { env })).code).toBe(0);
    const login = await runIn(['--base-url', sandbox.url, 'auth', 'login'], {
      env: { DATAFRAMER_CONFIG_DIR: dir },
      input: sandbox.keys.acme,
    });
    expect(login.code, login.stderr).toBe(0);
    expect(config(dir).profiles['default']!.base_url).toBe(sandbox.url);
    expect((await runIn(['runs', 'list'], { env: { DATAFRAMER_CONFIG_DIR: dir } })).code).toBe(0);
    expect((await runIn(['runs', 'list'], { env: { DATAFRAMER_CONFIG_DIR: dir, DATAFRAMER_BASE_URL: dead } })).code).toBe(1);
  });

  it('runs list works with both documented base URL forms, from --base-url, DATAFRAMER_BASE_URL and a stored profile', async () => {
    const acme = sandbox.runs('acme').map((r) => r.id);
    for (const form of [sandbox.url, `${sandbox.url}/`, `${sandbox.url}/api/dataframer`, `${sandbox.url}/api/dataframer/`]) {
      const dir = tempDir();
      const key = { DATAFRAMER_CONFIG_DIR: dir, DATAFRAMER_API_KEY: sandbox.keys.acme };
      expect(await ids(key, ['--base-url', form]), `--base-url ${form}`).toEqual(expect.arrayContaining(acme.slice(0, 3)));
      expect(await ids({ ...key, DATAFRAMER_BASE_URL: form }), `DATAFRAMER_BASE_URL=${form}`).toEqual(
        expect.arrayContaining(acme.slice(0, 3)),
      );
      const login = await runIn(['--base-url', form, 'auth', 'login'], { env: { DATAFRAMER_CONFIG_DIR: dir }, input: sandbox.keys.acme });
      expect(login.code, login.stderr).toBe(0);
      expect(config(dir).profiles['default']!.base_url).toBe(form);
      expect(await ids({ DATAFRAMER_CONFIG_DIR: dir }), `profile ${form}`).toEqual(expect.arrayContaining(acme.slice(0, 3)));
    }
  });

  it('exits 4 without a key or with a rejected one', async () => {
    const env = { DATAFRAMER_CONFIG_DIR: tempDir(), DATAFRAMER_BASE_URL: sandbox.url };
    const none = await runIn(['runs', 'list'], { env });
    expect(none.code).toBe(4);
    expect(none.stderr).toBe('error: not logged in: run "dataframer auth login" or set DATAFRAMER_API_KEY\n');
    expect((await runIn(['auth', 'status'], { env })).code).toBe(4);
    const rejected = await runIn(['runs', 'list'], { env: { ...env, DATAFRAMER_API_KEY: WRONG_KEY } });
    expect(rejected.code).toBe(4);
    expect(rejected.stderr).toMatch(/^error: 401 Unauthorized.*Invalid token.*dataframer auth status/);
    expect(rejected.stderr).not.toContain(WRONG_KEY);
    const status = await runIn(['auth', 'status'], { env: { ...env, DATAFRAMER_API_KEY: WRONG_KEY } });
    expect(status.code).toBe(4);
    expect(status.stdout).toContain('rejected');
  });

  it('logout removes the stored key and keeps the file private', async () => {
    const dir = tempDir();
    const env = { DATAFRAMER_CONFIG_DIR: dir, DATAFRAMER_BASE_URL: sandbox.url };
    await runIn(['auth', 'login'], { env, input: sandbox.keys.acme });
    const out = await runIn(['auth', 'logout'], { env });
    expect(out.code).toBe(0);
    expect(config(dir).profiles['default']).toBeUndefined();
    expect(statSync(join(dir, 'config.json')).mode & 0o777).toBe(0o600);
    expect((await runIn(['runs', 'list'], { env })).code).toBe(4);
    expect((await runIn(['auth', 'logout'], { env })).stderr).toContain('No key is stored');
  });

  it('--debug logs requests with the key redacted', async () => {
    const env = { DATAFRAMER_CONFIG_DIR: tempDir(), DATAFRAMER_BASE_URL: sandbox.url, DATAFRAMER_API_KEY: sandbox.keys.acme };
    const { code, stderr } = await runIn(['--debug', 'runs', 'list'], { env });
    expect(code).toBe(0);
    expect(stderr).toMatch(/\[debug\] → GET http:\/\/127\.0\.0\.1:\d+\/api\/dataframer\/runs\//);
    expect(stderr).toMatch(/\[debug\] ← GET \/api\/dataframer\/runs\/.*\bok\b/);
  });

  it('a malformed config file is reported, not a crash', async () => {
    const dir = tempDir();
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'config.json'), '{ not json', { mode: 0o600 });
    const { code, stderr } = await runIn(['runs', 'list'], { env: { DATAFRAMER_CONFIG_DIR: dir, DATAFRAMER_BASE_URL: sandbox.url } });
    expect(code).toBe(1);
    expect(stderr).toMatch(/^error: The config file .* is not valid JSON/);
  });

  it('a rejected key (401) is named masked, with where it came from and where to get one', async () => {
    const dir = tempDir();
    const env = { DATAFRAMER_CONFIG_DIR: dir, DATAFRAMER_BASE_URL: sandbox.url };
    const fromEnv = await runIn(['runs', 'list'], { env: { ...env, DATAFRAMER_API_KEY: WRONG_KEY } });
    expect(fromEnv.code).toBe(4);
    expect(fromEnv.stderr).toContain('the server rejected the API key sk_test_…_000 (from environment variable DATAFRAMER_API_KEY)');
    expect(fromEnv.stderr).toContain(`Keys are under ${API_KEY_LOCATION}; store one with: dataframer auth login`);
    expect((await runIn(['--profile', 'ci', 'auth', 'login', '--no-verify'], { env, input: WRONG_KEY })).code).toBe(0);
    const fromProfile = await runIn(['--profile', 'ci', 'runs', 'list'], { env });
    expect(fromProfile.code).toBe(4);
    expect(fromProfile.stderr).toContain(
      `the server rejected the API key sk_test_…_000 (from config file ${join(dir, 'config.json')}, profile "ci")`,
    );
    const login = await runIn(['auth', 'login'], { env, input: WRONG_KEY });
    expect(login.stderr).toContain(`rejected the key sk_test_…_000 (401); nothing was saved. Keys are under ${API_KEY_LOCATION}`);
    for (const text of [fromEnv.stderr, fromProfile.stderr, login.stderr]) expect(text).not.toContain(WRONG_KEY);
  });

  it('a key without permission (403) is told apart from a rejected one', async () => {
    const server: Server = createServer((req, res) => {
      res.writeHead(403, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ detail: 'You do not have permission to perform this action.' }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address() as { port: number };
    try {
      const env = {
        DATAFRAMER_CONFIG_DIR: tempDir(),
        DATAFRAMER_BASE_URL: `http://127.0.0.1:${address.port}`,
        DATAFRAMER_API_KEY: sandbox.keys.acme,
      };
      const result = await runIn(['runs', 'list'], { env });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^error: 403 Forbidden.*You do not have permission/);
      expect(result.stderr).toContain(
        'the API key sk_test_…demo (from environment variable DATAFRAMER_API_KEY) is valid but lacks permission for this',
      );
      const status = await runIn(['auth', 'status'], { env });
      expect(status.code).toBe(1);
      expect(status.stdout).toContain('it lacks permission');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('never printed an API key in any output of this file', () => {
    expect(transcript.length).toBeGreaterThan(30);
    for (const text of transcript) {
      for (const key of [sandbox.keys.acme, sandbox.keys.globex, WRONG_KEY]) expect(text).not.toContain(key);
    }
  });
});
