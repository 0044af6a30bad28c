import { access, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { RequestValidationError, untilAborted } from '@df/core';
import { cutShortError, type DownloadSubject, type DownloadTally, sizeMismatchError } from './downloadErrors';

/** Where and how `saveBodyAtomically` writes. */
export interface SaveTarget {
  /** Absolute path of the final file. */
  path: string;
  overwrite: boolean;
  /** Distinguishes this download's temporary file from any other's. */
  tag: string;
  signal: AbortSignal;
  /** Called after every chunk written, and once before the first. */
  onProgress(progress: DownloadTally): void;
}

/** Whether a file (or anything else) is at `path`. */
export async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/** The error for a file already at the target when the caller did not ask to overwrite it. */
export function targetExistsError(path: string): RequestValidationError {
  const message = `${path} already exists; pass overwrite: true to replace it`;
  return new RequestValidationError(`Not downloading: ${message}`, { issues: [{ path: 'to', message }] });
}

/**
 * Streams a body into a temporary file next to the target (never whole in memory), checks its size against
 * `total`, and only then renames it to the target: a file with the target's name is always complete. Every read
 * ends when `signal` fires; on any failure the temporary file is removed. Returns the number of bytes saved.
 */
export async function saveBodyAtomically(
  subject: DownloadSubject,
  body: ReadableStream<Uint8Array> | null,
  total: number | undefined,
  target: SaveTarget,
): Promise<number> {
  const temporary = join(dirname(target.path), `.${basename(target.path)}.${target.tag}.part`);
  const progress: DownloadTally = { received: 0, total };
  const reader = body?.getReader();
  let created = false;
  let saved = false;
  try {
    const handle = await open(temporary, 'wx', 0o644);
    created = true;
    try {
      target.onProgress({ ...progress });
      for (;;) {
        let chunk: Uint8Array | undefined;
        try {
          const next = reader ? await untilAborted(reader.read(), target.signal) : undefined;
          chunk = next?.value;
        } catch (error) {
          if (target.signal.aborted) throw error;
          throw cutShortError(subject, progress, error);
        }
        if (chunk === undefined) break;
        progress.received += chunk.byteLength;
        if (total !== undefined && progress.received > total)
          throw sizeMismatchError(subject, `more than the ${total} bytes announced arrived (${progress.received} so far)`);
        await handle.write(chunk);
        target.onProgress({ ...progress });
      }
      if (total !== undefined && progress.received < total) throw cutShortError(subject, progress);
      // On disk before the rename, so that after a crash the final name never holds a partial file.
      await handle.datasync();
    } finally {
      await handle.close();
    }
    if (!target.overwrite && (await exists(target.path))) throw targetExistsError(target.path);
    await rename(temporary, target.path);
    saved = true;
    return progress.received;
  } finally {
    if (!saved) {
      // Frees the connection of a body not read to its end.
      reader?.cancel().catch(() => undefined);
      if (created) await rm(temporary, { force: true });
    }
  }
}
