import type * as v from 'valibot';
import { DATASET_LIMITS, type DatasetLimits } from '../limits';
import { extensionOf, fileParts, fileProblem } from './uploadFiles';

const MIB = 1024 * 1024;

/** A size for messages: whole MiB as `50 MiB`, anything else in bytes. */
const size = (bytes: number) => (bytes % MIB === 0 ? `${bytes / MIB} MiB` : `${bytes} bytes`);

type AddIssue = (issue: { message: string; path?: [v.ObjectPathItem, ...v.ObjectPathItem[]] }) => void;

const at = (input: Record<string, unknown>, key: string, value: unknown): [v.ObjectPathItem] => [
  { type: 'object', origin: 'value', input, key, value },
];

/**
 * Checks the files of a dataset create against `DATASET_LIMITS` for its type: each file's shape, format and size,
 * the total size, the file count, and for MULTI_FOLDER the folder names (one per file, at most `maxFilesPerFolder`
 * files in a folder, at least `minFolders` folders). Every problem is its own issue naming the file or the folder.
 * It runs even when other fields failed, so one error lists everything.
 */
export function checkDatasetFiles(input: unknown, addIssue: AddIssue): void {
  if (typeof input !== 'object' || input === null) return;
  const params = input as Record<string, unknown>;
  const type = params['dataset_type'];
  const limits: DatasetLimits | undefined =
    typeof type === 'string' && Object.hasOwn(DATASET_LIMITS, type) ? DATASET_LIMITS[type as keyof typeof DATASET_LIMITS] : undefined;
  const files = params['files'];
  const folders = params['folder_names'];
  const fileIssue = (message: string) => addIssue({ message, path: at(params, 'files', files) });
  const folderIssue = (message: string) => addIssue({ message, path: at(params, 'folder_names', folders) });
  if (!Array.isArray(files)) return;
  let total = 0;
  files.forEach((file: unknown, index) => {
    const label = `files[${index}]`;
    const problem = fileProblem(file, label);
    if (problem) {
      fileIssue(problem);
      return;
    }
    const { name, data } = fileParts(file) as { name: string; data: Blob };
    total += data.size;
    if (!limits) return;
    const extension = extensionOf(name);
    if (!limits.formats.includes(extension)) {
      const taken = `${type} takes ${limits.formats.join(', ')}`;
      fileIssue(
        extension === ''
          ? `${label} ${name}: has no extension; ${taken}`
          : `${label} ${name}: .${extension} is not a format ${type} takes (${limits.formats.join(', ')})`,
      );
    }
    if (data.size > limits.maxFileBytes)
      fileIssue(`${label} ${name}: ${data.size} bytes, over the ${size(limits.maxFileBytes)} a ${type} file may hold`);
  });
  if (!limits) return;
  if (files.length < limits.minFiles || files.length > limits.maxFiles) {
    const range = limits.minFiles === limits.maxFiles ? `exactly ${limits.minFiles}` : `${limits.minFiles} to ${limits.maxFiles}`;
    fileIssue(`files: ${type} takes ${range} file${limits.maxFiles === 1 ? '' : 's'}, got ${files.length}`);
  }
  // With one file, its own limit says it all.
  if (total > limits.maxTotalBytes && limits.maxFiles > 1)
    fileIssue(`files: ${total} bytes in all, over the ${size(limits.maxTotalBytes)} ${type} takes`);
  checkFolders(type as string, limits, files.length, folders, folderIssue);
}

function checkFolders(type: string, limits: DatasetLimits, fileCount: number, folders: unknown, issue: (message: string) => void): void {
  const { maxFilesPerFolder, minFolders } = limits;
  if (maxFilesPerFolder === undefined && minFolders === undefined) {
    if (folders !== undefined) issue(`folder_names: only MULTI_FOLDER datasets take folder names (this one is ${type})`);
    return;
  }
  if (folders === undefined) {
    issue(`folder_names is required for ${type}: the folder of each file, in the order of files`);
    return;
  }
  if (!Array.isArray(folders) || !folders.every((name) => typeof name === 'string')) return;
  if (folders.length !== fileCount)
    issue(`folder_names: ${folders.length} name${folders.length === 1 ? '' : 's'} for ${fileCount} files; give one folder per file`);
  const perFolder = new Map<string, number>();
  for (const name of folders as string[]) {
    if (name.trim() === '') continue;
    perFolder.set(name, (perFolder.get(name) ?? 0) + 1);
  }
  if (folders.some((name) => (name as string).trim() === '')) issue('folder_names: a folder name must not be empty');
  if (maxFilesPerFolder !== undefined)
    for (const [name, count] of perFolder)
      if (count > maxFilesPerFolder)
        issue(`folder_names: folder "${name}" has ${count} files; ${type} takes at most ${maxFilesPerFolder} per folder`);
  if (minFolders !== undefined && perFolder.size < minFolders)
    issue(`folder_names: ${perFolder.size} distinct folder${perFolder.size === 1 ? '' : 's'}; ${type} takes at least ${minFolders}`);
}
