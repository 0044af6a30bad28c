import { banner } from './internal/cli/banner';
import { HELP_TEXT } from './internal/cli/helpText';
import { type CliRequest, parseCliArgs } from './internal/cli/parseCliArgs';
import { startSandbox } from './startSandbox';
import type { Sandbox } from './types';

declare const __PACKAGE_VERSION__: string;

/** Why the sandbox could not start, in one line that says what to do. */
function startFailure(error: Error & { code?: string }, port: number, host: string): string {
  if (error.code === 'EADDRINUSE')
    return `port ${port} is already in use on ${host}; pick another with --port <n>, or --port 0 for a free one`;
  if (error.code === 'EACCES')
    return `no permission to listen on port ${port}; pick one above 1023 with --port <n>, or --port 0 for a free one`;
  return error.message;
}

async function main(): Promise<number | undefined> {
  let request: CliRequest;
  try {
    request = parseCliArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`dataframer-sandbox: ${(error as Error).message}\n`);
    return 2;
  }
  if (request.kind !== 'start') {
    process.stdout.write(request.kind === 'help' ? HELP_TEXT : `${__PACKAGE_VERSION__}\n`);
    return 0;
  }
  const { options } = request;
  let sandbox: Sandbox;
  try {
    sandbox = await startSandbox(options);
  } catch (error) {
    const listening = typeof (error as { code?: unknown }).code === 'string';
    process.stderr.write(
      `dataframer-sandbox: ${listening ? startFailure(error as Error, options.port, options.host) : (error as Error).message}\n`,
    );
    return listening ? 1 : 2;
  }
  let stopping = false;
  const shutdown = (): void => {
    // A second Ctrl-C while stopping ends at once.
    if (stopping) process.exit(0);
    stopping = true;
    sandbox.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  // Printed once Ctrl-C is handled: whoever reads "Stop with Ctrl-C" may press it at once.
  process.stdout.write(banner(sandbox, options));
  return undefined;
}

main().then(
  (code) => {
    if (code !== undefined) process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`dataframer-sandbox: ${(error as Error).message}\n`);
    process.exitCode = 1;
  },
);
