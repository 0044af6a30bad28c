import { type DatasetType, MB, SEED_DATASET_LIMITS } from '../rules';
import { countRows } from './countRows';
import type { FieldErrors } from './FieldErrors';

/** One uploaded file of a dataset, from a multipart part or a ZIP entry. */
export interface UploadedFile {
  /** The file's own name (no folder). */
  name: string;
  /** Its folder in a MULTI_FOLDER dataset, else null. */
  folder: string | null;
  size: number;
  bytes(): Promise<Uint8Array>;
}

/** What a dataset's files hold once they pass every limit. */
export interface CheckedFiles {
  files: Array<{ path: string; fileType: string; sizeBytes: number }>;
  folderCount: number;
  /** A SINGLE_FILE dataset's columns (CSV header, the first JSON row's keys), else the files' paths. */
  properties: string[];
}

/** Where the errors go: the field naming the files (`files` or `zip_file`) and the one naming the folders. */
interface ErrorFields {
  files: string;
  folders: string;
}

/** A size in the docs' words and exactly. */
const bytes = (n: number): string => `${n / MB} MB (${n} bytes)`;

const extension = (name: string): string => (name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : '');

const pathOf = (file: UploadedFile): string => (file.folder === null ? file.name : `${file.folder}/${file.name}`);

/**
 * Checks a dataset's files against every documented limit of its type (`SEED_DATASET_LIMITS`): file count,
 * formats, per-file and total size, empty files, folders and files per folder, and a SINGLE_FILE's rows.
 * Every problem is reported, each naming its file or folder.
 */
export async function checkDatasetFiles(
  type: DatasetType,
  files: UploadedFile[],
  fields: ErrorFields,
): Promise<{ errors: FieldErrors } | { value: CheckedFiles }> {
  const limits = SEED_DATASET_LIMITS[type];
  const fileErrors: string[] = [];
  const folderErrors: string[] = [];
  if (files.length === 0) return { errors: { [fields.files]: ['No file was submitted: a dataset cannot be empty.'] } };

  if (files.length < limits.minFiles || files.length > limits.maxFiles) {
    const wanted = limits.minFiles === limits.maxFiles ? `exactly ${limits.minFiles}` : `${limits.minFiles} to ${limits.maxFiles}`;
    fileErrors.push(`A ${type} dataset takes ${wanted} file${limits.maxFiles === 1 ? '' : 's'}; got ${files.length}.`);
  }
  const seen = new Set<string>();
  let total = 0;
  for (const file of files) {
    const path = pathOf(file);
    const format = extension(file.name);
    total += file.size;
    if (!limits.formats.includes(format)) {
      const got = format === '' ? 'has no file extension' : `is a .${format} file`;
      fileErrors.push(`"${path}" ${got}; a ${type} dataset takes ${limits.formats.join(', ')} files.`);
    }
    if (file.size === 0) fileErrors.push(`"${path}" is empty (0 bytes).`);
    if (file.size > limits.maxFileBytes) {
      fileErrors.push(`"${path}" is ${file.size} bytes; a ${type} dataset takes files of at most ${bytes(limits.maxFileBytes)}.`);
    }
    if (seen.has(path)) fileErrors.push(`"${path}" is given more than once.`);
    seen.add(path);
  }
  if (total > limits.maxTotalBytes) {
    fileErrors.push(`The files total ${total} bytes; a ${type} dataset holds at most ${bytes(limits.maxTotalBytes)} in total.`);
  }

  const folders = new Map<string, number>();
  for (const file of files) if (file.folder !== null) folders.set(file.folder, (folders.get(file.folder) ?? 0) + 1);
  if (limits.minFolders !== undefined && folders.size < limits.minFolders) {
    const named = [...folders.keys()].map((f) => `"${f}"`).join(', ');
    folderErrors.push(`A ${type} dataset needs at least ${limits.minFolders} folders; got ${folders.size}${named ? ` (${named})` : ''}.`);
  }
  if (limits.maxFilesPerFolder !== undefined) {
    for (const [folder, count] of folders) {
      if (count > limits.maxFilesPerFolder)
        folderErrors.push(`Folder "${folder}" holds ${count} files; a folder holds at most ${limits.maxFilesPerFolder}.`);
    }
  }

  let properties = files.map(pathOf);
  const only = files[0] as UploadedFile;
  if (limits.minRows !== undefined && fileErrors.length === 0) {
    const counted = countRows(extension(only.name), new TextDecoder().decode(await only.bytes()));
    if ('problem' in counted) fileErrors.push(`"${only.name}" ${counted.problem}.`);
    else if (counted.rows < limits.minRows) {
      fileErrors.push(
        `"${only.name}" holds ${counted.rows} row${counted.rows === 1 ? '' : 's'}; a ${type} dataset needs at least ${limits.minRows}.`,
      );
    } else properties = counted.columns;
  }

  const errors: FieldErrors = {};
  if (fileErrors.length > 0) errors[fields.files] = fileErrors;
  if (folderErrors.length > 0) errors[fields.folders] = [...((errors[fields.folders] as string[] | undefined) ?? []), ...folderErrors];
  if (Object.keys(errors).length > 0) return { errors };
  return {
    value: {
      files: files.map((f) => ({ path: pathOf(f), fileType: extension(f.name), sizeBytes: f.size })),
      folderCount: folders.size,
      properties,
    },
  };
}
