import * as v from 'valibot';
import { checkParams, paramsObject, textParam } from '../internal/params';
import { multipartForm } from '../internal/multipartBody';
import { API_PREFIX } from '../internal/paths';
import { datasetOutcomeUnknown, recoverDataset } from '../internal/recoverDataset';
import { checkedFile, fileProblem, openFiles } from '../internal/uploadFiles';
import { validateResponse } from '../internal/validateResponse';
import { seedDatasetSchema, type SeedDataset } from '../schemas/seedDatasetSchema';
import type { FormPart, Operation, RequestDescription, Transport, UploadCallOptions, UploadFile } from '../types';

/** The parameters of `datasets.createFromZip`; `F` is what a file may be (`@df/node` adds a path). */
export interface CreateDatasetFromZipParams<F = UploadFile> {
  /** Unique within the company. */
  name: string;
  /** One ZIP: one file makes SINGLE_FILE, files at its root MULTI_FILE, folders of files MULTI_FOLDER. */
  zip_file: F;
  description?: string;
}

/** The check of `datasets.createFromZip`. */
export const createDatasetFromZipParamsSchema = /* @__PURE__ */ buildCreateDatasetFromZipParamsSchema();

function buildCreateDatasetFromZipParamsSchema() {
  return paramsObject({
    name: textParam('name'),
    zip_file: v.custom<UploadFile>(
      (file) => fileProblem(file, 'zip_file') === undefined,
      (issue) => fileProblem(issue.input, 'zip_file') ?? 'zip_file is not a file',
    ),
    description: v.optional(v.string('description must be a string')),
  });
}

/** Checks the parameters and builds the multipart `POST /api/dataframer/seed-datasets/create-from-zip/`. */
export function buildCreateDatasetFromZipRequest(params: CreateDatasetFromZipParams): RequestDescription {
  checkParams(createDatasetFromZipParamsSchema, params, 'datasets.createFromZip');
  const { name, data } = checkedFile(params.zip_file);
  const form: FormPart[] = [{ name: 'name', value: params.name }];
  if (params.description !== undefined) form.push({ name: 'description', value: params.description });
  form.push({ name: 'zip_file', filename: name, data });
  return { method: 'POST', path: `${API_PREFIX}/seed-datasets/create-from-zip/`, form: multipartForm(form), retry: 'create' };
}

/** Uploads one ZIP as a new seed dataset; repeated only when nothing was sent, and found by its name if the answer is lost. */
export const createDatasetFromZipOperation: Operation<CreateDatasetFromZipParams, SeedDataset> = {
  name: 'datasets.createFromZip',
  build: buildCreateDatasetFromZipRequest,
  parse: (response, mode) => validateResponse(seedDatasetSchema(mode), response),
  idempotencyHeader: 'idempotency-key',
  ambiguous: /* @__PURE__ */ datasetOutcomeUnknown('datasets.createFromZip'),
  recover: (transport, params, lost) => recoverDataset('datasets.createFromZip', transport, params.name, undefined, lost),
};

/**
 * Uploads one ZIP as a new seed dataset (read as it is sent, never whole) and returns it; the server tells the type
 * from the ZIP's layout. Safe against repeats and lost answers as `createDataset` is.
 */
export async function createDatasetFromZip(
  transport: Transport,
  params: CreateDatasetFromZipParams,
  options?: UploadCallOptions,
): Promise<SeedDataset> {
  const zip = (params as Partial<CreateDatasetFromZipParams> | undefined)?.zip_file;
  const [opened] = typeof zip === 'string' ? await openFiles(transport.runtime, [zip]) : [zip];
  return transport.send(createDatasetFromZipOperation, opened === zip ? params : { ...params, zip_file: opened as UploadFile }, options);
}
