import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { buildProgram } from '../src/program';
import { BIN, run, runIn, tempDir } from './support/cli';
import { EXIT } from '../src/exitCodes';

vi.setConfig({ testTimeout: 30_000 });

const env = { DATAFRAMER_CONFIG_DIR: tempDir() };

/** The path of every command under `command` (`['runs']`, `['runs', 'list']`, …). */
function everyPath(command: CommandUnknownOpts, path: string[] = []): string[][] {
  return command.commands.flatMap((child) => [[...path, child.name()], ...everyPath(child, [...path, child.name()])]);
}

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
    // Every exit code the command uses has its line, the score gate's among them.
    for (const exit of Object.values(EXIT)) expect(stdout).toMatch(new RegExp(`^ {2}${exit} +\\S`, 'm'));
    expect(stdout).toMatch(/^ {2}9 {4}the evaluation's score is below --min-score/m);
    const bare = await runIn([], { env });
    expect(bare.code).toBe(0);
    expect(bare.stdout).toBe(stdout);
    expect(bare.stderr).toBe('');
  });

  it('prints the help of a group named alone (dataframer runs) and succeeds, as --help does', async () => {
    const groups = buildProgram().root.commands.filter((command) => command.commands.length > 0);
    expect(groups.length).toBeGreaterThan(0);
    for (const group of groups) {
      const alone = await runIn([group.name()], { env });
      expect(alone.code, group.name()).toBe(0);
      expect(alone.stderr, group.name()).toBe('');
      expect(alone.stdout, group.name()).toBe((await runIn([group.name(), '--help'], { env })).stdout);
      expect(alone.stdout, group.name()).toContain(`Usage: dataframer ${group.name()}`);
    }
  });

  it('has help with examples and the global options on every command', async () => {
    // Every group and command of the model, so a command added to the registry is checked too.
    const commands = everyPath(buildProgram().root);
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

  it('ends quietly with exit 0 when the reader of its output goes away (dataframer --help | head -1)', async () => {
    const child = spawn(process.execPath, [BIN, '--help'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    // The reading end closes before the command writes a byte, as \`head\` does once it has its line.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
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
