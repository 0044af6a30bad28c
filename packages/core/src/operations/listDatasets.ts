import { API_PREFIX } from '../internal/paths';
import { validateResponse } from '../internal/validateResponse';
import { datasetListSchema, type DatasetListItem } from '../schemas/datasetListSchema';
import type { CallOptions, Operation, RequestDescription, Transport } from '../types';

/** Builds `GET /api/dataframer/datasets/` (the contract documents no filters or pagination). */
export function buildListDatasetsRequest(): RequestDescription {
  return { method: 'GET', path: `${API_PREFIX}/datasets/`, retry: 'safe' };
}

/** Lists the company's seed datasets. */
export const listDatasetsOperation: Operation<void, DatasetListItem[]> = {
  name: 'datasets.list',
  build: buildListDatasetsRequest,
  parse: (response, mode) => validateResponse(datasetListSchema(mode), response),
};

/** Lists the company's seed datasets. */
export function listDatasets(transport: Transport, options?: CallOptions): Promise<DatasetListItem[]> {
  return transport.send(listDatasetsOperation, undefined, options);
}
