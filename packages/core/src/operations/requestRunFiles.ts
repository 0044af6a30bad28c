import { validateResponse } from '../internal/validateResponse';
import { runPath } from '../internal/paths';
import { runFilesDownloadSchema, type RunFilesDownload } from '../schemas/runFilesDownloadSchema';
import type { CallOptions, Operation, RequestDescription, Transport } from '../types';

/** The ZIP of a run's files: still being built (202), or ready with a URL (200). */
export type RunFilesState = { state: 'building' } | ({ state: 'ready' } & RunFilesDownload);

/** Builds `GET /api/dataframer/runs/{id}/files/download/`. */
export function buildRequestRunFilesRequest(runId: string): RequestDescription {
  return { method: 'GET', path: `${runPath('runs.requestFiles', runId)}files/download/`, retry: 'safe' };
}

/** Asks for the ZIP of all generated files once: 202 means it is being built, 200 carries the URL. */
export const requestRunFilesOperation: Operation<string, RunFilesState> = {
  name: 'runs.requestFiles',
  build: buildRequestRunFilesRequest,
  parse: (response, mode) =>
    response.status === 202 ? { state: 'building' } : { state: 'ready', ...validateResponse(runFilesDownloadSchema(mode), response) },
};

/** Asks for the ZIP of all generated files once; see `waitForRunFiles` to poll until it is ready. */
export function requestRunFiles(transport: Transport, runId: string, options?: CallOptions): Promise<RunFilesState> {
  return transport.send(requestRunFilesOperation, runId, options);
}
