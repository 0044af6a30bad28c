import { EXIT } from './exitCodes';

/** An error the CLI raises itself, with the exit code it ends with. */
export class CliError extends Error {
  override readonly name = 'CliError';
  constructor(
    message: string,
    readonly exitCode: number = EXIT.ERROR,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** A usage error found after parsing (a bad filter, a missing --yes, an ambiguous id prefix): exit 2. */
export function usageError(message: string): CliError {
  return new CliError(message, EXIT.USAGE);
}
