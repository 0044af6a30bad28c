import type { DatasetType } from '../rules';
import type { DatasetState } from '../store/state';
import { shapeFields } from './shapeFields';
import { iso, type ViewContext } from './ViewContext';

/** Formats a generation cannot take short samples from (the essentials guide: structured files). */
const STRUCTURED = ['csv', 'json', 'jsonl'];

/** The older SDK's `dataset_type_display`. */
const TYPE_DISPLAY: Record<DatasetType, string> = {
  SINGLE_FILE: 'Single file',
  MULTI_FILE: 'Multiple files',
  MULTI_FOLDER: 'Multiple folders',
};

/** Which generation modes a dataset suits: short samples are not made from structured files. */
function compatibility(dataset: DatasetState): Record<string, unknown> {
  const structured = dataset.files.filter((f) => STRUCTURED.includes(f.fileType));
  return {
    is_short_samples_compatible: structured.length === 0,
    is_long_samples_compatible: true,
    reason: structured.length === 0 ? null : `Short samples are not supported for structured files (${structured[0]?.path}).`,
  };
}

/** The SeedDataset of create, create-from-zip and get (newest docs). */
export function datasetView(ctx: ViewContext, dataset: DatasetState): Record<string, unknown> {
  const view = {
    id: dataset.id,
    name: dataset.name,
    description: dataset.description,
    dataset_type: dataset.type,
    created_at: iso(dataset.createdAt),
    updated_at: iso(dataset.createdAt),
    created_by_email: dataset.createdBy,
    files: dataset.files.map((f) => ({ id: f.id, file_type: f.fileType, size_bytes: f.sizeBytes, path: f.path })),
    folder_count: dataset.folderCount,
    file_count: dataset.files.length,
    short_sample_compatibility: compatibility(dataset),
  };
  // id, name and dataset_type are the SeedDataset's required fields.
  return shapeFields(view, ['id', 'name', 'dataset_type'], ctx.settings.optionalFields);
}

/** An item of `GET /datasets/`: the older SDK's list shape. */
export function datasetListItemView(ctx: ViewContext, dataset: DatasetState): Record<string, unknown> {
  const tenant = ctx.store.tenant(dataset.companyId);
  const view = {
    id: dataset.id,
    name: dataset.name,
    dataset_type: dataset.type,
    dataset_type_display: TYPE_DISPLAY[dataset.type],
    // The list item types description as a string without null: a dataset without one leaves it out.
    ...(dataset.description === null ? {} : { description: dataset.description }),
    created_at: iso(dataset.createdAt),
    updated_at: iso(dataset.createdAt),
    created_by_name: tenant?.name ?? dataset.companyId,
    file_count: dataset.files.length,
    folder_count: dataset.folderCount,
    short_sample_compatibility: compatibility(dataset),
  };
  // dataset_type and name are the list item's required fields.
  return shapeFields(view, ['id', 'name', 'dataset_type'], ctx.settings.optionalFields);
}
