import { basename } from 'node:path';
import { RequestValidationError, type SeedDataset } from '@df/node';
import type { Context } from '../../../context';
import { DATASET_DETAIL_FIELDS } from '../../../datasets/datasetFields';
import { type GatheredFiles, gatherFiles, gatherFolders } from '../../../datasets/gatherFiles';
import { usageError } from '../../../errors';
import { EXIT } from '../../../exitCodes';
import { bytes, counted, printJson, tell } from '../../../format';
import type { Io } from '../../../io';
import { type Session, withSession } from '../../../session';
import { bar, createStatusLine } from '../../../statusLine';
import type { CreateOptions } from './flags';

/** What the command line asks to upload: files, folders or one ZIP, checked against each other before anything is read. */
function checkCombination(o: CreateOptions, files: string[]): void {
  if (o.zip !== undefined) {
    if (files.length > 0) throw usageError(`--zip takes no FILE arguments (the files are in the ZIP); got ${files.join(' ')}`);
    if (o.folder) throw usageError('--zip and --folder cannot be combined: the folders are in the ZIP');
    if (o.type) throw usageError("--type cannot be combined with --zip: the server detects the type from the ZIP's layout");
    return;
  }
  if (o.folder) {
    if (files.length > 0) throw usageError('give the files either as FILE arguments or with --folder DIR, not both');
    if (o.type && o.type !== 'MULTI_FOLDER')
      throw usageError(`--folder makes a MULTI_FOLDER dataset, not ${o.type}; give ${o.type} files as FILE arguments`);
    return;
  }
  if (o.type === 'MULTI_FOLDER')
    throw usageError('a MULTI_FOLDER dataset takes its folders from --folder DIR (at least 2), one per folder');
  if (files.length === 0)
    throw usageError('give the files to upload (or --folder DIR, or --zip FILE); see: dataframer datasets create --help');
}

/** Problems found before anything was sent, one per line, as one usage error. */
function refuse(headline: string, problems: readonly string[]): never {
  throw usageError(`${headline}; nothing was uploaded:\n${problems.map((p) => `  ${p}`).join('\n')}`);
}

/** The SDK's limit problems, naming each file as the user typed it (the SDK names `files[1] tool.exe`). */
function limitProblems(error: RequestValidationError, gathered: GatheredFiles): string[] {
  return error.issues.map((issue) => {
    let message = issue.message;
    gathered.paths.forEach((path, i) => {
      const shown = gathered.shown[i] ?? path;
      message = message
        .split(`files[${i}] ${basename(path)}`)
        .join(shown)
        .split(path)
        .join(shown);
    });
    return message;
  });
}

/** Draws the upload's progress (bytes sent of all, percentage, rate) on the status line of a terminal. */
function uploadProgress(s: Session, what: string) {
  const line = createStatusLine(s.io, s.ctx.clock);
  let started: number | undefined;
  const draw = ({ sentBytes, totalBytes }: { sentBytes: number; totalBytes: number }) => {
    const now = s.ctx.clock.now();
    started ??= now;
    const fraction = totalBytes > 0 ? sentBytes / totalBytes : 0;
    const seconds = (now - started) / 1000;
    line.update({
      head: `Uploading ${what}`,
      bar: (width) => `${bar(fraction, width)} ${String(Math.floor(fraction * 100)).padStart(3)}%`,
      tail: [`${bytes(sentBytes)} of ${bytes(totalBytes)}`],
      optional: seconds > 0 ? [`${bytes(sentBytes / seconds)}/s`] : [],
    });
  };
  return { draw, clear: () => line.clear() };
}

/** The confirmation line: the dataset by name and id, its type, its files and folders and their size. */
function created(io: Io, dataset: SeedDataset): string {
  const files = dataset.files ?? [];
  const count = dataset.file_count ?? files.length;
  const size = files.reduce((sum, file) => sum + (file.size_bytes ?? 0), 0);
  const folders = dataset.dataset_type === 'MULTI_FOLDER' && dataset.folder_count ? ` in ${counted(dataset.folder_count, 'folder')}` : '';
  return `${io.errStyle.green('✓')} Created dataset "${dataset.name}" (${dataset.id}): ${dataset.dataset_type}, ${counted(count, 'file')}${folders}, ${bytes(size)}`;
}

/**
 * `datasets create NAME FILE…` (or `--folder DIR…`, or `--zip FILE`): checks every file and every limit of the type
 * before a byte is sent, uploads with a progress bar on a terminal, prints the new id on stdout (or the fields of
 * `--json`) and one confirmation line on stderr.
 */
export function run(ctx: Context, o: CreateOptions, nameArg: string, files: string[]): Promise<number> {
  return withSession(ctx, o, async (s) => {
    const { io } = s;
    if (o.json === true) printJson(io, {}, true, DATASET_DETAIL_FIELDS);
    const name = nameArg.trim();
    if (name === '') throw usageError('the dataset name is empty');
    checkCombination(o, files);
    const gathered =
      o.zip !== undefined ? gatherFiles(ctx.cwd, [o.zip]) : o.folder ? gatherFolders(ctx.cwd, o.folder) : gatherFiles(ctx.cwd, files);
    if (gathered.problems.length > 0) refuse(counted(gathered.problems.length, 'problem'), gathered.problems);
    for (const file of gathered.skipped) tell(io, `note: left out the hidden file ${file}`);
    const type = o.folder ? 'MULTI_FOLDER' : (o.type ?? (gathered.paths.length === 1 ? 'SINGLE_FILE' : 'MULTI_FILE'));
    const client = await s.client();
    const progress = uploadProgress(s, o.zip !== undefined ? (gathered.shown[0] ?? 'the ZIP') : counted(gathered.paths.length, 'file'));
    s.interrupt();
    const options = { ...s.call(), onUploadProgress: progress.draw, onRecovered: (message: string) => tell(io, message) };
    const description = o.description === undefined ? {} : { description: o.description };
    let dataset: SeedDataset;
    try {
      dataset =
        o.zip !== undefined
          ? await client.datasets.createFromZip({ name, zip_file: gathered.paths[0] as string, ...description }, options)
          : await client.datasets.create(
              {
                name,
                dataset_type: type,
                files: gathered.paths,
                ...description,
                ...(gathered.folderNames && { folder_names: gathered.folderNames }),
              },
              options,
            );
    } catch (error) {
      progress.clear();
      if (error instanceof RequestValidationError)
        refuse(
          `the files do not fit a ${o.zip !== undefined ? 'dataset' : `${type} dataset`} (${counted(error.issues.length, 'problem')})`,
          limitProblems(error, gathered),
        );
      throw error;
    }
    progress.clear();
    if (o.json !== undefined) printJson(io, dataset, o.json, DATASET_DETAIL_FIELDS);
    else io.print(`${dataset.id}\n`);
    tell(io, created(io, dataset));
    return EXIT.OK;
  });
}
