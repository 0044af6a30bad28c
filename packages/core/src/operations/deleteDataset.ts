import { checkParams, datasetIdParam } from '../internal/params';
import { API_PREFIX, segment } from '../internal/paths';
import type { CallOptions, Operation, RequestDescription, Transport } from '../types';

/** Builds `DELETE /api/dataframer/datasets/{id}/`. */
export function buildDeleteDatasetRequest(datasetId: string): RequestDescription {
  const id = checkParams(datasetIdParam, datasetId, 'datasets.delete', 'datasetId');
  return { method: 'DELETE', path: `${API_PREFIX}/datasets/${segment(id)}/`, retry: 'safe' };
}

/** Deletes a seed dataset and its files (the server refuses while a spec uses it). */
export const deleteDatasetOperation: Operation<string, void> = {
  name: 'datasets.delete',
  build: buildDeleteDatasetRequest,
  parse: () => undefined,
  // The dataset is gone, which is what was asked: an earlier attempt deleted it and its answer was lost.
  doneAfterLostAnswer: (error) => (error as { status?: number }).status === 404,
};

/** Deletes a seed dataset and its files (the server refuses while a spec uses it). */
export function deleteDataset(transport: Transport, datasetId: string, options?: CallOptions): Promise<void> {
  return transport.send(deleteDatasetOperation, datasetId, options);
}
