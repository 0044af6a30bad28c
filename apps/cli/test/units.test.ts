import type { Run } from '@df/node';
import { describe, expect, it } from 'vitest';
import { configDir, resolveAuth } from '../src/config';
import { parseDuration } from '../src/duration';
import { fitColumns, money, printTable, relativeTime, shortDuration, truncate, widthFor } from '../src/format';
import { narrowWidth } from '../src/wrapText';
import { RequestValidationError } from '@df/node';
import { createIo } from '../src/io';
import { describeRequestValidation } from '../src/reportError';
import { filterRuns, parseSince, parseStatuses } from '../src/runs/runFilter';
import { runsCreate } from '../src/commands/runs/create/command';
import { retryCommand } from '../src/runs/unknownOutcome';
import { layout } from '../src/statusLine';
import { bufferContext, tempDir } from './support/cli';
import { commandOf, parseCommandLine } from './support/parse';

const NOW = Date.parse('2026-11-28T12:00:00Z');

function runAt(id: string, status: string, hoursAgo: number, cost: number | null, spec = 'Tickets'): Run {
  return {
    id,
    status,
    spec_name: spec,
    spec_id: `spec-${spec}`,
    total_cost: cost,
    samples_completed: 10,
    created_at: new Date(NOW - hoursAgo * 3_600_000).toISOString(),
  };
}

const RUNS = [
  runAt('a', 'SUCCEEDED', 1, 2),
  runAt('b', 'FAILED', 30, 0.5, 'Reviews'),
  runAt('c', 'PROCESSING', 3, null),
  runAt('d', 'CANCELED', 200, 9),
];

describe('command model (commander)', () => {
  it('parses options of the command and global ones, with defaults and conversions', () => {
    const inv = parseCommandLine(['runs', 'list', '--status', 'FAILED', '--profile', 'ci', '-L', '5']);
    expect(inv.path).toEqual(['runs', 'list']);
    expect(inv.options).toMatchObject({ status: 'FAILED', profile: 'ci', limit: 5, sort: '-created', color: true });
    expect(parseCommandLine(['--no-color', 'runs', 'get', 'abc']).options['color']).toBe(false);
    expect(parseCommandLine(['runs', 'create', '--spec', 's', '-n', '7', '--timeout', '2m']).options).toMatchObject({
      samples: 7,
      timeout: 120_000,
    });
    expect(parseCommandLine(['runs', 'list', '--limit=3']).options['limit']).toBe(3);
    expect(parseCommandLine(['runs', 'list', '-L3']).options['limit']).toBe(3);
    expect(parseCommandLine(['runs', 'ls']).path).toEqual(['runs', 'list']);
  });

  it('takes an optional --json value; a value that is no field list is the id (handled by main)', () => {
    expect(parseCommandLine(['runs', 'get', '--json', 'id,status', 'r1'])).toMatchObject({ args: ['r1'], options: { json: 'id,status' } });
    expect(parseCommandLine(['runs', 'list', '--json']).options['json']).toBe(true);
  });

  it('reads - as an argument and stops options at --', () => {
    expect(parseCommandLine(['runs', 'watch', '-']).args).toEqual(['-']);
    expect(parseCommandLine(['runs', 'get', '--', '--odd-id']).args).toEqual(['--odd-id']);
  });

  it('turns --help and --version into commander exits, and bad input into usage errors', () => {
    expect(() => parseCommandLine(['runs', '--help'])).toThrow(expect.objectContaining({ code: 'commander.helpDisplayed' }));
    expect(() => parseCommandLine(['-V'])).toThrow(expect.objectContaining({ code: 'commander.version', message: '0.0.0-test' }));
    expect(() => parseCommandLine(['runs', 'create', '--spec', 's'])).toThrow(/required option '-n, --samples <n>' not specified/);
    expect(() => parseCommandLine(['runs', 'list', '-L', '1.5'])).toThrow(expect.objectContaining({ code: 'commander.invalidArgument' }));
    expect(() => parseCommandLine(['runs', 'list', '-Q'])).toThrow(/unknown option '-Q'/);
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
    expect(() => filterRuns(RUNS, { ...base, status: 'FAILD' }, NOW)).toThrow(/invalid --status "FAILD" \(did you mean FAILED\?\)/);
    expect(() => filterRuns(RUNS, { ...base, sort: 'name' }, NOW)).toThrow(/invalid --sort/);
  });

  it('passes unknown status words through and matches them exactly, as the SDK keeps them', () => {
    const odd = [...RUNS, runAt('e', 'QUEUED_FOR_GPU', 2, null)];
    expect(parseStatuses('queued_for_gpu,failed')).toEqual({ wanted: ['QUEUED_FOR_GPU', 'FAILED'], unknown: ['QUEUED_FOR_GPU'] });
    expect(filterRuns(odd, { sort: '-created', status: 'queued_for_gpu' }, NOW).map((r) => r.id)).toEqual(['e']);
    expect(filterRuns(odd, { sort: '-created', status: 'DONE' }, NOW)).toEqual([]);
    expect(() => parseStatuses('CANCELLED')).toThrow(/did you mean CANCELED/);
    expect(() => parseStatuses(' , ')).toThrow(/invalid --status/);
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
    expect(retryCommand(commandOf(runsCreate), { spec: 'abc', samples: 5, model: "it's", skipOutline: true }, 'k-1')).toBe(
      "dataframer runs create --spec abc --samples 5 --model 'it'\\''s' --skip-outline --idempotency-key k-1",
    );
  });

  it('redacts the keys in use, key-shaped strings and bearer tokens from messages', () => {
    const { ctx, err } = bufferContext();
    const io = createIo(ctx);
    io.secrets.push('plainsecretvalue');
    io.info('key sk_test_abcdef_123456 and Bearer xyz.123 and plainsecretvalue');
    expect(err()).toBe('key [REDACTED] and Bearer [REDACTED] and [REDACTED]\n');
  });

  it('cuts text to a display width, counting wide characters as two', async () => {
    expect(truncate('Support tickets', 8)).toBe('Support…');
    expect(truncate('short', 8)).toBe('short');
    expect(await widthFor(['plain', 'ascii'])).toBe(narrowWidth);
    const wide = await widthFor(['日本語']);
    expect(wide('日本語')).toBe(6);
    expect(wide(truncate('日本語のスペック', 7, wide))).toBeLessThanOrEqual(7);
    expect(truncate('日本語のスペック', 7, wide)).toBe('日本語…');
    expect(narrowWidth('\x1b[32mSUCCEEDED\x1b[39m')).toBe(9);
  });

  it('fits table columns into the terminal: flexible columns first, the first column never', () => {
    const columns = [{ header: 'ID' }, { header: 'STATUS' }, { header: 'SPEC', flexible: true }, { header: 'CREATED' }];
    expect(fitColumns([8, 10, 30, 8], columns, 120)).toEqual([8, 10, 30, 8]);
    const at60 = fitColumns([8, 10, 40, 8], columns, 50);
    expect(at60.reduce((a, b) => a + b, 0) + 2 * 3).toBe(50);
    expect(at60[0]).toBe(8);
    expect(at60[1]).toBe(10);
    const tiny = fitColumns([8, 10, 40, 8], columns, 30);
    expect(tiny[0]).toBe(8);
    expect(tiny.reduce((a, b) => a + b, 0) + 6).toBeLessThanOrEqual(34);
  });

  it('prints a table with wide characters within the terminal width', async () => {
    const { ctx, out } = bufferContext({ tty: { stdout: true, columns: 40 } });
    const io = createIo(ctx, { color: false });
    await printTable(
      io,
      [{ header: 'ID' }, { header: 'NAME', flexible: true }, { header: 'STATUS' }],
      [
        ['3f2a9c1e', '日本語のサポートチケット', 'READY'],
        ['77aa00ff', 'Support tickets (English)', 'READY'],
      ],
      [],
    );
    const measure = await widthFor(['日本語']);
    const lines = out().trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(measure(line), line).toBeLessThanOrEqual(40);
    expect(lines[1]).toContain('…');
    expect(lines[1]).toMatch(/READY$/);
  });

  it('lays out the progress line within the width: the bar shrinks, then optional parts go', () => {
    const parts = {
      head: '⠋ PROCESSING',
      bar: (w: number) => `${'█'.repeat(w)}  45%`,
      tail: ['120/500 done'],
      optional: ['2 failed', '$0.49', 'ETA 9s', '3s'],
    };
    for (const width of [30, 40, 59, 79, 119]) expect(narrowWidth(layout(parts, width)), String(width)).toBeLessThanOrEqual(width);
    expect(layout(parts, 119)).toContain('█'.repeat(24));
    expect(layout(parts, 119)).toContain('ETA 9s');
    expect(layout(parts, 40)).not.toContain('3s');
  });
});

