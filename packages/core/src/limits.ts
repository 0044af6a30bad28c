/** The most samples one run may ask for (`number_of_samples`, 1 to this). */
export const MAX_SAMPLES_PER_RUN = 20000;

/** The most samples one page of `GET /runs/{id}/samples/` may ask for (`limit`, 1 to this). */
export const MAX_SAMPLES_PAGE = 1000;

/** The run parameters that name a generation model; a `databricks/` model in any of them needs `DATABRICKS_PARAMS`. */
export const MODEL_PARAMS = ['generation_model', 'outline_model', 'revision_model'] as const;

/** The parameters a run with a `databricks/` model must also carry. */
export const DATABRICKS_PARAMS = ['databricks_client_id', 'databricks_client_secret', 'databricks_api_base'] as const;

/** What one dataset type takes: file formats (lower-case extensions), sizes in bytes, and file and folder counts. */
export interface DatasetLimits {
  readonly formats: readonly string[];
  readonly maxFileBytes: number;
  readonly maxTotalBytes: number;
  readonly minFiles: number;
  readonly maxFiles: number;
  /** MULTI_FOLDER: the most files one folder may hold. */
  readonly maxFilesPerFolder?: number;
  /** MULTI_FOLDER: the fewest distinct folders. */
  readonly minFolders?: number;
}

const MIB = 1024 * 1024;
const DOCUMENT_FORMATS = ['txt', 'md', 'json', 'csv', 'jsonl', 'pdf'] as const;

/** The limits of `POST /api/dataframer/seed-datasets/create/` per dataset type, checked before a byte is sent. */
export const DATASET_LIMITS: {
  readonly SINGLE_FILE: DatasetLimits;
  readonly MULTI_FILE: DatasetLimits;
  readonly MULTI_FOLDER: DatasetLimits;
} = {
  SINGLE_FILE: { formats: ['csv', 'json', 'jsonl'], maxFileBytes: 50 * MIB, maxTotalBytes: 50 * MIB, minFiles: 1, maxFiles: 1 },
  MULTI_FILE: { formats: DOCUMENT_FORMATS, maxFileBytes: MIB, maxTotalBytes: 50 * MIB, minFiles: 2, maxFiles: 1000 },
  MULTI_FOLDER: {
    formats: DOCUMENT_FORMATS,
    maxFileBytes: MIB,
    maxTotalBytes: 50 * MIB,
    minFiles: 2,
    maxFiles: 1000,
    maxFilesPerFolder: 20,
    minFolders: 2,
  },
};
