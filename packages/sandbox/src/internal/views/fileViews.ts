import type { GeneratedFileData, RunState } from '../store/state';
import { shapeFields } from './shapeFields';
import { iso, type ViewContext } from './ViewContext';

/** The file name of a generated file's path. */
function fileName(file: GeneratedFileData): string {
  return file.path.split('/').at(-1) as string;
}

/** The ready answer of `GET /runs/{id}/files/download/`. */
export function zipReadyView(ctx: ViewContext, downloadUrl: string, sizeBytes: number): Record<string, unknown> {
  return shapeFields({ download_url: downloadUrl, size_bytes: sizeBytes }, ['download_url'], ctx.settings.optionalFields);
}

/** The legacy (SDK 0.3.1) generated-files list: `{ run_id, generated_files }`, both required. */
export function generatedFilesView(ctx: ViewContext, run: RunState): Record<string, unknown> {
  const p = ctx.store.progress(run);
  const completedAt = ctx.store.completedAt(run, p);
  const files = p.status === 'SUCCEEDED' ? ctx.store.files(run) : [];
  const items = files.map((f) =>
    shapeFields(
      {
        id: f.id,
        name: fileName(f),
        path: f.path,
        s3_key: `runs/${run.id}/${f.path}`,
        size: f.data.length,
        status: 'COMPLETED',
        type: f.fileType,
        uploadedAt: completedAt === null ? null : iso(completedAt),
        generation_model: run.params.generation_model,
      },
      ['id'],
      ctx.settings.optionalFields,
    ),
  );
  return { run_id: run.id, generated_files: items };
}

/** The legacy presigned-URL object of one generated file. */
export function fileDownloadView(ctx: ViewContext, file: GeneratedFileData, downloadUrl: string): Record<string, unknown> {
  return shapeFields(
    { id: file.id, name: fileName(file), download_url: downloadUrl, expires_in: 3600 },
    ['id', 'download_url'],
    ctx.settings.optionalFields,
  );
}

/** The legacy content object of one generated file. */
export function fileContentView(ctx: ViewContext, file: GeneratedFileData): Record<string, unknown> {
  const view = {
    id: file.id,
    name: fileName(file),
    path: file.path,
    type: file.fileType,
    size: file.data.length,
    content: file.data.toString('utf8'),
  };
  return shapeFields(view, ['id'], ctx.settings.optionalFields);
}
