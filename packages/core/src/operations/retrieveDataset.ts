import { checkParams, datasetIdParam } from '../internal/params';
import { API_PREFIX, segment } from '../internal/paths';
import { validateResponse } from '../internal/validateResponse';
import { seedDatasetSchema, type SeedDataset } from '../schemas/seedDatasetSchema';
import type { CallOptions, Operation, RequestDescription, Transport } from '../types';

/** Builds `GET /api/dataframer/seed-datasets/{id}/`. */
export function buildRetrieveDatasetRequest(datasetId: string): RequestDescription {
  const id = checkParams(datasetIdParam, datasetId, 'datasets.retrieve', 'datasetId');
  return { method: 'GET', path: `${API_PREFIX}/seed-datasets/${segment(id)}/`, retry: 'safe' };
}

/** Fetches one seed dataset with its files. */
export const retrieveDatasetOperation: Operation<string, SeedDataset> = {
  name: 'datasets.retrieve',
  build: buildRetrieveDatasetRequest,
  parse: (response, mode) => validateResponse(seedDatasetSchema(mode), response),
};

/** Fetches one seed dataset with its files. */
export function retrieveDataset(transport: Transport, datasetId: string, options?: CallOptions): Promise<SeedDataset> {
  return transport.send(retrieveDatasetOperation, datasetId, options);
}
