import type { OutcomeUnknownError } from '@df/node';

/** The create flags a retry must repeat, as the user gave them. */
export interface CreateFlags {
  spec: string;
  samples: number;
  specVersion?: number | undefined;
  model?: string | undefined;
  outlineModel?: string | undefined;
  revisionModel?: string | undefined;
  maxRevisionCycles?: number | undefined;
  maxExamples?: number | undefined;
  seedShuffling?: string | undefined;
  skipOutline?: boolean | undefined;
}

function shellQuote(value: string): string {
  return /^[A-Za-z0-9_./:@%+=,-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/** The exact command that repeats a create under the same idempotency key. */
export function retryCommand(options: CreateFlags, key: string): string {
  const args = ['dataframer', 'runs', 'create', '--spec', options.spec, '--samples', String(options.samples)];
  const add = (flag: string, value: string | number | undefined) => {
    if (value !== undefined) args.push(flag, String(value));
  };
  add('--spec-version', options.specVersion);
  add('--model', options.model);
  add('--outline-model', options.outlineModel);
  add('--revision-model', options.revisionModel);
  add('--max-revision-cycles', options.maxRevisionCycles);
  add('--max-examples', options.maxExamples);
  add('--seed-shuffling', options.seedShuffling);
  if (options.skipOutline) args.push('--skip-outline');
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
 * The CLI's own account of a create whose outcome is unknown, built from the error's fields (idempotency
 * key, attempts, cause): what happened, how to check, and the command that repeats the create, which is
 * free of a second charge only where the server honours Idempotency-Key.
 */
export function describeUnknownOutcome(error: OutcomeUnknownError, flags: CreateFlags): string {
  const attempts = error.attempts === undefined ? '' : `, after ${error.attempts} attempt${error.attempts === 1 ? '' : 's'}`;
  return [
    `the create may or may not have started a run: ${describeCause(error.cause)}${attempts}. It was not repeated automatically because runs cost money.`,
    `Check first whether the run exists: dataframer runs list --since 1h`,
    `If it does not, repeat the create under the same Idempotency-Key ${error.idempotencyKey}; a server that honours Idempotency-Key answers with the run it already started instead of starting a second one:`,
    retryCommand(flags, error.idempotencyKey),
  ].join('\n');
}
