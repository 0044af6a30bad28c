import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../src/exitCodes';
import { buildProgram } from '../src/program';
import { parseCommandLine } from './support/parse';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const section = (from: string, to: string) => readme.slice(readme.indexOf(from), readme.indexOf(to));

/** Splits a shell line into words (double quotes only, as the README uses them). */
function words(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!);
}

describe('README', () => {
  it('every dataframer command in its shell examples parses with the real command model', () => {
    const blocks = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!);
    const lines = blocks
      .flatMap((block) => block.split('\n'))
      .flatMap((line) => line.split('|'))
      .map((part) =>
        part
          .replace(/#.*$/, '')
          .replace(/>.*$/, '')
          .replace(/\$\(|\)"?$/g, '')
          .trim(),
      )
      .filter((part) => part.startsWith('dataframer '));
    expect(lines.length).toBeGreaterThan(12);
    for (const line of lines) {
      try {
        parseCommandLine(words(line).slice(1));
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (code !== 'commander.helpDisplayed' && code !== 'commander.version') throw new Error(`${line}: ${(error as Error).message}`);
      }
    }
  });

  it('the command table names every command and every flag of each', () => {
    const tree = section('## Commands', '## Output');
    const walk = (command: CommandUnknownOpts, path: string[]): void => {
      for (const child of command.commands) {
        expect(tree, child.name()).toMatch(new RegExp(`── ${child.name()}\\b`));
        for (const option of child.options) expect(tree, `${[...path, child.name()].join(' ')} ${option.long}`).toContain(option.long!);
        walk(child, [...path, child.name()]);
      }
    };
    const { root: program } = buildProgram();
    walk(program, []);
    for (const option of program.options) expect(tree, option.long).toContain(option.long!);
  });

  it('the exit code table lists every code the command uses, and only those', () => {
    const table = section('## Exit codes', '## Authentication');
    const listed = [...table.matchAll(/^\| (\d+) \|/gm)].map((m) => Number(m[1]));
    expect(listed.sort((a, b) => a - b)).toEqual(Object.values(EXIT).sort((a, b) => a - b));
  });
});
