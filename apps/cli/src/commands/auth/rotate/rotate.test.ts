import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { API_KEY_LOCATION } from '@df/core/constants';
import { describe, expect, it, vi } from 'vitest';
import { runIn, tempDir } from '../../../../test/support/cli';
import { type CliSandbox, useSandbox } from '../../../../test/support/sandbox';

vi.setConfig({ testTimeout: 30_000 });

/** Obviously fake keys, one per test, each of a company of its own so a rotation touches no other test's key. */
const KEYS = {
  profile: 'sk_test_rotate_profile_0001',
  env: 'sk_test_rotate_env_0002',
  ask: 'sk_test_rotate_ask_0003',
  storeFails: 'sk_test_rotate_store_fails_0004',
  unwritable: 'sk_test_rotate_unwritable_0005',
  limited: 'sk_test_rotate_limited_0006',
  dropped: 'sk_test_rotate_dropped_0007',
};
const tenants = Object.entries(KEYS).map(([id, key]) => ({ id, keys: [key] }));

// The server allows 5 rotations an hour per client address, so the rate limit and the dropped answer have sandboxes
// of their own; speed 1 keeps that hour an hour.
const main = useSandbox({ seed: 7, speed: 1, tenants });
const limited = useSandbox({ seed: 7, speed: 1, tenants });
const dropping = useSandbox({ seed: 7, speed: 1, tenants });

/** A config folder whose default profile holds `key`, and the environment that uses it (no DATAFRAMER_API_KEY). */
function profileWith(on: CliSandbox, key: string): { dir: string; env: Record<string, string> } {
  const dir = tempDir();
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ profiles: { default: { api_key: key } } }), { mode: 0o600 });
  return { dir, env: { DATAFRAMER_BASE_URL: on.sandbox.url, DATAFRAMER_CONFIG_DIR: dir } };
}

const storedKey = (dir: string): string => JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')).profiles.default.api_key;

/** The exit code of a request made with `key`: 0 when the server accepts it, 4 when it rejects it. */
async function keyWorks(on: CliSandbox, key: string): Promise<number | null> {
  return (
    await runIn(['runs', 'list', '--json', 'id'], {
      env: { DATAFRAMER_BASE_URL: on.sandbox.url, DATAFRAMER_API_KEY: key, DATAFRAMER_CONFIG_DIR: tempDir() },
    })
  ).code;
}

