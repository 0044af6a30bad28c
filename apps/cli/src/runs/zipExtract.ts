import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, open } from 'node:fs/promises';
import { dirname, isAbsolute, resolve, sep } from 'node:path';
import { Unzip, UnzipInflate } from 'fflate';
import { CliError } from '../errors';

/** One entry of a ZIP's central directory: its name and what kind of file it is. */
export interface ZipEntryInfo {
  name: string;
  /** Unix file type bits from the external attributes (0 when the archive did not record one). */
  type: number;
}

const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
const S_IFLNK = 0o120000;

/**
 * Reads the central directory at the end of a ZIP file. fflate's streaming Unzip reads only the local
 * headers, which do not carry the external attributes, so links can only be told from here.
 */
export async function readCentralDirectory(path: string): Promise<ZipEntryInfo[]> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const tailLength = Math.min(size, 22 + 0xffff);
    const tail = Buffer.alloc(tailLength);
    await handle.read(tail, 0, tailLength, size - tailLength);
    let eocd = -1;
    for (let i = tailLength - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === 0x06054b50) {
        eocd = i;
        break;
      }
    }
    if (eocd === -1) throw new CliError(`${path} is not a ZIP archive (no end of central directory); it was kept as it is`);
    const count = tail.readUInt16LE(eocd + 10);
    const cdSize = tail.readUInt32LE(eocd + 12);
    const cdOffset = tail.readUInt32LE(eocd + 16);
    if (count === 0xffff || cdOffset === 0xffffffff)
      throw new CliError(`${path} is a ZIP64 archive, which --extract does not read; unzip it yourself`);
    const cd = Buffer.alloc(cdSize);
    await handle.read(cd, 0, cdSize, cdOffset);
    const entries: ZipEntryInfo[] = [];
    for (let at = 0, n = 0; n < count; n++) {
      if (at + 46 > cd.length || cd.readUInt32LE(at) !== 0x02014b50)
        throw new CliError(`${path} has a damaged central directory; it was kept as it is`);
      const madeBy = cd.readUInt16LE(at + 4) >> 8;
      const utf8 = (cd.readUInt16LE(at + 8) & 0x800) !== 0;
      const nameLength = cd.readUInt16LE(at + 28);
      const extraLength = cd.readUInt16LE(at + 30);
      const commentLength = cd.readUInt16LE(at + 32);
      const attributes = cd.readUInt32LE(at + 38);
      const name = cd.subarray(at + 46, at + 46 + nameLength).toString(utf8 ? 'utf8' : 'latin1');
      // Unix (3) and macOS (19) archivers keep the file mode in the high 16 bits.
      entries.push({ name, type: madeBy === 3 || madeBy === 19 ? (attributes >>> 16) & S_IFMT : 0 });
      at += 46 + nameLength + extraLength + commentLength;
    }
    return entries;
  } finally {
    await handle.close();
  }
}

/** Why an entry must not be written under the target directory, or undefined when it is safe. */
function unsafeReason(entry: ZipEntryInfo, root: string): string | undefined {
  const name = entry.name;
  if (entry.type === S_IFLNK) return 'a symbolic link';
  if (entry.type !== 0 && entry.type !== S_IFREG && entry.type !== S_IFDIR) return 'not a regular file';
  if (name.includes('\0')) return 'a NUL byte in its name';
  if (name.startsWith('/') || name.startsWith('\\') || /^[A-Za-z]:/.test(name) || isAbsolute(name)) return 'an absolute path';
  if (name.split(/[\\/]/).includes('..')) return 'a parent-directory (..) path';
  const target = resolve(root, name);
  if (target !== root && !target.startsWith(root + sep)) return 'a path outside the directory';
  return undefined;
}

function refuse(zip: string, bad: Array<[string, string]>): CliError {
  const shown = bad.slice(0, 5).map(([name, why]) => `  ${JSON.stringify(name)}: ${why}`);
  const more = bad.length > 5 ? [`  and ${bad.length - 5} more`] : [];
  return new CliError(
    `refusing to extract ${zip}: ${bad.length} entr${bad.length === 1 ? 'y' : 'ies'} would not stay inside the target directory, so nothing was extracted:\n${[...shown, ...more].join('\n')}`,
  );
}

/**
 * Unpacks a ZIP file into `root` (created if needed), streamed through fflate: every entry is checked first
 * against the central directory (no `../`, no absolute path, no link), and the archive is refused whole if
 * one fails. Returns the number of files written.
 */
export async function extractZip(zip: string, root: string): Promise<number> {
  const entries = await readCentralDirectory(zip);
  const bad = entries.flatMap((entry): Array<[string, string]> => {
    const why = unsafeReason(entry, root);
    return why ? [[entry.name, why]] : [];
  });
  if (bad.length > 0) throw refuse(zip, bad);
  const known = new Set(entries.map((e) => e.name));
  await mkdir(root, { recursive: true });

  let failure: unknown;
  const writing = new Set<WriteStream>();
  const finished: Array<Promise<void>> = [];
  let files = 0;
  const unzip = new Unzip((file) => {
    // A local header can name a file differently from the central directory; only checked names are written.
    const why = known.has(file.name) ? unsafeReason({ name: file.name, type: 0 }, root) : 'not listed in the central directory';
    if (why) {
      failure ??= refuse(zip, [[file.name, why]]);
      return;
    }
    const target = resolve(root, file.name);
    if (file.name.endsWith('/')) {
      finished.push(mkdir(target, { recursive: true }).then(() => undefined));
      return;
    }
    files++;
    const ready = mkdir(dirname(target), { recursive: true });
    let out: WriteStream | undefined;
    const pending: Uint8Array[] = [];
    let ended = false;
    finished.push(
      ready.then(
        () =>
          new Promise<void>((done, fail) => {
            const stream = createWriteStream(target, { mode: 0o644 });
            out = stream;
            writing.add(stream);
            stream.once('error', fail);
            stream.once('finish', () => {
              writing.delete(stream);
              done();
            });
            for (const chunk of pending.splice(0)) stream.write(chunk);
            if (ended) stream.end();
          }),
      ),
    );
    file.ondata = (error, chunk, final) => {
      if (error) {
        failure ??= new CliError(`the ZIP entry ${file.name} is damaged (${error.message}); extraction stopped`);
        return;
      }
      if (out) out.write(chunk);
      else pending.push(chunk);
      if (final) {
        ended = true;
        out?.end();
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);

  for await (const chunk of createReadStream(zip) as AsyncIterable<Buffer>) {
    unzip.push(chunk);
    if (failure) throw failure;
    // Keep memory flat: wait while any file being written has more buffered than its high-water mark.
    await Promise.all([...writing].filter((s) => s.writableNeedDrain).map((s) => new Promise<void>((r) => s.once('drain', () => r()))));
  }
  unzip.push(new Uint8Array(0), true);
  if (failure) throw failure;
  await Promise.all(finished);
  return files;
}
