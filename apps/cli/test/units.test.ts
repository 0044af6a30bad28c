import type { Run } from '@df/node';
import { describe, expect, it } from 'vitest';
import { filterRuns, parseSince, retryCommand } from '../src/commands/runs';
import { configDir, resolveAuth } from '../src/config';
import { parseDuration } from '../src/duration';
import { money, relativeTime, shortDuration } from '../src/format';
import { redactSecrets } from '../src/io';
import { HelpRequest, parse, UsageError } from '../src/parser';
import { program } from '../src/program';
import { tempDir } from './support/cli';

const NOW = Date.parse('2026-11-28T12:00:00Z');

function runAt(id: string, status: string, hoursAgo: number, cost: number | null, spec = 'Tickets'): Run {
  return { id, status, spec_name: spec, spec_id: `spec-${spec}`, total_cost: cost, samples_completed: 10, created_at: new Date(NOW - hoursAgo * 3_600_000).toISOString() };
}

const RUNS = [runAt('a', 'SUCCEEDED', 1, 2), runAt('b', 'FAILED', 30, 0.5, 'Reviews'), runAt('c', 'PROCESSING', 3, null), runAt('d', 'CANCELED', 200, 9)];

describe('parser', () => {
  it('parses options of the command and global ones, with defaults and conversions', () => {
    const inv = parse(program, ['runs', 'list', '--status', 'FAILED', '--profile', 'ci', '-L', '5'], '1.0.0');
    expect(inv.path).toEqual(['runs', 'list']);
    expect(inv.options).toMatchObject({ status: 'FAILED', profile: 'ci', limit: 5, sort: '-created', color: true });
    expect(parse(program, ['--no-color', 'runs', 'get', 'abc'], '1').options['color']).toBe(false);
    expect(parse(program, ['runs', 'create', '--spec', 's', '-n', '7', '--timeout', '2m'], '1').options).toMatchObject({ samples: 7, timeout: 120_000 });
  });

  it('takes an optional --json value only when it looks like field names', () => {
    expect(parse(program, ['runs', 'get', '--json', 'id,status', 'r1'], '1')).toMatchObject({ args: ['r1'], options: { json: 'id,status' } });
    expect(parse(program, ['runs', 'get', '--json', '3f2a-77'], '1')).toMatchObject({ args: ['3f2a-77'], options: { json: true } });
    expect(parse(program, ['runs', 'list', '--json'], '1').options['json']).toBe(true);
  });

  it('reads - as an argument and stops options at --', () => {
    expect(parse(program, ['runs', 'watch', '-'], '1').args).toEqual(['-']);
    expect(parse(program, ['runs', 'get', '--', '--odd-id'], '1').args).toEqual(['--odd-id']);
  });

  it('turns --help and --version into requests, and bad input into usage errors', () => {
    expect(() => parse(program, ['runs', '--help'], '1')).toThrow(HelpRequest);
    expect(() => parse(program, ['-V'], '9.9.9')).toThrow(expect.objectContaining({ text: '9.9.9\n' }));
    expect(() => parse(program, ['runs', 'create', '--spec', 's'], '1')).toThrow(/required option '-n, --samples <n>' is missing/);
    expect(() => parse(program, ['runs', 'list', '-L', '1.5'], '1')).toThrow(UsageError);
    expect(() => parse(program, ['runs', 'list', '-Q'], '1')).toThrow(/unknown option '-Q'/);
  });
});

