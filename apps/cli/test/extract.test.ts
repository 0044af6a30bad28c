import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { EXTRACT_LIMITS, extractZip, readCentralDirectory } from '../src/runs/zipExtract';
import { tempDir as newTempDir } from './support/cli';

const UNIX = 3;
const link = (target: string): Zippable[string] => [strToU8(target), { os: UNIX, attrs: (0o120777 << 16) >>> 0 }];

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh, empty directory, removed after the test. */
function tempDir(prefix?: string): string {
  const dir = newTempDir(prefix);
  made.push(dir);
  return dir;
}

/** Writes a ZIP file; `patch` may rewrite its bytes first (a central directory that lies). */
function zipFile(entries: Zippable, patch?: (zip: Uint8Array) => void): string {
  const path = join(tempDir('dataframer-zip-'), 'archive.zip');
  const zip = zipSync(entries, { level: 0 });
  patch?.(zip);
  writeFileSync(path, zip);
  return path;
}

/** Sets the uncompressed size a ZIP's central directory declares for each entry, in order. */
const declareSizes =
  (...sizes: number[]) =>
  (zip: Uint8Array): void => {
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    let at = view.getUint32(zip.length - 22 + 16, true);
    for (const size of sizes) {
      view.setUint32(at + 24, size, true);
      at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    }
  };

/** Replaces every occurrence of one name by another of the same length, in the local headers and the central directory. */
const rename =
  (from: string, to: string) =>
  (zip: Uint8Array): void => {
    const [a, b] = [strToU8(from), strToU8(to)];
    for (let i = 0; i + a.length <= zip.length; i++) if (a.every((byte, k) => zip[i + k] === byte)) zip.set(b, i);
  };

/** Runs an extraction expected to be refused, and checks it wrote nothing: not even the target directory. */
async function expectRefused(zip: string, message: RegExp, options?: Parameters<typeof extractZip>[2]): Promise<void> {
  const parent = tempDir();
  const root = join(parent, 'run-x');
  await expect(extractZip(zip, root, options)).rejects.toThrow(message);
  expect(readdirSync(parent)).toEqual([]);
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

  it('reads entry types and declared sizes from the central directory', async () => {
    const zip = zipFile({ 'a.txt': strToU8('a'), l: link('/etc/passwd') });
    expect(await readCentralDirectory(zip)).toEqual([
      { name: 'a.txt', type: 0, size: 1 },
      { name: 'l', type: 0o120000, size: '/etc/passwd'.length },
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

  it.each([
    [
      'more entries than the limit',
      { a: strToU8('a'), b: strToU8('b'), c: strToU8('c'), d: strToU8('d') },
      { maxEntries: 3 },
      /it has 4 entries, over the limit of 3; nothing was extracted/,
    ],
    [
      'entries declaring more bytes than the limit',
      { a: strToU8('x'.repeat(60)), b: strToU8('y'.repeat(41)) },
      { maxTotalBytes: 100 },
      /its entries declare 101 B \(101 bytes\) unpacked, over the limit of 100 B; nothing was extracted/,
    ],
  ])('refuses an archive with %s before writing anything', async (_, entries, limits, message) => {
    const zip = zipFile(entries);
    await expectRefused(zip, message, { limits });
    const within = join(tempDir(), 'out');
    const exact = { maxEntries: Object.keys(entries).length, maxTotalBytes: 101 };
    expect(await extractZip(zip, within, { limits: exact })).toBe(Object.keys(entries).length);
  });

  it('refuses, with the default limits, an archive of more than 50,000 entries', async () => {
    const count = EXTRACT_LIMITS.maxEntries + 1;
    const zip = zipFile(Object.fromEntries(Array.from({ length: count }, (_, i) => [`f${i}`, new Uint8Array(0)])));
    await expectRefused(zip, new RegExp(`it has ${count} entries, over the limit of 50000; nothing was extracted`));
  });

  it('refuses, with the default limits, an archive whose entries declare more than 10 GiB', async () => {
    const zip = zipFile({ a: strToU8('a'), b: strToU8('b'), c: strToU8('c') }, declareSizes(0xf0000000, 0xf0000000, 0xf0000000));
    await expectRefused(zip, /declare 12\.1 GB \(12079595520 bytes\) unpacked, over the limit of 10\.7 GB/);
  });

  it('stops at an entry that unpacks to more bytes than it declares, and removes what it wrote', async () => {
    const zip = zipFile({ 'first.txt': strToU8('first'), 'bomb.txt': strToU8('z'.repeat(200_000)) }, declareSizes(5, 1000));
    await expectRefused(
      zip,
      /the ZIP entry bomb\.txt is damaged \(it unpacks to more than the 1000 bytes it declares\); extraction stopped, nothing was kept/,
    );
  });

  it('stops at an entry that unpacks to fewer bytes than it declares', async () => {
    const zip = zipFile({ 'short.txt': strToU8('only 17 bytes....') }, declareSizes(5000));
    await expectRefused(zip, /the ZIP entry short\.txt is damaged \(it unpacks to 17 of the 5000 bytes it declares\)/);
  });

  it('refuses an archive that lists one name twice (the second entry would replace the first)', async () => {
    const zip = zipFile({ 'a.txt': strToU8('first'), 'b.txt': strToU8('second') }, rename('b.txt', 'a.txt'));
    await expectRefused(zip, /refusing to extract .*\n {2}"a\.txt": listed twice/);
  });

  it('stops when its signal fires, removing what it wrote, and throws the signal’s reason', async () => {
    const entries = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`part-${i}.bin`, new Uint8Array(200_000).fill(i)]));
    const zip = zipFile(entries);
    const controller = new AbortController();
    let checks = 0;
    // Fires between two chunks of the archive, once extraction is under way.
    const signal = {
      throwIfAborted() {
        if (++checks === 4) controller.abort(new Error('stopped by the caller'));
        controller.signal.throwIfAborted();
      },
    } as AbortSignal;
    await expectRefused(zip, /stopped by the caller/, { signal });
    expect(checks).toBe(4);
  });
});
