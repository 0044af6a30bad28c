import * as v from 'valibot';
import { checkDatasetFiles } from '../internal/datasetChecks';
import { checkParams, paramsObject, textListParam, textParam } from '../internal/params';
import { multipartForm } from '../internal/multipartBody';
import { API_PREFIX } from '../internal/paths';
import { datasetOutcomeUnknown, recoverDataset } from '../internal/recoverDataset';
import { checkedFile, openFiles } from '../internal/uploadFiles';
import { validateResponse } from '../internal/validateResponse';
import { DATASET_TYPES } from '../schemas/enums';
import { seedDatasetSchema, type SeedDataset } from '../schemas/seedDatasetSchema';
import type { FormPart, Operation, RequestDescription, Transport, UploadCallOptions, UploadFile } from '../types';

/** The parameters of `datasets.create`; `F` is what a file may be (`@df/node` adds a path). */
export interface CreateDatasetParams<F = UploadFile> {
  /** Unique within the company. */
  name: string;
  /** SINGLE_FILE (one csv, json or jsonl), MULTI_FILE or MULTI_FOLDER; `DATASET_LIMITS` says what each takes. */
  dataset_type: (typeof DATASET_TYPES)[number];
  /** Each sent as its own `files` part under its name. */
  files: F[];
  description?: string;
  /** MULTI_FOLDER only: `folder_names[i]` is the folder of `files[i]`. */
  folder_names?: string[];
}

/** The check of `datasets.create`: the fields, then every file against `DATASET_LIMITS`, all problems in one error. */
export const createDatasetParamsSchema = /* @__PURE__ */ buildCreateDatasetParamsSchema();

function buildCreateDatasetParamsSchema() {
  return v.pipe(
    paramsObject({
      name: textParam('name'),
      dataset_type: v.picklist(DATASET_TYPES, `dataset_type must be one of ${DATASET_TYPES.join(', ')}`),
      files: v.array(v.unknown(), 'files must be an array of files'),
      description: v.optional(v.string('description must be a string')),
      folder_names: v.optional(textListParam('folder_names')),
    }),
    v.rawCheck(({ dataset, addIssue }) => checkDatasetFiles(dataset.value, addIssue)),
  );
}

/** Checks the parameters against the limits and builds the multipart `POST /api/dataframer/seed-datasets/create/`. */
export function buildCreateDatasetRequest(params: CreateDatasetParams): RequestDescription {
  checkParams(createDatasetParamsSchema, params, 'datasets.create');
  const form: FormPart[] = [
    { name: 'name', value: params.name },
    { name: 'dataset_type', value: params.dataset_type },
  ];
  if (params.description !== undefined) form.push({ name: 'description', value: params.description });
  for (const file of params.files) {
    const { name, data } = checkedFile(file);
    form.push({ name: 'files', filename: name, data });
  }
  for (const folder of params.folder_names ?? []) form.push({ name: 'folder_names', value: folder });
  return { method: 'POST', path: `${API_PREFIX}/seed-datasets/create/`, form: multipartForm(form), retry: 'create' };
}

/** Uploads files as a new seed dataset; repeated only when nothing was sent, and found by its name if the answer is lost. */
export const createDatasetOperation: Operation<CreateDatasetParams, SeedDataset> = {
  name: 'datasets.create',
  build: buildCreateDatasetRequest,
  parse: (response, mode) => validateResponse(seedDatasetSchema(mode), response),
  idempotencyHeader: 'idempotency-key',
  ambiguous: /* @__PURE__ */ datasetOutcomeUnknown('datasets.create'),
  recover: (transport, params, lost) => recoverDataset('datasets.create', transport, params.name, params.files.length, lost),
};

/**
 * Uploads files as a new seed dataset (multipart; each file read as it is sent, never whole) and returns it. Every
 * limit of `DATASET_LIMITS` is checked before a byte is sent. The create is repeated only when the failure proves
 * nothing was sent; when its answer is lost, the dataset is looked up by its unique name and returned (`onRecovered`
 * says so), or an OutcomeUnknownError says what to check.
 */
export async function createDataset(transport: Transport, params: CreateDatasetParams, options?: UploadCallOptions): Promise<SeedDataset> {
  const files = await openFiles(transport.runtime, (params as Partial<CreateDatasetParams> | undefined)?.files);
  return transport.send(createDatasetOperation, files === params?.files ? params : { ...params, files }, options);
}
