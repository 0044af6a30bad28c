import { readdirSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';

/** The files of a new dataset as found on disk, before anything is sent. */
export interface GatheredFiles {
  /** Absolute paths, in upload order. */
  paths: string[];
  /** How the user wrote each path (the same order), for messages. */
  shown: string[];
  /** For a dataset of folders: the folder of each file (the same order). */
  folderNames?: string[];
  /** Hidden files a folder held, left out. */
  skipped: string[];
  /** What cannot be sent: a missing file, a directory given as a file, a folder with nothing in it. */
  problems: string[];
}

/** What a path is, or why it cannot be read. */
function kindOf(path: string): 'file' | 'directory' | 'other' | 'missing' {
  try {
    const stat = statSync(path);
    return stat.isFile() ? 'file' : stat.isDirectory() ? 'directory' : 'other';
  } catch {
    return 'missing';
  }
}

/** The files given as arguments, each checked to be a readable regular file. */
export function gatherFiles(cwd: string, files: readonly string[]): GatheredFiles {
  const out: GatheredFiles = { paths: [], shown: [], skipped: [], problems: [] };
  for (const file of files) {
    const path = resolve(cwd, file);
    const kind = kindOf(path);
    if (kind === 'missing') out.problems.push(`${file}: no such file`);
    else if (kind === 'directory')
      out.problems.push(`${file}: is a directory (a folder of a MULTI_FOLDER dataset is given with --folder ${file})`);
    else if (kind === 'other') out.problems.push(`${file}: not a regular file`);
    out.paths.push(path);
    out.shown.push(file);
  }
  return out;
}

/**
 * The files of each --folder directory, in name order (the order the server keeps within a folder), each folder named
 * as its directory. Hidden files are left out (and listed); a subdirectory, an empty folder or two folders of one name
 * are problems.
 */
export function gatherFolders(cwd: string, dirs: readonly string[]): GatheredFiles {
  const out: GatheredFiles = { paths: [], shown: [], folderNames: [], skipped: [], problems: [] };
  const seen = new Map<string, string>();
  for (const dir of dirs) {
    const path = resolve(cwd, dir);
    const kind = kindOf(path);
    if (kind !== 'directory') {
      out.problems.push(`${dir}: ${kind === 'missing' ? 'no such directory' : 'not a directory (--folder takes a directory of files)'}`);
      continue;
    }
    const folder = basename(path);
    const twin = seen.get(folder);
    if (twin !== undefined) out.problems.push(`${dir}: a second folder named "${folder}" (the first is ${twin}); folder names must differ`);
    seen.set(folder, dir);
    const names = readdirSync(path).sort();
    let taken = 0;
    for (const name of names) {
      const shown = `${dir.replace(/\/+$/, '')}/${name}`;
      if (name.startsWith('.')) {
        out.skipped.push(shown);
        continue;
      }
      const file = resolve(path, name);
      const entry = kindOf(file);
      if (entry !== 'file') {
        out.problems.push(
          `${shown}: ${entry === 'directory' ? 'a folder inside a folder (only one level of folders is taken)' : 'not a regular file'}`,
        );
        continue;
      }
      out.paths.push(file);
      out.shown.push(shown);
      out.folderNames?.push(folder);
      taken++;
    }
    if (taken === 0 && !out.problems.some((p) => p.startsWith(`${dir.replace(/\/+$/, '')}/`))) out.problems.push(`${dir}: holds no files`);
  }
  return out;
}
