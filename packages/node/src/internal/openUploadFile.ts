import { constants, openAsBlob } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { basename } from 'node:path';

/** What a failed open says, by the system's error code. */
const REASONS: Record<string, string> = {
  ENOENT: 'no file at this path',
  EACCES: 'not readable (permission denied)',
  EPERM: 'not readable (permission denied)',
  ENOTDIR: 'no file at this path (a part of it is not a folder)',
  ELOOP: 'a symbolic link loop',
  ENAMETOOLONG: 'the path is too long',
};

/**
 * Opens a file to upload without reading it: `fs.openAsBlob` reads its bytes only as they are sent. A path that
 * is missing, not a regular file or not readable fails here, before any byte is sent; its name is the basename.
 */
export async function openUploadFile(path: string): Promise<{ name: string; data: Blob }> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new Error(info.isDirectory() ? 'a folder, not a file' : 'not a regular file');
    await access(path, constants.R_OK);
    return { name: basename(path), data: await openAsBlob(path) };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw new Error(typeof code === 'string' && REASONS[code] ? REASONS[code] : (error as Error).message);
  }
}
