import { OutcomeUnknownError } from '../errors/errors';
import type { DataframerError } from '../errors/DataframerError';
import { listDatasets } from '../operations/listDatasets';
import { retrieveDataset } from '../operations/retrieveDataset';
import type { SeedDataset } from '../schemas/seedDatasetSchema';
import type { LostAnswer, Transport } from '../types';
import { recoverByName } from './recoverByName';

/** The error for a dataset create whose outcome is unknown: what may have happened and how to check. */
export function datasetOutcomeUnknown(operation: string) {
  return (cause: DataframerError, key: string, attempts: number, request: string) =>
    new OutcomeUnknownError(
      `${operation} may or may not have created the dataset (${attempts} attempt${attempts === 1 ? '' : 's'} reached the network): ${cause.message}. It was not repeated.`,
      { cause, idempotencyKey: key, attempts, request },
    );
}

/** Looks a lost create's dataset up by its name and returns it whole (`datasets.retrieve`). */
export function recoverDataset(
  operation: string,
  transport: Transport,
  name: string,
  fileCount: number | undefined,
  lost: LostAnswer,
): Promise<SeedDataset> {
  return recoverByName(lost, {
    operation,
    kind: 'dataset',
    name,
    where: 'datasets.list()',
    list: (call) => listDatasets(transport, call),
    mismatch: (item) =>
      fileCount !== undefined && typeof item.file_count === 'number' && item.file_count !== fileCount
        ? `it holds ${item.file_count} files where this call sent ${fileCount}`
        : undefined,
    answer: (item, call) => retrieveDataset(transport, item.id, call),
  });
}
