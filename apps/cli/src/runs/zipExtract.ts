import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, open, rm } from 'node:fs/promises';
import { dirname, isAbsolute, resolve, sep } from 'node:path';
import { Unzip, UnzipInflate } from 'fflate';
import { CliError } from '../errors';
import { bytes } from '../format';

/** One entry of a ZIP's central directory: its name, what kind of file it is and the size it declares unpacked. */
export interface ZipEntryInfo {
  name: string;
  /** Unix file type bits from the external attributes (0 when the archive did not record one). */
  type: number;
  /** Uncompressed size in bytes, as the central directory declares it. */
  size: number;
}

/** How much --extract unpacks at most; an archive over either limit is refused before anything is written. */
export interface ExtractLimits {
  maxEntries: number;
  /** Sum of the entries' declared uncompressed sizes. */
  maxTotalBytes: number;
}

/**
 * The limits of --extract. Generated files are a few megabytes; these only stop an archive built to fill the disk.
 * Without ZIP64 (which --extract refuses) an archive holds at most 65,535 entries, so a higher entry limit would never apply.
 */
export const EXTRACT_LIMITS: ExtractLimits = { maxEntries: 50_000, maxTotalBytes: 10 * 1024 ** 3 };

/** Options of `extractZip`. */
export interface ExtractOptions {
  /** Stops the extraction (between chunks); what was written is removed and the signal's reason is thrown. */
  signal?: AbortSignal;
  /** Lower limits than `EXTRACT_LIMITS`. */
  limits?: Partial<ExtractLimits>;
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
      const size = cd.readUInt32LE(at + 24);
      if (size === 0xffffffff || cd.readUInt32LE(at + 20) === 0xffffffff)
        throw new CliError(`${path} is a ZIP64 archive, which --extract does not read; unzip it yourself`);
      const name = cd.subarray(at + 46, at + 46 + nameLength).toString(utf8 ? 'utf8' : 'latin1');
      // Unix (3) and macOS (19) archivers keep the file mode in the high 16 bits.
      entries.push({ name, type: madeBy === 3 || madeBy === 19 ? (attributes >>> 16) & S_IFMT : 0, size });
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
    `refusing to extract ${zip}: ${bad.length} entr${bad.length === 1 ? 'y is' : 'ies are'} unsafe (outside the target directory, a link, or a name listed twice), so nothing was extracted:\n${[...shown, ...more].join('\n')}`,
  );
}

/** Refuses an archive over a limit, before anything is written. */
function overLimit(zip: string, entries: ZipEntryInfo[], limits: ExtractLimits): CliError | undefined {
  const refusing = `refusing to extract ${zip}:`;
  if (entries.length > limits.maxEntries)
    return new CliError(`${refusing} it has ${entries.length} entries, over the limit of ${limits.maxEntries}; nothing was extracted`);
  const total = entries.reduce((sum, entry) => sum + entry.size, 0);
  if (total > limits.maxTotalBytes)
    return new CliError(
      `${refusing} its entries declare ${bytes(total)} (${total} bytes) unpacked, over the limit of ${bytes(limits.maxTotalBytes)}; nothing was extracted`,
    );
  return undefined;
}

/**
 * Unpacks a ZIP file into `root` (created if needed), streamed through fflate: every entry is checked first
 * against the central directory (no `../`, no absolute path, no link; the entry count and the declared unpacked
 * size within `limits`), and the archive is refused whole if one fails. An entry that unpacks to more or fewer bytes
 * than it declares stops the extraction; on any failure, or when `signal` fires, a `root` this call created is removed.
 * Returns the number of files written.
 */
export async function extractZip(zip: string, root: string, options: ExtractOptions = {}): Promise<number> {
  const { signal } = options;
  signal?.throwIfAborted();
  const entries = await readCentralDirectory(zip);
  // Bytes each name may still unpack to: what the central directory declares for it.
  const budget = new Map<string, number>();
  const bad = entries.flatMap((entry): Array<[string, string]> => {
    // A second entry of the same name would silently replace the first.
    const why = budget.has(entry.name) ? 'listed twice' : unsafeReason(entry, root);
    budget.set(entry.name, entry.size);
    return why ? [[entry.name, why]] : [];
  });
  if (bad.length > 0) throw refuse(zip, bad);
  const refused = overLimit(zip, entries, { ...EXTRACT_LIMITS, ...options.limits });
  if (refused) throw refused;
  const created = await mkdir(root, { recursive: true });

  let failure: unknown;
  let stopped = false;
  const writing = new Set<WriteStream>();
  const finished: Array<Promise<void>> = [];
  let files = 0;
  const unzip = new Unzip((file) => {
    // A local header can name a file differently from the central directory; only checked names are written.
    const why = budget.has(file.name) ? unsafeReason({ name: file.name, type: 0, size: 0 }, root) : 'not listed in the central directory';
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
    let written = 0;
    finished.push(
      ready.then(
        () =>
          new Promise<void>((done, fail) => {
            if (stopped) return done();
            const stream = createWriteStream(target, { mode: 0o644 });
            out = stream;
            writing.add(stream);
            stream.once('error', fail);
            // 'close' follows 'finish' once the file is closed, and also ends a stream destroyed by a failure.
            stream.once('close', () => {
              writing.delete(stream);
              done();
            });
            for (const chunk of pending.splice(0)) stream.write(chunk);
            if (ended) stream.end();
          }),
      ),
    );
    file.ondata = (error, chunk, final) => {
      const declared = budget.get(file.name) ?? 0;
      written += chunk?.length ?? 0;
      const damage = error ? error.message : written > declared ? `more than the ${declared} bytes it declares` : undefined;
      const short = final && !damage && written < declared ? `${written} of the ${declared} bytes it declares` : undefined;
      if (damage || short) {
        failure ??= new CliError(
          `the ZIP entry ${file.name} is damaged (it unpacks to ${damage ?? short}); extraction stopped, nothing was kept`,
        );
        file.terminate();
        return;
      }
      if (out) out.write(chunk);
      else pending.push(chunk);
      if (final) {
        // A later local header of the same name (not in the central directory) may add nothing.
        budget.set(file.name, 0);
        ended = true;
        out?.end();
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);

  try {
    for await (const chunk of createReadStream(zip) as AsyncIterable<Buffer>) {
      unzip.push(chunk);
      if (failure) throw failure;
      signal?.throwIfAborted();
      // Keep memory flat: wait while any file being written has more buffered than its high-water mark.
      await Promise.all([...writing].filter((s) => s.writableNeedDrain).map((s) => new Promise<void>((r) => s.once('drain', () => r()))));
    }
    unzip.push(new Uint8Array(0), true);
    if (failure) throw failure;
    await Promise.all(finished);
    return files;
  } catch (error) {
    stopped = true;
    for (const stream of writing) stream.destroy();
    await Promise.allSettled(finished);
    if (created !== undefined) await rm(created, { recursive: true, force: true });
    throw error;
  }
}
