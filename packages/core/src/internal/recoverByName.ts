import { OutcomeUnknownError } from '../errors/errors';
import type { DataframerError } from '../errors/DataframerError';
import type { LostAnswer } from '../types';

/** How far a server's clock may run behind the client's while an item created by this call still counts as its own. */
const CLOCK_TOLERANCE_MS = 5 * 60 * 1000;

/** What a listed item must show to be taken for the one a lost create made. */
export interface Candidate {
  id: string;
  name?: string | null | undefined;
  created_at?: string | null | undefined;
}

/** What `recoverByName` needs: what was created, how to list its kind, and what else a match must show. */
export interface RecoverByName<T extends Candidate, R> {
  /** `datasets.create`. */
  operation: string;
  /** `dataset` or `spec`. */
  kind: string;
  /** The unique name the create gave it. */
  name: string;
  /** Where to look, for the message (`datasets.list()`). */
  where: string;
  list(call: { signal: AbortSignal; timeoutMs: number }): Promise<T[]>;
  /** Anything else that must match, as a reason it does not (a file count), or undefined. */
  mismatch?(item: T): string | undefined;
  /** Turns the match into the create's answer (fetching the whole item). */
  answer(item: T, call: { signal: AbortSignal; timeoutMs: number }): Promise<R>;
}

/**
 * After a create's answer was lost: names are unique per company, so the item with the create's name is its result
 * when it was created no earlier than this call started (less `CLOCK_TOLERANCE_MS`) and shows nothing else that
 * disagrees. Found, it is returned and reported; otherwise, or when the look-up fails, the outcome stays unknown.
 */
export async function recoverByName<T extends Candidate, R>(lost: LostAnswer, recover: RecoverByName<T, R>): Promise<R> {
  const { operation, kind, name, where } = recover;
  const call = () => ({ signal: lost.signal, timeoutMs: Math.max(1, lost.timeoutMs) });
  const unknown = (found: string, cause: unknown = lost.error) =>
    new OutcomeUnknownError(
      `${lost.error.message} Looking for the ${kind} "${name}" by its name ${found}. Check ${where} for "${name}" before creating it again.`,
      { cause, idempotencyKey: (lost.error as DataframerError & { idempotencyKey?: string }).idempotencyKey ?? '' },
    );
  let items: T[];
  try {
    items = (await recover.list(call())).filter((item) => item.name === name);
  } catch (cause) {
    throw unknown(`failed: ${(cause as Error).message}`, cause);
  }
  const [item] = items;
  if (!item) throw unknown('found none');
  if (items.length > 1) throw unknown(`found ${items.length}`);
  const created = typeof item.created_at === 'string' ? Date.parse(item.created_at) : Number.NaN;
  if (Number.isNaN(created)) throw unknown(`found ${item.id}, without a creation time to tell whether this call made it`);
  if (created < lost.startedAt - CLOCK_TOLERANCE_MS)
    throw unknown(`found ${item.id}, created at ${item.created_at}, before this call started`);
  const mismatch = recover.mismatch?.(item);
  if (mismatch !== undefined) throw unknown(`found ${item.id}, but ${mismatch}`);
  let value: R;
  try {
    value = await recover.answer(item, call());
  } catch (cause) {
    throw unknown(`found ${item.id}, but fetching it failed: ${(cause as Error).message}`, cause);
  }
  lost.report(
    `${operation}: the answer was lost (${lost.error.cause instanceof Error ? lost.error.cause.message : 'unknown'}); ` +
      `the ${kind} "${name}" (${item.id}, created at ${item.created_at}) was found by its name and is returned`,
  );
  return value;
}
