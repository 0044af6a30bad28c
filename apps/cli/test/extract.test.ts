import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { extractZip, readCentralDirectory } from '../src/runs/zipExtract';
import { tempDir } from './support/cli';

const UNIX = 3;
const link = (target: string): Zippable[string] => [strToU8(target), { os: UNIX, attrs: (0o120777 << 16) >>> 0 }];

function zipFile(entries: Zippable): string {
  const path = join(tempDir('dataframer-zip-'), 'archive.zip');
  writeFileSync(path, zipSync(entries));
  return path;
}

describe('ZIP extraction', () => {
  it('unpacks files and folders, streamed, into the target directory', async () => {
    const big = 'x'.repeat(3_000_000);
    const zip = zipFile({
      'samples.jsonl': strToU8('{"a":1}\n'),
      'nested/deeper/file.txt': strToU8('hello'),
      'big.txt': strToU8(big),
      'empty/': new Uint8Array(0),
    });
    const root = join(tempDir(), 'out');
    expect(await extractZip(zip, root)).toBe(3);
    expect(readFileSync(join(root, 'samples.jsonl'), 'utf8')).toBe('{"a":1}\n');
    expect(readFileSync(join(root, 'nested/deeper/file.txt'), 'utf8')).toBe('hello');
    expect(readFileSync(join(root, 'big.txt'), 'utf8')).toBe(big);
    expect(existsSync(join(root, 'empty'))).toBe(true);
  });

  it('reads entry types from the central directory', async () => {
    const zip = zipFile({ 'a.txt': strToU8('a'), l: link('/etc/passwd') });
    expect(await readCentralDirectory(zip)).toEqual([
      { name: 'a.txt', type: 0 },
      { name: 'l', type: 0o120000 },
    ]);
  });

  it.each<[string, Zippable, RegExp]>([
    [
      'a parent-directory path',
      { 'ok.txt': strToU8('ok'), '../escape.txt': strToU8('x') },
      /"\.\.\/escape\.txt": a parent-directory \(\.\.\) path/,
    ],
    ['a nested parent-directory path', { 'a/../../escape.txt': strToU8('x') }, /a parent-directory/],
    ['an absolute path', { '/tmp/absolute.txt': strToU8('x') }, /"\/tmp\/absolute\.txt": an absolute path/],
    ['a Windows drive path', { 'C:/windows.txt': strToU8('x') }, /an absolute path/],
    ['a backslash path', { '..\\escape.txt': strToU8('x') }, /a parent-directory/],
    ['a symbolic link', { 'ok.txt': strToU8('ok'), link: link('/etc/passwd') }, /"link": a symbolic link/],
  ])('refuses an archive with %s, writing nothing', async (_, entries, message) => {
    const zip = zipFile(entries);
    const parent = tempDir();
    const root = join(parent, 'run-x');
    await expect(extractZip(zip, root)).rejects.toThrow(message);
    await expect(extractZip(zip, root)).rejects.toThrow(/refusing to extract .*nothing was extracted/);
    expect(existsSync(root)).toBe(false);
    expect(readdirSync(parent)).toEqual([]);
    expect(existsSync(join(parent, 'escape.txt'))).toBe(false);
  });

  it('refuses a file that is not a ZIP archive', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'x'));
    const path = join(dir, 'not.zip');
    writeFileSync(path, 'plain text, not a zip');
    await expect(extractZip(path, join(dir, 'out'))).rejects.toThrow(/is not a ZIP archive/);
  });
});
