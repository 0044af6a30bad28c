import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATASET_TYPES, SEED_SHUFFLING_LEVELS } from '@df/core/constants';
import { describe, expect, it, vi } from 'vitest';
import { runIn, tempDir } from '../../../test/support/cli';
import { COMMANDS } from '../registry';

vi.setConfig({ testTimeout: 30_000 });

const env = { DATAFRAMER_CONFIG_DIR: tempDir() };

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
        child.stdout.on('data', (chunk) => {
          out += chunk;
        });
        child.on('error', reject);
        child.on('close', (status) =>
          status === 0 ? resolve(out.split('\n').filter(Boolean)) : reject(new Error(`bash exited ${status}`)),
        );
      });
    expect(await complete('dataframer ru')).toEqual(['runs']);
    const runsCommands = COMMANDS.filter((command) => command.group?.name === 'runs').map((command) => command.name);
    expect(await complete('dataframer runs ')).toEqual(expect.arrayContaining(runsCommands));
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

    // The datasets group and the spec commands that make and edit specs, with their flags and values.
    expect(await complete('dataframer da')).toEqual(['datasets']);
    const datasetsCommands = COMMANDS.filter((command) => command.group?.name === 'datasets').map((command) => command.name);
    expect(datasetsCommands).toEqual(['list', 'get', 'create', 'delete']);
    expect(await complete('dataframer datasets ')).toEqual(expect.arrayContaining(datasetsCommands));
    expect(await complete('dataframer datasets create --type ')).toEqual([...DATASET_TYPES]);
    expect(await complete('dataframer datasets create Docs a.md --fo')).toEqual(['--folder']);
    expect(await complete('dataframer datasets create Docs --z')).toEqual(['--zip']);
    expect(await complete('dataframer datasets delete x --y')).toEqual(['--yes']);
    expect(await complete('dataframer specs ')).toEqual(expect.arrayContaining(['list', 'get', 'create', 'replace']));
    expect(await complete('dataframer specs create x --da')).toEqual(['--dataset']);
    expect(await complete('dataframer specs create x --dataset d --ob')).toEqual(['--objectives']);
    expect(await complete('dataframer specs replace x --fi')).toEqual(['--file']);
    expect(await complete('dataframer specs get x --ya')).toEqual(['--yaml']);
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
    expect(fish.stdout).toContain("complete -c dataframer -n '__fish_use_subcommand' -a datasets");
    expect(fish.stdout).toContain(`-l type -r -a '${DATASET_TYPES.join(' ')}'`);
  });
});
