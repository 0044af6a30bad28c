// The command model: every command, argument and option, with commander's types inferred from the flags.
// This module and commander are all that load before a command runs; handlers are imported on use.
import { defineOthers } from './program/others';
import { defineRoot } from './program/root';
import { defineRuns } from './program/runs';

/** Builds the whole command tree without actions; `main` attaches them. */
export function defineCommands() {
  const program = defineRoot();
  return { program, ...defineRuns(program), ...defineOthers(program) };
}

/** The command tree, by name. */
type Commands = ReturnType<typeof defineCommands>;

/** The parsed options of a command, its own and the global ones, as commander infers them from the flags. */
export type OptionsOf<K extends keyof Commands> = ReturnType<Commands[K]['optsWithGlobals']>;

/** The global options every command sees. */
export type GlobalOptions = ReturnType<Commands['program']['opts']>;
