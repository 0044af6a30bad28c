import { runPath } from '../internal/paths';
import type { CallOptions, Operation, RequestDescription, Transport } from '../types';

/** Builds `POST /api/dataframer/runs/{id}/cancel/`; cancelling twice is harmless, so it is retried like a read. */
export function buildCancelRunRequest(runId: string): RequestDescription {
  return { method: 'POST', path: `${runPath('runs.cancel', runId)}cancel/`, retry: 'safe' };
}

/** Cancels a pending or running run. The contract documents no response body, so none is returned. */
export const cancelRunOperation: Operation<string, void> = {
  name: 'runs.cancel',
  build: buildCancelRunRequest,
  parse: () => undefined,
};

/** Cancels a pending or running run; fetch it afterwards to see its final state. */
export function cancelRun(transport: Transport, runId: string, options?: CallOptions): Promise<void> {
  return transport.send(cancelRunOperation, runId, options);
}
