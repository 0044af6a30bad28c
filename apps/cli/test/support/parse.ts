import { CommanderError, type CommandUnknownOpts } from '@commander-js/extra-typings';
import type { CommandDefinition } from '../../src/program/defineCommand';
import { buildProgram } from '../../src/program';

/** What commander made of a command line: the command path, its arguments and its options (own and global). */
export interface Parsed {
  path: string[];
  args: unknown[];
  options: Record<string, unknown>;
}

function leaves(command: CommandUnknownOpts, path: string[] = []): Array<[string[], CommandUnknownOpts]> {
  if (command.commands.length === 0) return [[path, command]];
  return command.commands.flatMap((c) => leaves(c, [...path, c.name()]));
}

/**
 * Parses a command line with the real command model and no handlers; throws commander's error (its `code`
 * and `message`) for a usage error, help or version.
 */
export function parseCommandLine(argv: string[]): Parsed {
  const { root: program } = buildProgram();
  program.version('0.0.0-test');
  let parsed: Parsed | undefined;
  for (const [path, command] of leaves(program)) {
    command.action((...all: unknown[]) => {
      parsed = { path, args: all.slice(0, -2), options: (command as CommandUnknownOpts).optsWithGlobals() };
    });
  }
  const silent = (c: CommandUnknownOpts): void => {
    c.exitOverride().configureOutput({ writeOut: () => {}, writeErr: () => {}, outputError: () => {} });
    c.commands.forEach(silent);
  };
  silent(program);
  program.parse(argv, { from: 'user' });
  if (!parsed) throw new CommanderError(2, 'commander.noAction', 'no command ran');
  return parsed;
}

/** The commander command the program builds from a definition, attached to its group and the root. */
export function commandOf(definition: CommandDefinition): CommandUnknownOpts {
  const built = buildProgram().commands.find((c) => c.definition === definition);
  if (!built) throw new Error(`${definition.name} is not in the registry`);
  return built.command;
}
