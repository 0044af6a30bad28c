import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { run, runIn, tempDir } from './support/cli';
import { SEED_SHUFFLING_LEVELS } from '@df/core/constants';

vi.setConfig({ testTimeout: 30_000 });

const env = { DATAFRAMER_CONFIG_DIR: tempDir() };
const version = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version as string;

describe('help, version and usage errors', () => {
  it('prints the root help with examples, environment and exit codes; no arguments prints it too and succeeds', async () => {
    const { code, stdout, stderr } = await runIn(['--help'], { env });
    expect(code).toBe(0);
    expect(stderr).toBe('');
    for (const text of [
      'Usage: dataframer <command>',
      'runs',
      'specs',
      'models',
      'auth',
      'completion',
      'Examples:',
      'DATAFRAMER_API_KEY',
      'Exit codes:',
    ]) {
      expect(stdout).toContain(text);
    }
    expect(stdout).toMatch(/^ {2}8 {4}the watched run was still running when --timeout expired$/m);
    const bare = await runIn([], { env });
    expect(bare.code).toBe(0);
    expect(bare.stdout).toBe(stdout);
    expect(bare.stderr).toBe('');
  });

  it('has help with examples and the global options on every command', async () => {
    const commands = [
      ['runs'],
      ['runs', 'list'],
      ['runs', 'get'],
      ['runs', 'create'],
      ['runs', 'watch'],
      ['runs', 'cancel'],
      ['runs', 'delete'],
      ['runs', 'download'],
      ['runs', 'samples'],
      ['specs'],
      ['specs', 'list'],
      ['specs', 'get'],
      ['models'],
      ['models', 'list'],
      ['auth'],
      ['auth', 'login'],
      ['auth', 'status'],
      ['auth', 'logout'],
      ['completion'],
    ];
    for (const path of commands) {
      const { code, stdout } = await runIn([...path, '--help'], { env });
      expect(code, path.join(' ')).toBe(0);
      expect(stdout, path.join(' ')).toContain(`Usage: dataframer ${path.join(' ')}`);
      expect(stdout, path.join(' ')).toMatch(/Examples:\n {2}\$ dataframer /);
      expect(stdout, path.join(' ')).toMatch(/Global Options:[\s\S]*--timeout <duration>/);
    }
    expect((await runIn(['runs', 'list', '--help'], { env })).stdout).toContain('filters and sorts it locally');
    expect((await runIn(['runs', 'watch', '-h'], { env })).stdout).toContain('5 FAILED, 6 CANCELED, 8 still running');
    expect((await runIn(['help', 'runs'], { env })).stdout).toContain('Usage: dataframer runs');
  });

  it('wraps help to the terminal width', async () => {
    const { stdout } = await runIn(['runs', 'create', '--help'], { env, tty: { stdout: true, columns: 60 } });
    const optionLines = stdout.slice(stdout.indexOf('Options:'), stdout.indexOf('Examples:')).split('\n');
    for (const line of optionLines) expect(line.length, line).toBeLessThanOrEqual(60);
  });

  it('prints the version with the Node.js version', async () => {
    const { code, stdout } = await runIn(['--version'], { env });
    expect(code).toBe(0);
    expect(stdout).toBe(`dataframer ${version} (node ${process.version})\n`);
    const bin = await run(['-V'], { env });
    expect(bin.code).toBe(0);
    expect(bin.stdout).toMatch(/^dataframer \d+\.\d+\.\d+\S* \(node v\d+\.\d+\.\d+\)\n$/);
  });

  it('exits 2 with a suggestion for unknown commands and flags, and says where help is', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['rnus'], /unknown command 'rnus'\n\(Did you mean runs\?\)\nRun "dataframer --help" for usage\./],
      [['runs', 'lst'], /unknown command 'lst'\n\(Did you mean one of list, ls\?\)\nRun "dataframer runs --help"/],
      [['runs', 'list', '--stauts', 'FAILED'], /unknown option '--stauts'\n\(Did you mean --status\?\)\nRun "dataframer runs list --help"/],
      [['runs', 'get'], /missing required argument 'id'/],
      [['runs', 'watch'], /missing required argument 'id'/],
      [['runs', 'get', 'a', 'b'], /too many arguments for 'get'/],
      [['runs', 'list', '--limit'], /option '-L, --limit <n>' argument missing/],
      [['runs', 'list', '--limit', 'x'], /option '-L, --limit <n>' argument 'x' is invalid\. Expected a whole number/],
      [['runs', 'delete', 'x', '--yes=1'], /unknown option '--yes=1'/],
      [['runs', 'create', '--spec', 's'], /required option '-n, --samples <n>' not specified/],
      [['completion', 'powershell'], /argument 'shell'\. Allowed choices are bash, zsh, fish/],
      [['runs'], /Usage: dataframer runs/],
    ];
    for (const [args, message] of cases) {
      const { code, stdout, stderr } = await runIn(args, { env });
      expect(code, args.join(' ')).toBe(2);
      expect(stdout, args.join(' ')).toBe('');
      expect(stderr, args.join(' ')).toMatch(message);
    }
  });

  it('never echoes a key pasted where a command was expected', async () => {
    const { code, stderr } = await runIn(['sk_live_pasted_by_mistake_1234'], { env });
    expect(code).toBe(2);
    expect(stderr).toContain("unknown command '[REDACTED]'");
    expect(stderr).not.toContain('pasted_by_mistake');
  });

  it('accepts aliases, --opt=value, -Lvalue and global options after the command', async () => {
    // No key: every one of these parses and then stops with exit 4, which proves the parse succeeded.
    for (const args of [
      ['runs', 'ls', '--limit=3'],
      ['runs', 'list', '-L3'],
      ['runs', 'list', '--no-color', '--profile', 'x'],
      ['--debug', 'runs', 'view', 'abc'],
      ['runs', 'get', 'abc', '--timeout', '5s'],
    ]) {
      const { code, stderr } = await runIn(args, { env });
      expect(code, args.join(' ')).toBe(4);
      expect(stderr).toContain('not logged in');
    }
  });
});

