import { CommanderError, type CommandUnknownOpts } from '@commander-js/extra-typings';
import type { Context } from './context';
import { EXIT } from './exitCodes';
import { fitHelpText } from './wrapText';
import { forcedTty } from './io';
import { buildProgram, type Program } from './program';

declare const __PACKAGE_VERSION__: string;

/** `--version`: the package version and the Node.js it runs on. */
const VERSION_TEXT = `dataframer ${__PACKAGE_VERSION__} (node ${process.version})`;

const FIELDS = /^[a-z_]+(,[a-z_]+)*$/;

/** The width help is fitted to when the stream is no terminal, as commander's own default. */
const HELP_WIDTH = 80;

function everyCommand(command: CommandUnknownOpts): CommandUnknownOpts[] {
  return [command, ...command.commands.flatMap(everyCommand)];
}

function commandPath(command: CommandUnknownOpts): string {
  const names: string[] = [];
  for (let c: CommandUnknownOpts | null = command; c; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

/** The parsed options every handler may read before it runs. */
interface Parsed {
  debug?: boolean;
}

/**
 * `--json [fields]` takes the next word as its value; after a command that takes an id, a word that is not a field list
 * is the id (`runs get --json 3f2a9c1e`): it moves before `--json`, which keeps meaning "list the fields". The id stays
 * a required argument for the parser, and its help says so.
 */
function idBeforeJson(argv: string[], commands: Program['commands']): string[] {
  for (const { definition, command } of commands) {
    const group = command.parent;
    if (!definition.jsonBeforeId || !group) continue;
    const at = argv.indexOf(group.name());
    const name = argv[at + 1];
    if (at === -1 || name === undefined || ![command.name(), ...command.aliases()].includes(name)) continue;
    const json = argv.indexOf('--json', at + 2);
    const word = argv[json + 1];
    if (json === -1 || word === undefined || word.startsWith('-') || FIELDS.test(word)) return argv;
    return [...argv.slice(0, json), word, '--json', ...argv.slice(json + 2)];
  }
  return argv;
}

/** The help of the group a command line names alone (`dataframer runs`), which it prints as the bare command does. */
function groupAlone(argv: string[], root: CommandUnknownOpts): CommandUnknownOpts | undefined {
  const [word, ...rest] = argv;
  if (rest.length > 0) return undefined;
  return root.commands.find((c) => c.commands.length > 0 && (c.name() === word || c.aliases().includes(word ?? '')));
}

/** Runs the command line `argv` (without `node` and the script) in `ctx` and returns the exit code. */
export async function main(argv: string[], ctx: Context): Promise<number> {
  const { root, commands } = buildProgram();
  const program = root.version(VERSION_TEXT, '-V, --version', 'print the version');
  let code: number = EXIT.OK;
  let usage = '';

  const forced = forcedTty(ctx.env).columns;
  const outWidth = () => forced ?? ctx.stdout.columns() ?? HELP_WIDTH;
  const errWidth = () => forced ?? ctx.stderr.columns() ?? HELP_WIDTH;
  for (const command of everyCommand(program)) {
    const hint = `Run "${commandPath(command)} --help" for usage.\n`;
    command.exitOverride().configureOutput({
      // Commander wraps its own columns; the sections after them (examples, environment, exit codes) are fitted here.
      writeOut: (text) => ctx.stdout.write(fitHelpText(text, outWidth())),
      writeErr: (text) => ctx.stderr.write(fitHelpText(text, errWidth())),
      getOutHelpWidth: outWidth,
      getErrHelpWidth: errWidth,
      // Kept until the key is redacted from it (a key pasted as an argument must not be echoed back).
      outputError: (text) => {
        usage = `${text}${hint}`;
      },
    });
  }

  // Each handler (with the SDK, ky and valibot) is imported only when its command runs.
  for (const { definition, command } of commands) {
    // commander calls an action with the arguments, then the options, then the command.
    command.action(async (...given: unknown[]) => {
      const args = given.slice(0, -2);
      const options: Parsed = command.optsWithGlobals();
      // Stack traces of --debug point at the TypeScript sources of the chunks loaded from here on.
      if (options.debug) process.setSourceMapsEnabled(true);
      const { run } = await definition.handler();
      // defineCommand checked that the handler takes these options and arguments.
      code = await (run as (...all: unknown[]) => Promise<number>)(ctx, options, ...args, command);
    });
  }

  // As gh does: the bare command, and a group named alone, print their help and succeed.
  const alone = argv.length === 0 ? program : groupAlone(argv, program);
  if (alone) {
    alone.outputHelp();
    return EXIT.OK;
  }
  try {
    await program.parseAsync(idBeforeJson(argv, commands), { from: 'user' });
    return code;
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return EXIT.OK;
    // A group without its subcommand: commander printed the group's help on stderr.
    if (error.code === 'commander.help') return error.exitCode === 0 ? EXIT.OK : EXIT.USAGE;
    const { redactText } = await import('./lazy/redactText');
    const key = ctx.env['DATAFRAMER_API_KEY'];
    ctx.stderr.write(redactText(usage || `${error.message}\n`, key ? [key] : []));
    return EXIT.USAGE;
  }
}
