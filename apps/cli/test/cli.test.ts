import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { run, tempDir } from './support/cli';

vi.setConfig({ testTimeout: 30_000 });

const env = { DATAFRAMER_CONFIG_DIR: tempDir() };

describe('help, version and usage errors', () => {
  it('prints the root help with examples, environment and exit codes', async () => {
    const { code, stdout, stderr } = await run(['--help'], { env });
    expect(code).toBe(0);
    expect(stderr).toBe('');
    for (const text of ['Usage: dataframer <command>', 'runs', 'specs', 'models', 'auth', 'completion', 'Examples:', 'DATAFRAMER_API_KEY', 'Exit codes:']) {
      expect(stdout).toContain(text);
    }
    expect(stdout).toMatch(/^ {2}8 {4}the watched run was still running when --timeout expired$/m);
    expect((await run([], { env })).code).toBe(2);
  });

  it('has help with examples on every command', async () => {
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
      const { code, stdout } = await run([...path, '--help'], { env });
      expect(code, path.join(' ')).toBe(0);
      expect(stdout, path.join(' ')).toContain(`Usage: dataframer ${path.join(' ')}`);
      expect(stdout, path.join(' ')).toMatch(/Examples:\n {2}\$ dataframer /);
    }
    expect((await run(['runs', 'list', '--help'], { env })).stdout).toContain('filters and sorts it locally');
    expect((await run(['runs', 'watch', '-h'], { env })).stdout).toContain('5 FAILED, 6 CANCELED, 8 still running');
  });

  it('prints the version', async () => {
    const { code, stdout } = await run(['--version'], { env });
    expect(code).toBe(0);
    expect(stdout).toBe(`${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`);
  });

  it('exits 2 with a suggestion for unknown commands and flags', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['rnus'], /unknown command 'rnus' for "dataframer" \(did you mean runs\?\)/],
      [['runs', 'lst'], /unknown command 'lst' for "dataframer runs" \(did you mean list\?\)/],
      [['runs', 'list', '--stauts', 'FAILED'], /unknown option '--stauts' \(did you mean --status\?\)/],
      [['runs', 'get'], /missing argument <id>/],
      [['runs', 'get', 'a', 'b'], /unexpected argument 'b'/],
      [['runs', 'list', '--limit'], /needs a value/],
      [['runs', 'delete', 'x', '--yes=1'], /does not take a value/],
      [['completion', 'powershell'], /<shell> must be one of bash, zsh, fish/],
    ];
    for (const [args, message] of cases) {
      const { code, stdout, stderr } = await run(args, { env });
      expect(code, args.join(' ')).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(message);
    }
  });

  it('accepts aliases, --opt=value, -Lvalue and global options after the command', async () => {
    // No key: every one of these parses and then stops with exit 4, which proves the parse succeeded.
    for (const args of [['runs', 'ls', '--limit=3'], ['runs', 'list', '-L3'], ['runs', 'list', '--no-color', '--profile', 'x'], ['--debug', 'runs', 'view', 'abc']]) {
      const { code, stderr } = await run(args, { env });
      expect(code, args.join(' ')).toBe(4);
      expect(stderr).toContain('not logged in');
    }
  });
});

describe('completion', () => {
  it('prints a bash script that bash accepts and that completes commands and flags', async () => {
    const { code, stdout } = await run(['completion', 'bash'], { env });
    expect(code).toBe(0);
    const file = join(tempDir(), 'dataframer.bash');
    writeFileSync(file, stdout);
    const complete = (line: string) =>
      new Promise<string>((resolve, reject) => {
        const words = line.split(' ');
        const script = `source "${file}"; COMP_WORDS=(${words.map((w) => `"${w}"`).join(' ')}); COMP_CWORD=${words.length - 1}; _dataframer; printf '%s\\n' "\${COMPREPLY[@]}"`;
        const child = spawn('bash', ['--norc', '-c', script], { stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        child.stdout.on('data', (chunk) => (out += chunk));
        child.on('error', reject);
        child.on('close', (status) => (status === 0 ? resolve(out) : reject(new Error(`bash exited ${status}`))));
      });
    expect((await complete('dataframer ru')).trim()).toBe('runs');
    expect((await complete('dataframer runs ')).split('\n')).toEqual(expect.arrayContaining(['list', 'create', 'watch', 'download']));
    expect((await complete('dataframer --profile x runs list --st')).trim()).toBe('--status');
    expect((await complete('dataframer completion ')).split('\n')).toEqual(expect.arrayContaining(['bash', 'zsh', 'fish']));
  });

  it('prints zsh and fish scripts', async () => {
    const zsh = await run(['completion', 'zsh'], { env });
    expect(zsh.code).toBe(0);
    expect(zsh.stdout.startsWith('#compdef dataframer\n')).toBe(true);
    expect(zsh.stdout).toContain('complete -o default -F _dataframer dataframer');
    const fish = await run(['completion', 'fish'], { env });
    expect(fish.code).toBe(0);
    expect(fish.stdout).toContain("complete -c dataframer -n '__fish_use_subcommand' -a runs");
    expect(fish.stdout).toContain("__fish_seen_subcommand_from runs; and __fish_seen_subcommand_from list' -l status -s s -r");
  });
});
