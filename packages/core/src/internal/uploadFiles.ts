import type { Runtime, UploadFile } from '../types';

/** A file given as a path that could not be opened; the parameter check names it with the reason. */
class UnopenedFile {
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {}
}

const isBlob = (value: unknown): value is Blob =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Blob).size === 'number' &&
  typeof (value as Blob).stream === 'function' &&
  typeof (value as Blob).slice === 'function';

/** A file's name and bytes: from a File, a `{ name, data }`, or a Blob (whose name is then undefined); undefined for anything else. */
export function fileParts(file: unknown): { name: string | undefined; data: Blob } | undefined {
  if (isBlob(file)) {
    const name = (file as { name?: unknown }).name;
    return { name: typeof name === 'string' && name !== '' ? name : undefined, data: file };
  }
  if (typeof file === 'object' && file !== null && isBlob((file as { data?: unknown }).data)) {
    const name = (file as { name?: unknown }).name;
    return { name: typeof name === 'string' && name !== '' ? name : undefined, data: (file as { data: Blob }).data };
  }
  return undefined;
}

/** The problem with one file, named as `files[3] notes.docx`, or undefined when it can be sent. */
export function fileProblem(file: unknown, label: string): string | undefined {
  if (file instanceof UnopenedFile) return `${label} ${file.path}: ${file.problem}`;
  const parts = fileParts(file);
  if (!parts) return `${label} must be a File, a Blob with its name as { name, data: Blob }, or (in Node.js) a file path`;
  if (parts.name === undefined) return `${label} is a Blob without a name; give it as { name: 'data.csv', data: blob }`;
  return undefined;
}

/** The lower-case extension of a file name (`csv`), or '' when it has none. */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot <= 0 || dot === name.length - 1 ? '' : name.slice(dot + 1).toLowerCase();
}

function messageOf(thrown: unknown): string {
  return thrown instanceof Error ? thrown.message : String(thrown);
}

/**
 * Opens the paths among `files` with the runtime's `openFile` (lazily: nothing is read). A path that cannot be
 * opened, or any path where the runtime opens none, is kept as an UnopenedFile for the parameter check to name.
 */
export async function openFiles<T>(runtime: Runtime, files: T): Promise<T> {
  if (!Array.isArray(files) || !files.some((file) => typeof file === 'string')) return files;
  const { openFile } = runtime;
  return (await Promise.all(
    files.map(async (file: unknown): Promise<unknown> => {
      if (typeof file !== 'string') return file;
      if (!openFile) return new UnopenedFile(file, 'a path can be opened only in Node.js (@df/node); give a File or a Blob');
      try {
        return await openFile(file);
      } catch (thrown) {
        return new UnopenedFile(file, messageOf(thrown));
      }
    }),
  )) as T;
}

/** The name and bytes of a file the check accepted. */
export function checkedFile(file: UploadFile): { name: string; data: Blob } {
  const parts = fileParts(file) as { name: string; data: Blob };
  return parts;
}
