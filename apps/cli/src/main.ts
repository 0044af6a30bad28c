import { CommanderError, type CommandUnknownOpts } from '@commander-js/extra-typings';
import type { Context } from './context';
import { EXIT } from './exitCodes';
import { defineCommands } from './program';

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

/**
 * `--json [fields]` takes the next word as its value; when that word is not a field list it is the id
 * (`runs get --json 3f2a9c1e`), which keeps `--json` meaning "list the fields".
 */
function idBeforeJson<O extends { json?: string | true }>(command: CommandUnknownOpts, id: string | undefined, options: O): [string, O] {
  if (id === undefined && typeof options.json === 'string' && !FIELDS.test(options.json)) return [options.json, { ...options, json: true }];
  if (id === undefined) command.error("error: missing required argument 'id'", { code: 'commander.missingArgument', exitCode: EXIT.USAGE });
  return [id, options];
}

/** Runs the command line `argv` (without `node` and the script) in `ctx` and returns the exit code. */
export async function main(argv: string[], ctx: Context): Promise<number> {
  const c = defineCommands();
  const program = c.program.version(VERSION_TEXT, '-V, --version', 'print the version');
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
  const run = async (debug: boolean | undefined, start: () => Promise<number>) => {
    // Stack traces of --debug point at the TypeScript sources of the chunks loaded from here on.
    if (debug) process.setSourceMapsEnabled(true);
    code = await start();
  };
  c.runsList.action((_, cmd) =>
    run(cmd.optsWithGlobals().debug, async () => (await import('./commands/runs/list')).list(ctx, cmd.optsWithGlobals())),
  );
  c.runsGet.action((id, _, cmd) => {
    const [runId, options] = idBeforeJson(cmd, id, cmd.optsWithGlobals());
    return run(options.debug, async () => (await import('./commands/runs/get')).get(ctx, options, runId));
  });
  c.runsCreate.action((_, cmd) =>
    run(cmd.optsWithGlobals().debug, async () => (await import('./commands/runs/create')).create(ctx, cmd.optsWithGlobals())),
  );
  c.runsWatch.action((id, _, cmd) =>
    run(cmd.optsWithGlobals().debug, async () => (await import('./commands/runs/watch')).watch(ctx, cmd.optsWithGlobals(), id)),
  );
  c.runsCancel.action((id, _, cmd) =>
    run(cmd.optsWithGlobals().debug, async () => (await import('./commands/runs/cancel')).cancel(ctx, cmd.optsWithGlobals(), id)),
  );
  c.runsDelete.action((id, _, cmd) =>
    run(cmd.optsWithGlobals().debug, async () => (await import('./commands/runs/delete')).remove(ctx, cmd.optsWithGlobals(), id)),
  );
  c.runsDownload.action((id, _, cmd) =>
    run(cmd.optsWithGlobals().debug, async () => (await import('./commands/runs/download')).download(ctx, cmd.optsWithGlobals(), id)),
  );
  c.runsSamples.action((id, _, cmd) =>
    run(cmd.optsWithGlobals().debug, async () => (await import('./commands/runs/samples')).samples(ctx, cmd.optsWithGlobals(), id)),
  );
  c.specsList.action((_, cmd) =>
    run(cmd.optsWithGlobals().debug, async () => (await import('./commands/specs/list')).list(ctx, cmd.optsWithGlobals())),
  );
  c.specsGet.action((id, _, cmd) => {
    const [specId, options] = idBeforeJson(cmd, id, cmd.optsWithGlobals());
    return run(options.debug, async () => (await import('./commands/specs/get')).get(ctx, options, specId));
  });
  c.modelsList.action((_, cmd) =>
    run(cmd.optsWithGlobals().debug, async () => (await import('./commands/models/list')).list(ctx, cmd.optsWithGlobals())),
  );
  c.authLogin.action((_, cmd) =>
    run(cmd.optsWithGlobals().debug, async () => (await import('./commands/auth/login')).login(ctx, cmd.optsWithGlobals())),
  );
  c.authStatus.action((_, cmd) =>
    run(cmd.optsWithGlobals().debug, async () => (await import('./commands/auth/status')).status(ctx, cmd.optsWithGlobals())),
  );
  c.authLogout.action((_, cmd) =>
    run(cmd.optsWithGlobals().debug, async () => (await import('./commands/auth/logout')).logout(ctx, cmd.optsWithGlobals())),
  );
  c.completion.action((shell) => run(false, async () => (await import('./commands/completion')).completion(ctx, program, shell)));

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
