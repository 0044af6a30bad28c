// Tables that keep what users copy, text and help wrapped between words, counted nouns, and costs told from their limit.
import { describe, expect, it } from 'vitest';
import { counted, moneyApart, moneyExact, printTable, shownColumns } from '../src/format';
import { fitHelpText, wrapHanging, wrapText } from '../src/wrapText';
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

describe('wrapHanging', () => {
  it('goes on under the hanging column, starts with its head as given, and never cuts a word', () => {
    const example = '  $ dataframer runs create --spec 3f2a9c1e --samples 100 --wait --max-cost 5';
    expect(wrapHanging(example, 40, 6)).toBe('  $ dataframer runs create --spec\n      3f2a9c1e --samples 100 --wait\n      --max-cost 5');
    // A given head keeps its own spacing (the two columns of a `key  value` line).
    expect(wrapHanging('status      the run is still PROCESSING', 24, 12, 'status      ')).toBe(
      'status      the run is\n            still\n            PROCESSING',
    );
    const url = 'https://example.com/a/path/longer/than/the/width';
    expect(wrapHanging(`see ${url} now`, 20, 2)).toBe(`see\n  ${url}\n  now`);
    expect(wrapHanging('fits as it is', 13, 4)).toBe('fits as it is');
  });
});

describe('fitHelpText', () => {
  const help = [
    'Usage: dataframer runs create [options]',
    '',
    'Starts a run of a spec; prints only its id on stdout, so that',
    'scripts can capture it.',
    '',
    'Options:',
    '  -n, --samples <n>  how many samples to generate, from 1 to the most a run may ask for',
    '',
    'Examples:',
    '  $ dataframer runs create --spec 3f2a9c1e --samples 100 --wait --max-cost 5',
    '',
  ].join('\n');

  it('joins a paragraph, then wraps prose at the margin, descriptions under themselves and examples under their command', () => {
    expect(fitHelpText(help, 50)).toBe(
      [
        'Usage: dataframer runs create [options]',
        '',
        'Starts a run of a spec; prints only its id on',
        'stdout, so that scripts can capture it.',
        '',
        'Options:',
        '  -n, --samples <n>  how many samples to generate,',
        '                     from 1 to the most a run may',
        '                     ask for',
        '',
        'Examples:',
        '  $ dataframer runs create --spec 3f2a9c1e',
        '      --samples 100 --wait --max-cost 5',
        '',
      ].join('\n'),
    );
  });

  it('hangs a description four columns in when under its column too little room would be left', () => {
    const lines = fitHelpText(help, 40).split('\n');
    const option = lines.slice(lines.indexOf('Options:') + 1, lines.indexOf('Options:') + 4);
    expect(option).toEqual(['  -n, --samples <n>  how many samples to', '      generate, from 1 to the most a run', '      may ask for']);
  });
});

describe('costs against a limit', () => {
  it('moneyApart shows as many decimals as tell a cost from its limit, two at least, a millionth at most', () => {
    expect(moneyApart(0.052, 0.05)).toBe('$0.052');
    expect(moneyApart(3.0004, 3)).toBe('$3.0004');
    expect(moneyApart(3.36, 3)).toBe('$3.36');
    expect(moneyApart(3, 3)).toBe('$3.00');
    expect(moneyApart(3.0000001, 3)).toBe('$3.000000');
    expect(moneyApart(null, 3)).toBe('-');
  });

  it('moneyExact shows a limit as typed, with two decimals at least', () => {
    expect(moneyExact(0.05)).toBe('$0.05');
    expect(moneyExact(0.125)).toBe('$0.125');
    expect(moneyExact(2.5)).toBe('$2.50');
    expect(moneyExact(3)).toBe('$3.00');
    expect(moneyExact(0.0000001)).toBe('$0.000000');
  });
});
