#!/usr/bin/env node
import { EXIT } from './exitCodes';
import { redactSecrets } from './io';
import { HelpRequest, parse, UsageError, type Handler, type Invocation } from './parser';
import { program } from './program';

declare const __PACKAGE_VERSION__: string;

// Entry point: parse argv, run the command, and turn any error into one line on stderr and an exit code.
let invocation: Invocation | undefined;
try {
  invocation = parse(program, process.argv.slice(2), __PACKAGE_VERSION__);
  const [load, name] = invocation.command.run!;
  await ((await load())[name] as Handler)(invocation);
} catch (error) {
  if (error instanceof HelpRequest) {
    process.stdout.write(error.text);
  } else if (error instanceof UsageError) {
    // A key pasted as an argument by mistake must not be echoed back.
    const message = redactSecrets(error.message);
    process.stderr.write(`error: ${message}\n${message.includes('\n') ? '' : 'Run with --help for usage.\n'}`);
    process.exitCode = EXIT.USAGE;
  } else {
    const { reportError } = await import('./errors');
    process.exitCode = reportError(error, { debug: Boolean(invocation?.options['debug']) });
  }
}
