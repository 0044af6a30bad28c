import { type Context, Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppContext, Env } from '../AppContext';
import { auth } from '../middleware/auth';
import { detail, notFound } from '../respond';
import { DATASET_TYPES, type DatasetType, MB, SEED_DATASET_LIMITS, UPLOAD_MARGIN_BYTES } from '../rules';
import type { Tenant } from '../store/state';
import { type CheckedFiles, checkDatasetFiles, type UploadedFile } from '../validation/checkDatasetFiles';
import type { FieldErrors } from '../validation/FieldErrors';
import { type Form, readForm, textField } from '../validation/readForm';
import { readDatasetZip } from '../validation/readDatasetZip';
import { datasetListItemView, datasetView } from '../views/datasetViews';

/** The longest dataset name taken (a Django CharField's usual max_length). */
const MAX_NAME_LENGTH = 255;

/** The largest dataset total of any type: a body bigger than this and the margin is refused before it is read. */
const LARGEST_TOTAL = Math.max(...Object.values(SEED_DATASET_LIMITS).map((l) => l.maxTotalBytes));

/** Refuses a body over the largest total plus the margin from its Content-Length alone, unread (Hono's bodyLimit). */
function uploadLimit(field: string): MiddlewareHandler<Env> {
  const maxSize = LARGEST_TOTAL + UPLOAD_MARGIN_BYTES;
  return bodyLimit({
    maxSize,
    onError: (c) => {
      const length = c.req.header('content-length');
      const size = length === undefined ? `more than ${maxSize} bytes` : `${length} bytes`;
      return c.json(
        { [field]: [`The request body is ${size}; a dataset holds at most ${LARGEST_TOTAL / MB} MB (${LARGEST_TOTAL} bytes) in total.`] },
        400,
      );
    },
  });
}

/** The name and description every create takes; the name must be new in the company. */
function readNaming(ctx: AppContext, tenant: Tenant, form: Form, errors: FieldErrors) {
  const name = textField(form, 'name', errors, { required: true, maxLength: MAX_NAME_LENGTH });
  const description = textField(form, 'description', errors, { required: false }) ?? null;
  if (name !== undefined && ctx.store.datasets.byName(tenant.id, name)) errors.name = [`A dataset named "${name}" already exists.`];
  return { name, description };
}

/** The uploaded parts of `files` with their `folder_names`, or the field errors of those parts. */
function uploadedFiles(form: Form, type: DatasetType | undefined, errors: FieldErrors): UploadedFile[] {
  const parts = form.files ?? [];
  const folders = form.folder_names ?? [];
  if (parts.some((p) => typeof p === 'string')) {
    errors.files = ['The submitted data was not a file. Check the encoding type on the form.'];
    return [];
  }
  if (type === 'MULTI_FOLDER') {
    if (folders.length !== parts.length)
      errors.folder_names = [
        `Give one folder name per file, in the same order: got ${parts.length} files and ${folders.length} folder names.`,
      ];
    const bad = folders.find((f) => typeof f !== 'string' || f.trim() === '' || f.includes('/'));
    if (bad !== undefined) errors.folder_names = [`"${String(bad)}" is not a folder name: give a non-empty name without "/".`];
  } else if (folders.length > 0 && type !== undefined) {
    errors.folder_names = [`Only a MULTI_FOLDER dataset takes folder_names; this one is ${type}.`];
  }
  return (parts as File[]).map((file, i) => ({
    name: file.name,
    folder: type === 'MULTI_FOLDER' ? String(folders[i] ?? '') : null,
    size: file.size,
    bytes: async () => new Uint8Array(await file.arrayBuffer()),
  }));
}

/** Adds field errors to those found so far, keeping both lists of a field found twice. */
function merge(errors: FieldErrors, more: FieldErrors): void {
  for (const [field, messages] of Object.entries(more))
    errors[field] = [...((errors[field] as string[] | undefined) ?? []), ...(messages as string[])];
}

