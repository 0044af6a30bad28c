import type { CommandUnknownOpts, Option } from '@commander-js/extra-typings';
import type { OutcomeUnknownError } from '@df/node';

/** The parsed options of a create, its own and the global ones, as commander hands them to the handler. */
type CreateFlags = Readonly<Record<string, unknown>>;

// The key the retry must carry is written last, from the error; an option that would hold a credential is never
// written at all, since the command is printed for the terminal, logs and shell history.
const NOT_REPEATED = /^idempotencyKey$|apiKey|token|secret|password/i;

function shellQuote(value: string): string {
  return /^[A-Za-z0-9_./:@%+=,-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/** The words that give `value` to `option` on a command line; none when it holds no more than its default. */
function argsFor(option: Option, value: unknown): string[] {
  const flag = option.long ?? option.short ?? option.flags;
  if (option.negate) return value === false ? [flag] : [];
  if (value === undefined || value === false || value === option.defaultValue) return [];
  if (value === true) return [flag];
  // A parser that turns text into another unit (a duration into milliseconds) says how to write its value back.
  const toArg = (option.parseArg as { toArg?: (parsed: unknown) => string } | undefined)?.toArg ?? String;
  return (option.variadic && Array.isArray(value) ? value : [value]).flatMap((one) => [flag, toArg(one)]);
}

/**
 * The exact command that repeats a create under the same idempotency key: every option the create was given, its
 * own and the global ones, read from the command model (`create` is the `runs create` command that ran), so an
 * option added to `runs create` is repeated too.
 */
export function retryCommand(create: CommandUnknownOpts, options: CreateFlags, key: string): string {
  const args = ['dataframer', 'runs', 'create'];
  const seen = new Set<string>();
  // From the command up to the root: where a name is defined twice, the nearest definition holds the value.
  for (let command: CommandUnknownOpts | null = create; command; command = command.parent) {
    for (const option of command.options) {
      const name = option.attributeName();
      if (seen.has(name) || NOT_REPEATED.test(name)) continue;
      seen.add(name);
      args.push(...argsFor(option, options[name]));
    }
  }
  args.push('--idempotency-key', key);
  return args.map(shellQuote).join(' ');
}

/** What went wrong underneath, from the error's cause (never from the wording of its message). */
function describeCause(cause: unknown): string {
  if (!(cause instanceof Error)) return 'no answer arrived';
  const code = (cause as { causeCode?: string; code?: string }).causeCode ?? ((cause.cause ?? {}) as { code?: string }).code;
  return `${cause.message}${code && !cause.message.includes(code) ? ` (${code})` : ''}`;
}

/**
 * The CLI's own account of a create whose outcome is unknown, built from the error's fields (attempts, cause) and
 * the idempotency key every attempt carried: what happened, how to check, and the command that repeats the create, which is
 * free of a second charge only where the server honours Idempotency-Key.
 */
export function describeUnknownOutcome(error: OutcomeUnknownError, create: CommandUnknownOpts, flags: CreateFlags, key: string): string {
  const attempts = error.attempts === undefined ? '' : `, after ${error.attempts} attempt${error.attempts === 1 ? '' : 's'}`;
  return [
    `the create may or may not have started a run: ${describeCause(error.cause)}${attempts}. It was not repeated automatically because runs cost money.`,
    `Check first whether the run exists: dataframer runs list --since 1h`,
    `If it does not, repeat the create under the same Idempotency-Key ${key}; a server that honours Idempotency-Key answers with the run it already started instead of starting a second one:`,
    retryCommand(create, flags, key),
  ].join('\n');
}
