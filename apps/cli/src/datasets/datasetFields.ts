import { datasetListSchema, seedDatasetSchema } from '@df/node';
import { schemaFields } from '../schemaFields';

/** Fields `--json` offers for a dataset in the list: those of the dataset list's items. */
export const DATASET_FIELDS = schemaFields(datasetListSchema());

/** Fields `--json` offers for one dataset: those of the dataset schema (its files included). */
export const DATASET_DETAIL_FIELDS = schemaFields(seedDatasetSchema());