/** Stores a dataset whose every field passed, and answers 201 with it. */
function created(
  ctx: AppContext,
  c: Context<Env>,
  fields: { name: string; description: string | null; type: DatasetType },
  checked: CheckedFiles,
) {
  const dataset = ctx.store.createDataset(c.get('tenant'), {
    ...fields,
    files: checked.files.map((f) => ({ ...f, id: ctx.store.newId() })),
    folderCount: checked.folderCount,
    properties: checked.properties,
  });
  return c.json(datasetView(ctx.view(), dataset), 201);
}

/**
 * One path family of seed datasets (`/seed-datasets/`, the newest docs, or `/datasets/`, the older ones): create
 * from files, create from a ZIP, retrieve, list and delete. The `datasetPaths` setting turns a family off (404).
 */
export function datasetsRoutes(ctx: AppContext, family: 'newest' | 'older'): Hono<Env> {
  const datasets = new Hono<Env>({ strict: true });
  datasets.use('*', async (c, next) => {
    const served = ctx.settings.get().datasetPaths;
    return served === 'both' || served === family ? next() : notFound(c);
  });
  datasets.use('*', auth(ctx));

  datasets.get('/', (c) => c.json(ctx.store.datasets.of(c.get('tenant').id).map((d) => datasetListItemView(ctx.view(), d))));

  datasets.post('/create/', uploadLimit('files'), async (c) => {
    const read = await readForm(c);
    if ('error' in read) return read.error;
    const errors: FieldErrors = {};
    const { name, description } = readNaming(ctx, c.get('tenant'), read.form, errors);
    const rawType = textField(read.form, 'dataset_type', errors, { required: true });
    const type = DATASET_TYPES.find((t) => t === rawType);
    if (rawType !== undefined && type === undefined) errors.dataset_type = [`"${rawType}" is not a valid choice.`];
    const files = uploadedFiles(read.form, type, errors);
    if (type !== undefined && !errors.files) {
      const checked = await checkDatasetFiles(type, files, { files: 'files', folders: 'folder_names' });
      if ('errors' in checked) merge(errors, checked.errors);
      else if (Object.keys(errors).length === 0) return created(ctx, c, { name: name as string, description, type }, checked.value);
    }
    return c.json(errors, 400);
  });

  datasets.post('/create-from-zip/', uploadLimit('zip_file'), async (c) => {
    const read = await readForm(c);
    if ('error' in read) return read.error;
    const errors: FieldErrors = {};
    const { name, description } = readNaming(ctx, c.get('tenant'), read.form, errors);
    const zip = read.form.zip_file?.at(-1);
    if (zip === undefined) errors.zip_file = ['No file was submitted.'];
    else if (typeof zip === 'string') errors.zip_file = ['The submitted data was not a file. Check the encoding type on the form.'];
    if (!(zip instanceof File)) return c.json(errors, 400);
    const unzipped = await readDatasetZip(Buffer.from(await zip.arrayBuffer()));
    if ('problem' in unzipped) return c.json({ ...errors, zip_file: [unzipped.problem] }, 400);
    const checked = await checkDatasetFiles(unzipped.type, unzipped.files, { files: 'zip_file', folders: 'zip_file' });
    if ('errors' in checked) merge(errors, checked.errors);
    else if (Object.keys(errors).length === 0)
      return created(ctx, c, { name: name as string, description, type: unzipped.type }, checked.value);
    return c.json(errors, 400);
  });

  datasets.get('/:dataset_id/', (c) => {
    const dataset = ctx.store.datasets.get(c.get('tenant').id, c.req.param('dataset_id'));
    return dataset ? c.json(datasetView(ctx.view(), dataset)) : notFound(c);
  });

  datasets.delete('/:dataset_id/', (c) => {
    const tenant = c.get('tenant');
    const dataset = ctx.store.datasets.get(tenant.id, c.req.param('dataset_id'));
    if (!dataset) return notFound(c);
    const users = ctx.store.specsOf(tenant.id).filter((s) => s.datasetId === dataset.id);
    if (users.length > 0) {
      const named = users.map((s) => `"${s.name}"`).join(', ');
      return detail(
        c,
        400,
        `Dataset ${dataset.id} is used by ${users.length} spec${users.length === 1 ? '' : 's'} (${named}) and cannot be deleted while they reference it.`,
      );
    }
    ctx.store.datasets.remove(dataset);
    return c.body(null, 204);
  });

  return datasets;
}
