import { runPath } from '../internal/paths';
import type { CallOptions, Operation, RequestDescription, Transport } from '../types';

/** Builds `DELETE /api/dataframer/runs/{id}/`. */
export function buildDeleteRunRequest(runId: string): RequestDescription {
  return { method: 'DELETE', path: runPath('runs.delete', runId), retry: 'safe' };
}

/** Deletes a run and its stored files. */
export const deleteRunOperation: Operation<string, void> = {
  name: 'runs.delete',
  build: buildDeleteRunRequest,
  parse: () => undefined,
  // The run is gone, which is what was asked: an earlier attempt deleted it and its answer was lost.
  doneAfterLostAnswer: (error) => (error as { status?: number }).status === 404,
};

/** Deletes a run and its stored files. */
export function deleteRun(transport: Transport, runId: string, options?: CallOptions): Promise<void> {
  return transport.send(deleteRunOperation, runId, options);
}
