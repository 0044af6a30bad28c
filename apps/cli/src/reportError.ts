import { API_KEY_LOCATION } from '@df/core/constants';
import { maskKey, RequestValidationError, type ApiError } from '@df/node';
import type { ResolvedAuth } from './config';
import { CliError } from './errors';
import { EXIT } from './exitCodes';
import { tell } from './format';
import type { Io } from './io';

/** Where API keys come from, for the messages of a rejected key. */
export const KEY_HELP = `Keys are under ${API_KEY_LOCATION}; store one with: dataframer auth login`;

/** The SDK's parameter names as the user wrote them on the command line. */
const FLAG_FOR: Record<string, string> = {
  runId: 'the run id argument',
  specId: 'the spec id argument',
  spec_id: '--spec',
  number_of_samples: '--samples',
  spec_version: '--spec-version',
  generation_model: '--model',
  outline_model: '--outline-model',
  revision_model: '--revision-model',
  max_revision_cycles: '--max-revision-cycles',
  max_examples_in_prompt: '--max-examples',
  seed_shuffling_level: '--seed-shuffling',
  skip_outline: '--skip-outline',
  offset: '--offset',
  limit: '--limit',
  idempotencyKey: '--idempotency-key',
};

/** A parameter problem found by the SDK, in the command line's words (flags and arguments, not `runId`). */
export function describeRequestValidation(error: RequestValidationError): string {
  const parts = error.issues.map((issue) => {
    const flag = FLAG_FOR[issue.path];
    // The SDK names its own parameters (spec_id, runId); where a message does, the flag takes the name's place.
    return flag && issue.path && issue.message.includes(issue.path) ? issue.message.split(issue.path).join(flag) : issue.message;
  });
  return `invalid input: ${parts.join('; ')}`;
}

function keyInUse(auth: ResolvedAuth | undefined): string {
  if (!auth?.apiKey) return 'the API key';
  return `the API key ${maskKey(auth.apiKey)} (from ${auth.keySource})`;
}

const STATUS_WORD: Record<number, string> = { 401: 'Unauthorized', 403: 'Forbidden' };

/**
 * A 401 or 403 in the CLI's words, from the error's fields rather than its message: the SDK names the key's
 * source as it was handed over (an option), while only the CLI knows where the user put it.
 */
function keyRefusal(error: ApiError, advice: string): string {
  const fields = Object.entries(error.fieldErrors ?? {}).map(([field, messages]) => `${field}: ${messages.join(' ')}`);
  const reason = error.detail ?? (fields.join('; ') || 'the answer gave no reason');
  const request = error.request ? ` from ${error.request}` : '';
  const id = error.requestId ? ` [request id ${error.requestId}]` : '';
  return `${error.status} ${STATUS_WORD[error.status] ?? 'HTTP error'}${request}: ${reason} — ${advice}${id}`;
}

/** What went wrong, as one line, and the exit code it ends the command with. */
function describeError(error: unknown, auth?: ResolvedAuth, timeout?: string): { message: string; code: number } {
  if (error instanceof CliError) return { message: error.message, code: error.exitCode };
  if (error instanceof RequestValidationError) return { message: describeRequestValidation(error), code: EXIT.USAGE };
  const e = (error ?? {}) as { code?: string; message?: string };
  const message = e.message ?? String(error);
  switch (e.code) {
    case 'authentication':
      return {
        message: keyRefusal(error as ApiError, `the server rejected ${keyInUse(auth)}. Check it with: dataframer auth status. ${KEY_HELP}`),
        code: EXIT.AUTH,
      };
    case 'permission_denied':
      return {
        message: keyRefusal(
          error as ApiError,
          `${keyInUse(auth)} is valid but lacks permission for this; use a key of an account that may do it`,
        ),
        code: EXIT.ERROR,
      };
    case 'timeout':
      return { message: timeout ? `${message} (the limit set by --timeout ${timeout})` : message, code: EXIT.ERROR };
    case 'aborted':
      return { message: 'interrupted', code: EXIT.INTERRUPTED };
    default:
      return { message, code: EXIT.ERROR };
  }
}

/** An error message as every error of the CLI starts: `error:` (in red on a terminal), then the message. */
export function errorLine(io: Io, message: string): string {
  return `${io.errStyle.red('error:')} ${message}`;
}

/** Prints one readable, redacted line for an error on stderr (the stack too under --debug) and returns the exit code. */
export function reportError(error: unknown, io: Io, options: { debug?: boolean; auth?: ResolvedAuth; timeout?: string } = {}): number {
  const { message, code } = describeError(error, options.auth, options.timeout);
  // On a terminal the message wraps between words, never inside an id or a path.
  tell(io, errorLine(io, message));
  const stack = (error as { stack?: string } | undefined)?.stack;
  if (options.debug && stack) io.info(stack);
  return code;
}