describe('completion', () => {
  it('prints a bash script, generated from the command model, that a real bash runs', async () => {
    const { code, stdout } = await runIn(['completion', 'bash'], { env });
    expect(code).toBe(0);
    const file = join(tempDir(), 'dataframer.bash');
    writeFileSync(file, stdout);
    const complete = (line: string) =>
      new Promise<string[]>((resolve, reject) => {
        const words = line.split(' ');
        const script = `source "${file}"; COMP_WORDS=(${words.map((w) => `"${w}"`).join(' ')}); COMP_CWORD=${words.length - 1}; _dataframer; printf '%s\\n' "\${COMPREPLY[@]}"`;
        const child = spawn('bash', ['--norc', '-c', script], { stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        child.stdout.on('data', (chunk) => (out += chunk));
        child.on('error', reject);
        child.on('close', (status) =>
          status === 0 ? resolve(out.split('\n').filter(Boolean)) : reject(new Error(`bash exited ${status}`)),
        );
      });
    expect(await complete('dataframer ru')).toEqual(['runs']);
    expect(await complete('dataframer runs ')).toEqual(
      expect.arrayContaining(['list', 'get', 'create', 'watch', 'cancel', 'delete', 'download', 'samples']),
    );
    expect(await complete('dataframer --profile x runs list --st')).toEqual(['--status']);
    expect(await complete('dataframer completion ')).toEqual(expect.arrayContaining(['bash', 'zsh', 'fish']));
    expect(await complete('dataframer runs create --seed-shuffling ')).toEqual([...SEED_SHUFFLING_LEVELS]);

    // Every offered flag exists on that command (no "-or-id" from a value placeholder).
    const listFlags = await complete('dataframer runs list -');
    expect(listFlags).toEqual(
      expect.arrayContaining([
        '--status',
        '-s',
        '--spec',
        '--since',
        '--limit',
        '-L',
        '--sort',
        '--json',
        '--help',
        '--timeout',
        '--profile',
        '--debug',
        '--no-color',
      ]),
    );
    for (const flag of listFlags)
      expect([
        '-s',
        '--status',
        '--spec',
        '--since',
        '-L',
        '--limit',
        '--sort',
        '--json',
        '-h',
        '--help',
        '--profile',
        '--base-url',
        '--timeout',
        '--no-color',
        '--debug',
        '-V',
        '--version',
      ]).toContain(flag);
    expect(await complete('dataframer runs download x -')).toEqual(expect.arrayContaining(['--extract', '-x', '--out', '--force']));
  });

  it('prints zsh and fish scripts', async () => {
    const zsh = await runIn(['completion', 'zsh'], { env });
    expect(zsh.code).toBe(0);
    expect(zsh.stdout.startsWith('#compdef dataframer\n')).toBe(true);
    expect(zsh.stdout).toContain('complete -o default -F _dataframer dataframer');
    const fish = await runIn(['completion', 'fish'], { env });
    expect(fish.code).toBe(0);
    expect(fish.stdout).toContain("complete -c dataframer -n '__fish_use_subcommand' -a runs");
    expect(fish.stdout).toContain("__fish_seen_subcommand_from runs; and __fish_seen_subcommand_from list' -l status -s s -r");
    expect(fish.stdout).toContain(`-l seed-shuffling -r -a '${SEED_SHUFFLING_LEVELS.join(' ')}'`);
    expect(fish.stdout).not.toMatch(/-l or-id|-l name-or-id/);
  });
});
