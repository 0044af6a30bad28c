import { CommanderError, type CommandUnknownOpts } from '@commander-js/extra-typings';
import type { Context } from './context';
import { EXIT } from './exitCodes';
import { buildProgram } from './program';

declare const __PACKAGE_VERSION__: string;

/** `--version`: the package version and the Node.js it runs on. */
const VERSION_TEXT = `dataframer ${__PACKAGE_VERSION__} (node ${process.version})`;

const FIELDS = /^[a-z_]+(,[a-z_]+)*$/;

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
  json?: string | true;
  debug?: boolean;
}

/**
 * `--json [fields]` takes the next word as its value; when that word is not a field list it is the id
 * (`runs get --json 3f2a9c1e`), which keeps `--json` meaning "list the fields".
 */
function idBeforeJson(command: CommandUnknownOpts, id: unknown, options: Parsed): [unknown, Parsed] {
  if (id === undefined && typeof options.json === 'string' && !FIELDS.test(options.json)) return [options.json, { ...options, json: true }];
  if (id === undefined) command.error("error: missing required argument 'id'", { code: 'commander.missingArgument', exitCode: EXIT.USAGE });
  return [id, options];
}

/** Runs the command line `argv` (without `node` and the script) in `ctx` and returns the exit code. */
export async function main(argv: string[], ctx: Context): Promise<number> {
  const { root, commands } = buildProgram();
  const program = root.version(VERSION_TEXT, '-V, --version', 'print the version');
  let code: number = EXIT.OK;
  let usage = '';

  for (const command of everyCommand(program)) {
    const hint = `Run "${commandPath(command)} --help" for usage.\n`;
    command.exitOverride().configureOutput({
      writeOut: (text) => ctx.stdout.write(text),
      writeErr: (text) => ctx.stderr.write(text),
      getOutHelpWidth: () => ctx.stdout.columns() ?? 80,
      getErrHelpWidth: () => ctx.stderr.columns() ?? 80,
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
      let options: Parsed = command.optsWithGlobals();
      if (definition.jsonBeforeId) [args[0], options] = idBeforeJson(command, args[0], options);
      // Stack traces of --debug point at the TypeScript sources of the chunks loaded from here on.
      if (options.debug) process.setSourceMapsEnabled(true);
      const { run } = await definition.handler();
      // defineCommand checked that the handler takes these options and arguments.
      code = await (run as (...all: unknown[]) => Promise<number>)(ctx, options, ...args, command);
    });
  }

  // As gh does: the bare command prints its help and succeeds.
  if (argv.length === 0) {
    program.outputHelp();
    return EXIT.OK;
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
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