describe('filters', () => {
  it('filters by status, spec and since, sorts and limits', () => {
    const base = { limit: 20, sort: '-created' };
    expect(filterRuns(RUNS, { ...base, status: 'succeeded, failed' }, NOW).map((r) => r.id)).toEqual(['a', 'b']);
    expect(filterRuns(RUNS, { ...base, spec: 'reviews' }, NOW).map((r) => r.id)).toEqual(['b']);
    expect(filterRuns(RUNS, { ...base, spec: 'spec-Tickets' }, NOW).map((r) => r.id)).toEqual(['a', 'c', 'd']);
    expect(filterRuns(RUNS, { ...base, since: '1d' }, NOW).map((r) => r.id)).toEqual(['a', 'c']);
    expect(filterRuns(RUNS, { ...base, since: '2026-11-27' }, NOW).map((r) => r.id)).toEqual(['a', 'c', 'b']);
    expect(filterRuns(RUNS, { ...base, sort: '-cost' }, NOW).map((r) => r.id)).toEqual(['d', 'a', 'b', 'c']);
    expect(filterRuns(RUNS, { ...base, sort: 'status', limit: 2 }, NOW).map((r) => r.id)).toEqual(['d', 'b']);
    expect(() => filterRuns(RUNS, { ...base, status: 'DONE' }, NOW)).toThrow(/invalid --status/);
    expect(() => filterRuns(RUNS, { ...base, sort: 'name' }, NOW)).toThrow(/invalid --sort/);
  });

  it('parses durations and --since values', () => {
    expect(parseDuration('90s')).toBe(90_000);
    expect(parseDuration('2h')).toBe(7_200_000);
    expect(parseDuration('1.5m')).toBe(90_000);
    expect(parseDuration('30')).toBe(30_000);
    expect(parseDuration('soon')).toBeUndefined();
    expect(parseSince('3d', NOW)).toBe(NOW - 3 * 86_400_000);
    expect(() => parseSince('3', NOW)).toThrow(/invalid --since/);
    expect(() => parseSince('last week', NOW)).toThrow(/invalid --since/);
  });
});

describe('formatting', () => {
  it('formats money, relative times and durations', () => {
    expect(money(1.5)).toBe('$1.50');
    expect(money(null)).toBe('-');
    expect(relativeTime(new Date(NOW - 10_000).toISOString(), NOW)).toBe('just now');
    expect(relativeTime(new Date(NOW - 5 * 60_000).toISOString(), NOW)).toBe('5m ago');
    expect(relativeTime(new Date(NOW - 3 * 3_600_000).toISOString(), NOW)).toBe('3h ago');
    expect(relativeTime(new Date(NOW - 2 * 86_400_000).toISOString(), NOW)).toBe('2d ago');
    expect(relativeTime('2025-01-02T00:00:00Z', NOW)).toBe('2025-01-02');
    expect(shortDuration(65_000)).toBe('1m05s');
    expect(shortDuration(3_720_000)).toBe('1h02m');
  });

  it('builds a retry command that repeats every create flag with the key, shell-quoted', () => {
    expect(retryCommand({ spec: 'abc', samples: 5, model: "it's", skipOutline: true }, 'k-1')).toBe(
      "dataframer runs create --spec abc --samples 5 --model 'it'\\''s' --skip-outline --idempotency-key k-1",
    );
  });

  it('redacts key-shaped strings and bearer tokens', () => {
    expect(redactSecrets('key sk_test_abcdef_123456 and Bearer xyz.123')).toBe('key [REDACTED] and Bearer [REDACTED]');
  });
});

describe('config', () => {
  it('picks the platform config directory unless DATAFRAMER_CONFIG_DIR is set', () => {
    expect(configDir({ DATAFRAMER_CONFIG_DIR: '/x' }, 'linux')).toBe('/x');
    expect(configDir({ XDG_CONFIG_HOME: '/xdg' }, 'linux')).toBe('/xdg/dataframer');
    expect(configDir({}, 'linux')).toMatch(/\.config\/dataframer$/);
    expect(configDir({}, 'darwin')).toMatch(/Library\/Application Support\/dataframer$/);
    expect(configDir({ APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'win32')).toMatch(/Roaming.dataframer$/);
  });

  it('applies flag > env > config file precedence', () => {
    const dir = tempDir();
    const none = resolveAuth({}, { DATAFRAMER_CONFIG_DIR: dir });
    expect(none).toMatchObject({ apiKey: undefined, baseUrl: 'https://df-api.dataframer.ai', baseUrlSource: 'default', profile: 'default' });
    const env = resolveAuth({ baseUrl: 'http://flag' }, { DATAFRAMER_CONFIG_DIR: dir, DATAFRAMER_BASE_URL: 'http://env', DATAFRAMER_API_KEY: 'sk_test_env_key_1', DATAFRAMER_PROFILE: 'p' });
    expect(env).toMatchObject({ apiKey: 'sk_test_env_key_1', keySource: 'environment variable DATAFRAMER_API_KEY', baseUrl: 'http://flag', baseUrlSource: 'flag --base-url', profile: 'p' });
  });
});
