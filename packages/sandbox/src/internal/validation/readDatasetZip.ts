import yauzl from 'yauzl';
import { type DatasetType, SEED_DATASET_LIMITS } from '../rules';
import type { UploadedFile } from './checkDatasetFiles';

/** A ZIP's dataset: its type as the structure shows it and its files in ZIP order, or why it cannot be one. */
export type ZipDataset = { type: DatasetType; files: UploadedFile[] } | { problem: string };

interface ZipEntry {
  segments: string[];
  size: number;
  bytes(): Promise<Uint8Array>;
}

/** The largest file any dataset type takes: a bigger entry is refused before it is inflated. */
const LARGEST_FILE = Math.max(...Object.values(SEED_DATASET_LIMITS).map((l) => l.maxFileBytes));

/** `__MACOSX/` resource forks and hidden entries (any part starting with a dot) are not dataset files. */
const ignored = (segments: string[]): boolean => segments[0] === '__MACOSX' || segments.some((s) => s.startsWith('.'));

/** Lists a ZIP's file entries (directories and ignored entries left out), each inflated only when read. */
function listEntries(zipBytes: Buffer): Promise<ZipEntry[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(zipBytes, { lazyEntries: true, validateEntrySizes: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      const entries: ZipEntry[] = [];
      zip.on('error', reject);
      zip.on('end', () => resolve(entries));
      zip.on('entry', (entry: yauzl.Entry) => {
        const segments = entry.fileName.split('/').filter(Boolean);
        if (!entry.fileName.endsWith('/') && !ignored(segments)) {
          entries.push({
            segments,
            size: entry.uncompressedSize,
            bytes: () =>
              new Promise((done, fail) => {
                if (entry.uncompressedSize > LARGEST_FILE) return done(new Uint8Array(0));
                zip.openReadStream(entry, (err, stream) => {
                  if (err || !stream) return fail(err);
                  const chunks: Buffer[] = [];
                  stream.on('data', (c: Buffer) => chunks.push(c));
                  stream.on('error', fail);
                  stream.on('end', () => done(Buffer.concat(chunks)));
                });
              }),
          });
        }
        zip.readEntry();
      });
      zip.readEntry();
    });
  });
}

/**
 * Reads a dataset from a ZIP (create-from-zip): one file is SINGLE_FILE, several files at the root MULTI_FILE,
 * folders holding only files MULTI_FOLDER. A ZIP whose entries all sit in one top folder (what zipping a folder
 * makes) is read as that folder's contents. Nested folders, and files beside folders at the root, are refused.
 */
export async function readDatasetZip(zipBytes: Buffer): Promise<ZipDataset> {
  let entries: ZipEntry[];
  try {
    entries = await listEntries(zipBytes);
  } catch (error) {
    return { problem: `The upload is not a readable ZIP archive (${(error as Error).message}).` };
  }
  if (entries.length === 0) return { problem: 'The ZIP archive holds no files: a dataset cannot be empty.' };
  const top = entries[0]?.segments[0];
  if (entries.every((e) => e.segments.length > 1 && e.segments[0] === top)) for (const e of entries) e.segments.shift();

  const nested = entries.find((e) => e.segments.length > 2);
  if (nested) {
    return {
      problem: `"${nested.segments.join('/')}" is in a nested folder; a dataset's folders hold only files (MULTI_FOLDER), no folders.`,
    };
  }
  const atRoot = entries.filter((e) => e.segments.length === 1);
  const inFolders = entries.filter((e) => e.segments.length === 2);
  if (atRoot.length > 0 && inFolders.length > 0) {
    return {
      problem: `The ZIP archive holds files at its root ("${atRoot[0]?.segments[0]}") and folders ("${inFolders[0]?.segments[0]}/"); a dataset is files (MULTI_FILE) or folders of files (MULTI_FOLDER), not both.`,
    };
  }
  const files = entries.map(
    (e): UploadedFile => ({
      name: e.segments.at(-1) as string,
      folder: e.segments.length === 2 ? (e.segments[0] as string) : null,
      size: e.size,
      bytes: e.bytes,
    }),
  );
  const type: DatasetType = inFolders.length > 0 ? 'MULTI_FOLDER' : atRoot.length === 1 ? 'SINGLE_FILE' : 'MULTI_FILE';
  return { type, files };
}
