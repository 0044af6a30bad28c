// The command model: the root with its global options, then every command of the registry under its group, typed by
// commander from the flags. This module, the definitions and commander are all that load before a command runs;
// handlers are imported on use.
import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { COMMANDS } from './commands/registry';
import type { CommandDefinition, GroupDefinition, NewCommand } from './program/defineCommand';
import { defineRoot, type Root } from './program/root';

/** The command tree: the root, and every command with the definition it was built from. */
export interface Program {
  root: Root;
  commands: Array<{ definition: CommandDefinition; command: CommandUnknownOpts }>;
}

/** Builds the whole command tree without actions; `main` attaches them. */
export function buildProgram(): Program {
  const root = defineRoot();
  const groups = new Map<GroupDefinition, CommandUnknownOpts>();
  const commands = COMMANDS.map((definition) => {
    let parent: CommandUnknownOpts = root;
    if (definition.group) {
      const { name, description, help } = definition.group;
      parent = groups.get(definition.group) ?? root.command(name).description(description).addHelpText('after', help);
      groups.set(definition.group, parent);
    }
    return { definition, command: definition.flags(parent.command(definition.name) as NewCommand) };
  });
  return { root, commands };
}
