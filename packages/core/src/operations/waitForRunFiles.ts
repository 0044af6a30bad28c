import { checkOptions, waitOptionsCheck } from '../transport/checkOptions';
import { poll, type PollIntervals } from '../internal/poll';
import type { RunFilesDownload } from '../schemas/runFilesDownloadSchema';
import type { Transport } from '../types';
import { requestRunFiles, type RunFilesState } from './requestRunFiles';

/** Options of `waitForRunFiles`. */
export interface WaitForRunFilesOptions extends PollIntervals {
  signal?: AbortSignal;
  /** Deadline for the whole wait (default 5 minutes). */
  timeoutMs?: number;
}

const waitForRunFilesOptionsSchema = /* @__PURE__ */ buildWaitForRunFilesOptionsSchema();

function buildWaitForRunFilesOptionsSchema() {
  return waitOptionsCheck({});
}

/** Asks for the ZIP of a run's files and polls while the server answers 202, returning the URL once it is ready. */
export async function waitForRunFiles(
  transport: Transport,
  runId: string,
  options: WaitForRunFilesOptions = {},
): Promise<RunFilesDownload> {
  checkOptions(waitForRunFilesOptionsSchema, options, 'runs.waitForFiles');
  const state = await poll<RunFilesState>({
    transport,
    name: `Preparing the files of run ${runId}`,
    timeoutMs: options.timeoutMs ?? 300_000,
    ...(options.signal && { signal: options.signal }),
    ...(options.intervalMs !== undefined && { intervalMs: options.intervalMs }),
    ...(options.maxIntervalMs !== undefined && { maxIntervalMs: options.maxIntervalMs }),
    fetch: (signal, timeoutMs) => requestRunFiles(transport, runId, { signal, timeoutMs }),
    done: (value) => value.state === 'ready',
    describe: (value) => (value ? 'the ZIP was still being built' : 'no answer was received yet'),
  });
  const { state: _ready, ...download } = state as { state: 'ready' } & RunFilesDownload;
  return download;
}
