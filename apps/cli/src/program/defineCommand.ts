// What a command is made of: where it goes, its flags and help (in the bin), and the handler it imports when it runs.
import type { Command, CommandUnknownOpts } from '@commander-js/extra-typings';
import type { Context } from '../context';
import type { GlobalOptions } from './root';

/** A group of commands (`runs`): its name, and the help that introduces it. */
export interface GroupDefinition {
  name: string;
  description: string;
  /** Text after the group's help: its examples, and anything that holds for every command of the group. */
  help: string;
}

/** A command as the program creates it under the root or a group, for its flags to be added. */
// biome-ignore lint/complexity/noBannedTypes: commander's own type for a command that has no options of its own yet.
export type NewCommand = Command<[], {}, GlobalOptions>;

/** Adds a command's aliases, description, arguments, flags and help text, and returns the command. */
type Flags = (command: NewCommand) => CommandUnknownOpts;

/** The options a command parses, its own and the global ones, as commander infers them from its flags. */
export type OptionsOf<F extends Flags> = ReturnType<ReturnType<F>['optsWithGlobals']>;

/** The arguments a command parses, as commander infers them from its flags. */
type ArgumentsOf<F extends Flags> = ReturnType<F> extends Command<infer A, infer _O, infer _G> ? A : never;

/** Arguments once each is known to be given. */
type Given<A extends unknown[]> = { [K in keyof A]: Exclude<A[K], undefined> };

/**
 * A command's handler: runs it with the context, its options and its arguments, and the commander command it runs as
 * (for what reads the command model: completion, the retry of a create); returns the exit code.
 */
type Handler<O, A extends unknown[]> = (ctx: Context, options: O, ...rest: [...A, CommandUnknownOpts]) => Promise<number>;

/** A command, as the registry lists it and the program builds it; `defineCommand` has checked its handler's types. */
export interface CommandDefinition {
  /** The group it belongs to; none for a command of the root (`completion`). */
  readonly group: GroupDefinition | undefined;
  readonly name: string;
  readonly flags: Flags;
  /** `--json` may be followed by the id (`runs get --json 3f2a9c1e`): a word after `--json` that is no field list is the id. */
  readonly jsonBeforeId: boolean;
  /** Imports the module of the handler, only when the command runs. */
  readonly handler: () => Promise<{ run: (ctx: Context, options: never, ...rest: never) => Promise<number> }>;
}

/**
 * Defines a command: its group, its name, its flags, and the import of the module whose `run` handles it. The
 * handler's options and arguments are checked against what commander infers from the flags.
 */
export function defineCommand<F extends Flags, J extends boolean = false>(definition: {
  group?: GroupDefinition;
  name: string;
  flags: F;
  jsonBeforeId?: J;
  handler: () => Promise<{ run: Handler<OptionsOf<F>, J extends true ? Given<ArgumentsOf<F>> : ArgumentsOf<F>> }>;
}): CommandDefinition {
  return {
    group: definition.group,
    name: definition.name,
    flags: definition.flags,
    jsonBeforeId: definition.jsonBeforeId ?? false,
    handler: definition.handler,
  };
}
