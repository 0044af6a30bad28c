// The one rule that turns what a user typed into an id, whatever the kind.
import { describe, expect, it } from 'vitest';
import { CliError } from '../src/errors';
import { EXIT } from '../src/exitCodes';
import { charactersNeeded, MIN_PREFIX, resolveReference, type ReferenceKind } from '../src/resolveReference';

interface Item {
  id: string;
  name: string;
}

const ITEMS: Item[] = [
  { id: 'aaaa1111-0000-4000-8000-000000000001', name: 'Tickets' },
  { id: 'aaaa1122-0000-4000-8000-000000000002', name: 'tickets' },
  { id: 'bbbb0000-0000-4000-8000-000000000003', name: 'Docs' },
  { id: 'cccc0000-0000-4000-8000-000000000004', name: 'Chats' },
  { id: 'dddd0000-0000-4000-8000-000000000005', name: 'Chats' },
];

/** A kind over ITEMS that counts its list requests. */
function kind(named: boolean): ReferenceKind<Item> & { lists: number } {
  const k = {
    lists: 0,
    noun: 'dataset',
    plural: 'datasets',
    label: 'the dataset',
    list: async () => {
      k.lists++;
      return ITEMS;
    },
    id: (item: Item) => item.id,
    ...(named && { name: (item: Item) => item.name }),
    describe: (item: Item) => `${item.id}  ${item.name}`,
    listCommand: 'dataframer datasets list',
  };
  return k;
}

/** What a reference fails with: its message and exit code. */
async function failure(k: ReferenceKind<Item>, typed: string): Promise<{ message: string; code: number }> {
  try {
    await resolveReference(k, typed);
  } catch (error) {
    if (error instanceof CliError) return { message: error.message, code: error.exitCode };
    throw error;
  }
  throw new Error(`${typed} was taken`);
}

describe('resolveReference', () => {
  it('takes a whole id without asking for the list', async () => {
    const k = kind(true);
    expect(await resolveReference(k, ` ${ITEMS[2]?.id} `)).toBe(ITEMS[2]?.id);
    expect(k.lists).toBe(0);
  });

  it('takes an exact name first, another case only when no name is exact', async () => {
    const k = kind(true);
    expect(await resolveReference(k, 'tickets')).toBe(ITEMS[1]?.id);
    expect(await resolveReference(k, 'DOCS')).toBe(ITEMS[2]?.id);
  });

  it('lists the items an ambiguous name or prefix matches (exit 2), with the characters that tell them apart', async () => {
    expect(await failure(kind(true), 'Chats')).toEqual({
      message: `the dataset "Chats" matches 2 datasets; give the id:\n  ${ITEMS[3]?.id}  Chats\n  ${ITEMS[4]?.id}  Chats`,
      code: EXIT.USAGE,
    });
    expect((await failure(kind(true), 'aaaa11')).message.split('\n')[0]).toBe(
      'the id prefix aaaa11 matches 2 datasets; give at least 7 characters:',
    );
    expect(await resolveReference(kind(true), 'aaaa112')).toBe(ITEMS[1]?.id);
  });

  it('refuses a prefix shorter than the minimum: at once for kinds without names, after the names for the others', async () => {
    const unnamed = kind(false);
    expect(await failure(unnamed, 'bbbb')).toEqual({
      message: `the id prefix bbbb is too short: give at least ${MIN_PREFIX} characters of the dataset id`,
      code: EXIT.USAGE,
    });
    expect(unnamed.lists).toBe(0);
    expect((await failure(kind(true), 'bbbb')).message).toBe(
      `the id prefix bbbb is too short: give at least ${MIN_PREFIX} characters of the dataset id:\n  ${ITEMS[2]?.id}  Docs`,
    );
  });

  it('names what it looked for when nothing matches (exit 1); a kind without names sends a word that is no prefix as typed', async () => {
    expect(await failure(kind(true), 'Nothing')).toEqual({
      message: 'no dataset named "Nothing" (nor with an id starting with it); see: dataframer datasets list',
      code: EXIT.ERROR,
    });
    expect(await failure(kind(false), 'eeee0000')).toEqual({
      message: 'no dataset found with an id starting with eeee0000',
      code: EXIT.ERROR,
    });
    expect(await resolveReference(kind(false), 'not-hex')).toBe('not-hex');
    expect((await failure(kind(true), '  ')).code).toBe(EXIT.USAGE);
  });
});

describe('charactersNeeded', () => {
  it('is one more than the prefix the ids share, and never below the minimum', () => {
    expect(charactersNeeded(['abcdef0123', 'abcdef0199'])).toBe(9);
    expect(charactersNeeded(['ab', 'cd'])).toBe(MIN_PREFIX);
    expect(charactersNeeded(['ABCDEFGH1', 'abcdefgh2'])).toBe(9);
    expect(charactersNeeded(['abcdef0123'])).toBe(MIN_PREFIX);
  });
});
