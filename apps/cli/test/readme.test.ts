import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../src/exitCodes';
import { HelpRequest, parse, type CommandSpec } from '../src/parser';
import { program } from '../src/program';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

/** Splits a shell line into words (double quotes only, as the README uses them). */
function words(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!);
}

describe('README', () => {
  it('every dataframer command in its shell examples parses', () => {
    const blocks = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!);
    const lines = blocks
      .flatMap((block) => block.split('\n'))
      .flatMap((line) => line.split('|'))
      .map((part) => part.replace(/#.*$/, '').replace(/>.*$/, '').trim())
      .filter((part) => part.startsWith('dataframer '));
    expect(lines.length).toBeGreaterThan(8);
    for (const line of lines) {
      try {
        parse(program, words(line).slice(1), '0');
      } catch (error) {
        if (!(error instanceof HelpRequest)) throw new Error(`${line}: ${(error as Error).message}`);
      }
    }
  });

  it('the command tree names every command and the exit code table every code', () => {
    const tree = readme.slice(readme.indexOf('## Commands'), readme.indexOf('## Output'));
    const walk = (command: CommandSpec): string[] => [command.name, ...(command.children ?? []).flatMap(walk)];
    for (const name of walk(program).slice(1)) expect(tree).toMatch(new RegExp(`── ${name}\\b`));
    const table = readme.slice(readme.indexOf('## Exit codes'), readme.indexOf('## Authentication'));
    for (const code of Object.values(EXIT)) expect(table).toContain(`| ${code} |`);
  });
});
