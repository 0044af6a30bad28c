// Tables that keep what users copy, text wrapped between words, and counted nouns.
import { describe, expect, it } from 'vitest';
import { counted, printTable, shownColumns, wrapText } from '../src/format';
import { createIo } from '../src/io';
import { bufferContext } from './support/cli';

describe('tables', () => {
  const columns = [
    { header: 'ID', keep: true },
    { header: 'NAME', keep: true },
    { header: 'TYPE' },
    { header: 'CREATED', optional: true },
    { header: 'DESCRIPTION', flexible: true, optional: true },
  ];
  const row = ['3f2a9c1e', 'Support tickets of the spring', 'MULTI_FOLDER', '3d ago', 'Tickets from the help desk, one a row'];

  it('leaves out optional columns, the rightmost first, only when cutting the flexible ones is not enough', () => {
    const widths = row.map((cell) => cell.length);
    expect(shownColumns(widths, columns, 200)).toEqual([0, 1, 2, 3, 4]);
    // The description cut to its header still fits: nothing goes.
    expect(shownColumns(widths, columns, 8 + 29 + 12 + 7 + 11 + 2 * 4)).toEqual([0, 1, 2, 3, 4]);
    expect(shownColumns(widths, columns, 8 + 29 + 12 + 7 + 2 * 3)).toEqual([0, 1, 2, 3]);
    expect(shownColumns(widths, columns, 8 + 29 + 12 + 2 * 2)).toEqual([0, 1, 2]);
  });

  it.each([40, 60, 80, 120])('never cuts a kept column, at %i columns: the others give way', async (width) => {
    const { ctx, out, dispose } = bufferContext({ tty: { stdout: true, columns: width } });
    try {
      await printTable(createIo(ctx, { color: false }), columns, [row], []);
      const [header = '', line = ''] = out().trimEnd().split('\n');
      expect(line.startsWith('3f2a9c1e  Support tickets of the spring  ')).toBe(true);
      // The kept columns alone take 39 characters and the type's header 4 more: anything wider fits the width.
      if (width >= 43) expect([...line].length).toBeLessThanOrEqual(width);
      expect(header.startsWith('ID        NAME')).toBe(true);
    } finally {
      dispose();
    }
  });
});

describe('wrapText', () => {
  it('wraps between words to the width, keeping an indent and an over-long word whole', () => {
    const id = '3f2a9c1e-0000-4000-8000-000000000001';
    expect(wrapText(`Created dataset "Support tickets" (${id}): SINGLE_FILE, 1 file`, 40)).toBe(
      `Created dataset "Support tickets"\n(${id}):\nSINGLE_FILE, 1 file`,
    );
    expect(wrapText('error: two problems:\n  first.csv: no such file here', 20)).toBe(
      'error: two problems:\n  first.csv: no such\n  file here',
    );
    expect(wrapText(`${id}${id}`, 20)).toBe(`${id}${id}`);
    expect(wrapText('short', 80)).toBe('short');
  });
});

describe('counted', () => {
  it('puts the noun in the plural for every count but one', () => {
    expect([0, 1, 2].map((n) => counted(n, 'file'))).toEqual(['0 files', '1 file', '2 files']);
    expect(counted(3, 'entry', 'entries')).toBe('3 entries');
  });
});