describe("errors in the command line's words", () => {
  it("names the SDK's parameters as flags and arguments", () => {
    const error = new RequestValidationError('Invalid parameters', {
      issues: [
        { path: 'number_of_samples', message: 'number_of_samples must be from 1 to 20000, got 0' },
        { path: 'runId', message: 'runId must not be empty' },
        { path: 'spec_id', message: 'the spec id must be a string' },
      ],
    });
    expect(describeRequestValidation(error)).toBe(
      'invalid input: --samples must be from 1 to 20000, got 0; the run id argument must not be empty; the spec id must be a string',
    );
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

  it('applies flag > env > config file precedence, and keeps both base URL forms as given', () => {
    const dir = tempDir();
    const none = resolveAuth({}, { DATAFRAMER_CONFIG_DIR: dir });
    expect(none).toMatchObject({
      apiKey: undefined,
      baseUrl: 'https://df-api.dataframer.ai',
      baseUrlSource: 'default',
      profile: 'default',
    });
    const env = resolveAuth(
      { baseUrl: 'http://flag' },
      { DATAFRAMER_CONFIG_DIR: dir, DATAFRAMER_BASE_URL: 'http://env', DATAFRAMER_API_KEY: 'sk_test_env_key_1', DATAFRAMER_PROFILE: 'p' },
    );
    expect(env).toMatchObject({
      apiKey: 'sk_test_env_key_1',
      keySource: 'environment variable DATAFRAMER_API_KEY',
      baseUrl: 'http://flag',
      baseUrlSource: 'flag --base-url',
      profile: 'p',
    });
    expect(env.secrets).toEqual(['sk_test_env_key_1']);
    for (const url of [
      'https://df-api.dataframer.ai/api/dataframer',
      'https://df-api.dataframer.ai/api/dataframer/',
      'https://gw.example/prefix/',
    ]) {
      expect(resolveAuth({ baseUrl: url }, { DATAFRAMER_CONFIG_DIR: dir }).baseUrl).toBe(url);
      expect(resolveAuth({}, { DATAFRAMER_CONFIG_DIR: dir, DATAFRAMER_BASE_URL: url }).baseUrl).toBe(url);
    }
  });
});
