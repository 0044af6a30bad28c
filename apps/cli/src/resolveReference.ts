import { CliError, usageError } from './errors';
import { FULL_ID } from './readId';

/** The shortest id prefix taken back; tables on a terminal show 8 characters (`SHORT_ID`). */
export const MIN_PREFIX = 6;

/** What could be an id prefix: hex digits and dashes, starting with a digit. */
const HEXISH = /^[0-9a-f][0-9a-f-]*$/i;

/** The kind of thing a reference names (runs, specs, datasets), and how to find and show one. */
export interface ReferenceKind<T> {
  /** `run`, `spec`, `dataset`. */
  noun: string;
  /** `runs`, `specs`, `datasets`. */
  plural: string;
  /** The argument as messages name it: `--spec`, `the dataset`. */
  label: string;
  /** Every item of the kind, fetched only when the reference is not a whole id. */
  list(): Promise<T[]>;
  /** Its id. */
  id(item: T): string | null | undefined;
  /** Its name, for kinds that have names; without it only ids and id prefixes are taken. */
  name?(item: T): string | null | undefined;
  /** One line naming a candidate of an ambiguous reference: the id first. */
  describe(item: T): string;
  /** The command that lists the kind, for a reference that names nothing. */
  listCommand: string;
}

/** How many characters tell these ids apart: one more than the prefix they all share, and never fewer than MIN_PREFIX. */
export function charactersNeeded(ids: readonly string[]): number {
  if (ids.length < 2) return MIN_PREFIX;
  const [first = '', ...rest] = ids.map((id) => id.toLowerCase());
  let shared = first.length;
  for (const id of rest) {
    let i = 0;
    while (i < shared && i < id.length && id[i] === first[i]) i++;
    shared = i;
  }
  return Math.max(MIN_PREFIX, shared + 1);
}

/**
 * Turns what the user typed into an id, one rule for every kind: a whole id is used as it is (no request); otherwise
 * the kind's list is fetched once and the reference is an exact name (a name of another case when no name matches
 * exactly), or an id prefix of at least MIN_PREFIX characters. Several matches are listed with how many characters
 * tell them apart, and a prefix too short is refused the same way (exit 2); a reference that names nothing is an
 * error (exit 1). For kinds without names, a reference that cannot be an id prefix goes to the server as typed.
 */
export async function resolveReference<T>(kind: ReferenceKind<T>, typed: string): Promise<string> {
  const ref = typed.trim();
  if (ref === '') throw usageError(`${kind.label} is empty: give a ${kind.noun} ${kind.name ? 'name or id' : 'id'}`);
  if (FULL_ID.test(ref)) return ref;
  const hexish = HEXISH.test(ref);
  if (!kind.name) {
    if (!hexish) return ref;
    // No name can be meant: a prefix too short is refused before anything is asked of the server.
    if (ref.length < MIN_PREFIX)
      throw usageError(`the id prefix ${ref} is too short: give at least ${MIN_PREFIX} characters of the ${kind.noun} id`);
  }
  const items = await kind.list();
  const idOf = (item: T) => kind.id(item) ?? '';
  const listed = (matches: T[]) => matches.map((item) => `  ${kind.describe(item)}`).join('\n');
  if (kind.name) {
    const nameOf = (item: T) => kind.name?.(item)?.trim() ?? '';
    const exact = items.filter((item) => nameOf(item) === ref);
    const lower = ref.toLowerCase();
    const byName = exact.length > 0 ? exact : items.filter((item) => nameOf(item).toLowerCase() === lower);
    const [only] = byName;
    if (only && byName.length === 1) return idOf(only);
    if (byName.length > 1)
      throw usageError(`${kind.label} "${ref}" matches ${byName.length} ${kind.plural}; give the id:\n${listed(byName)}`);
  }
  const lower = ref.toLowerCase();
  const byId = hexish ? items.filter((item) => idOf(item).toLowerCase().startsWith(lower)) : [];
  const needed = charactersNeeded(byId.map(idOf));
  if (byId.length > 0 && ref.length < MIN_PREFIX)
    throw usageError(`the id prefix ${ref} is too short: give at least ${needed} characters of the ${kind.noun} id:\n${listed(byId)}`);
  const [only] = byId;
  if (only && byId.length === 1) return idOf(only);
  if (byId.length > 1)
    throw usageError(`the id prefix ${ref} matches ${byId.length} ${kind.plural}; give at least ${needed} characters:\n${listed(byId)}`);
  if (!kind.name) throw new CliError(`no ${kind.noun} found with an id starting with ${ref}`);
  throw new CliError(`no ${kind.noun} named "${ref}" (nor with an id starting with it); see: ${kind.listCommand}`);
}
