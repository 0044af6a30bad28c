import { EXIT } from './exitCodes';
import { redactSecrets, type Io } from './io';

/** An error the CLI raises itself, with the exit code it ends with. */
export class CliError extends Error {
  override readonly name = 'CliError';
  constructor(
    message: string,
    readonly exitCode: number = EXIT.ERROR,
  ) {
    super(message);
  }
}

/** A usage error found after parsing (a bad filter, a missing --yes): exit 2. */
export function usageError(message: string): CliError {
  return new CliError(message, EXIT.USAGE);
}

interface ErrorLike {
  name?: string;
  code?: string;
  message?: string;
  stack?: string;
  status?: number;
  idempotencyKey?: string;
  retryCommand?: string;
}

/** Prints one readable, redacted line for an error on stderr (the stack too under --debug) and returns the exit code. */
export function reportError(error: unknown, globals: { debug?: boolean }, io?: Io): number {
  const e = (error ?? {}) as ErrorLike;
  let message = e.message ?? String(error);
  let code: number = EXIT.ERROR;
  if (error instanceof CliError) {
    code = error.exitCode;
  } else {
    switch (e.code) {
      case 'authentication':
        code = EXIT.AUTH;
        message = `${message} — the API key was rejected; check it with: dataframer auth status`;
        break;
      case 'permission_denied':
        message = `${message} — the key may not do this`;
        break;
      case 'outcome_unknown':
        message =
          `the create may or may not have started a run (${causeOf(error, message)}). It was not retried because runs cost money. ` +
          `Check with "dataframer runs list", or retry safely with the same idempotency key ${e.idempotencyKey}: ${e.retryCommand ?? `dataframer runs create ... --idempotency-key ${e.idempotencyKey}`}`;
        break;
      case 'request_validation':
        code = EXIT.USAGE;
        break;
      case 'aborted':
        code = EXIT.INTERRUPTED;
        message = 'interrupted';
        break;
      default:
        break;
    }
  }
  const write = (text: string) => process.stderr.write(`${redactSecrets(text, io?.secrets ?? [])}\n`);
  write(`${io?.errStyle.red('error:') ?? 'error:'} ${message}`);
  if (globals.debug && e.stack) write(e.stack);
  return code;
}

function causeOf(error: unknown, message: string): string {
  const cause = (error as { cause?: { message?: string } }).cause?.message;
  if (cause) return cause;
  return /may or may not have started a run: (.*?)\. It was not retried/.exec(message)?.[1] ?? 'no answer arrived';
}