describe('auth rotate', () => {
  it('stores the new key in the profile, atomically with mode 0600, before confirming with its masked form alone', async () => {
    const { dir, env } = profileWith(main, KEYS.profile);
    const { code, stdout, stderr } = await runIn(['auth', 'rotate', '--yes'], { env });
    expect(code, stderr).toBe(0);
    const key = storedKey(dir);
    expect(key).not.toBe(KEYS.profile);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(
      /^✓ Rotated the API key: the new key is \S*…\S{4}; profile "default" in .+ now holds it; it expires \S+\. The old key sk_test_…0001 no longer works\.\n$/,
    );
    expect(stderr).not.toContain(key);
    expect(statSync(join(dir, 'config.json')).mode & 0o777).toBe(0o600);
    expect(await keyWorks(main, key)).toBe(0);
    expect(await keyWorks(main, KEYS.profile)).toBe(4);
  });

  it('prints a key from DATAFRAMER_API_KEY once on stdout, since there is nowhere to store it, and says to update the variable', async () => {
    const env = { DATAFRAMER_BASE_URL: main.sandbox.url, DATAFRAMER_API_KEY: KEYS.env, DATAFRAMER_CONFIG_DIR: tempDir() };
    const { code, stdout, stderr } = await runIn(['auth', 'rotate', '--yes'], { env });
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(/^\S+\n$/);
    const key = stdout.trim();
    expect(stderr).not.toContain(key);
    expect(stderr).toContain(
      'DATAFRAMER_API_KEY still holds the old key: set it, wherever it is set, to the new key printed on stdout (this once).',
    );
    expect(await keyWorks(main, key)).toBe(0);
    expect(await keyWorks(main, KEYS.env)).toBe(4);
  });

  it('asks first on a terminal; refuses without one unless --yes (exit 2); a no leaves the key as it is', async () => {
    const { dir, env } = profileWith(main, KEYS.ask);
    const refused = await runIn(['auth', 'rotate'], { env });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe('error: refusing to rotate the API key without confirmation because stdin is not a terminal; pass --yes\n');
    const declined = await runIn(['auth', 'rotate'], { env, input: 'n\n', tty: { stdin: true } });
    expect(declined.code).toBe(1);
    expect(declined.stderr).toContain('Rotate the API key sk_test_…0003 (from config file');
    expect(declined.stderr).toContain('error: the API key was not rotated\n');
    expect(storedKey(dir)).toBe(KEYS.ask);
    expect(await keyWorks(main, KEYS.ask)).toBe(0);
    const confirmed = await runIn(['auth', 'rotate'], { env, input: 'y\n', tty: { stdin: true } });
    expect(confirmed.code, confirmed.stderr).toBe(0);
    expect(storedKey(dir)).not.toBe(KEYS.ask);
  });

  it('when storing fails after the rotation, prints the new key once on stdout and says how to store it (exit 1)', async () => {
    const { dir, env } = profileWith(main, KEYS.storeFails);
    // The file the config is written through first is taken by a folder, so the write fails after the writability check.
    mkdirSync(join(dir, `config.json.${process.pid}.tmp`));
    const { code, stdout, stderr } = await runIn(['auth', 'rotate', '--yes'], { env });
    expect(code).toBe(1);
    expect(stdout).toMatch(/^\S+\n$/);
    const key = stdout.trim();
    expect(stderr).not.toContain(key);
    expect(stderr).toMatch(
      /^error: the key was rotated, but storing it in .+config\.json failed \(.+\)\. The old key sk_test_…0004 no longer works\. The new key \S+ is on stdout, printed this once: keep it, and store it with: dataframer auth login\n$/,
    );
    expect(storedKey(dir)).toBe(KEYS.storeFails);
    expect(await keyWorks(main, key)).toBe(0);
  });

  it('does not rotate when the config file cannot be written, so the key that works is never lost', async () => {
    const { dir, env } = profileWith(main, KEYS.unwritable);
    mkdirSync(join(dir, `config.json.${process.pid}.probe`));
    const rotations = () => main.sandbox.requests().filter((r) => r.path === '/api/users/api-key/rotate').length;
    const before = rotations();
    const { code, stdout, stderr } = await runIn(['auth', 'rotate', '--yes'], { env });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^error: the key was not rotated: the new key could not be stored, since .+config\.json cannot be written/);
    expect(rotations()).toBe(before);
    expect(await keyWorks(main, KEYS.unwritable)).toBe(0);
  });

  it('names the rate limit (5 an hour) and when to try again; the key is unchanged', async () => {
    let key = KEYS.limited;
    const env = () => ({ DATAFRAMER_BASE_URL: limited.sandbox.url, DATAFRAMER_API_KEY: key, DATAFRAMER_CONFIG_DIR: tempDir() });
    for (let i = 0; i < 5; i++) {
      const rotated = await runIn(['auth', 'rotate', '--yes'], { env: env() });
      expect(rotated.code, rotated.stderr).toBe(0);
      key = rotated.stdout.trim();
    }
    const { code, stdout, stderr } = await runIn(['auth', 'rotate', '--yes'], { env: env() });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(
      /^error: the server refused to rotate the key: rotations are limited to 5 an hour \(429\)\. Try again in (\d+m\d\ds|\d+h\d\dm); the key \S+ is unchanged and still works\.\n$/,
    );
    expect(await keyWorks(limited, key)).toBe(0);
  });

  it('when the answer is lost, says the key may have changed, the old one may be revoked, and where to get the key', async () => {
    const { dir, env } = profileWith(dropping, KEYS.dropped);
    const fault = dropping.sandbox.faults.add({ method: 'POST', path: '/api/users/api-key/rotate', kind: 'drop-after-act', nth: [1] });
    try {
      const { code, stdout, stderr } = await runIn(['auth', 'rotate', '--yes'], { env });
      expect(code).toBe(1);
      expect(stdout).toBe('');
      const lines = stderr.trimEnd().split('\n');
      expect(lines[0]).toMatch(
        /^error: the rotation was sent, but its answer was lost \(.+\), so the key may have changed: the old key sk_test_…0007 may already be revoked, and the new one was never received\.$/,
      );
      expect(lines[1]).toBe('Check whether the old key still works: dataframer auth status');
      expect(lines[2]).toBe(`If it is rejected, get the current key from ${API_KEY_LOCATION} and store it with: dataframer auth login`);
      expect(storedKey(dir)).toBe(KEYS.dropped);
      // The server did rotate: the old key is gone, as the message warned.
      expect(await keyWorks(dropping, KEYS.dropped)).toBe(4);
    } finally {
      dropping.sandbox.faults.remove(fault);
    }
  });
});
