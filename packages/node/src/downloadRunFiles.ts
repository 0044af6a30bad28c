import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import {
  checkOptions,
  createDeadline,
  optionCheck,
  TimeoutError,
  type Transport,
  waitForRunFiles,
  type WaitForRunFilesOptions,
  waitOptionsCheck,
} from '@df/core';
import { type DownloadSubject, type DownloadTally, stoppedError } from './internal/downloadErrors';
import { downloadUrlOf, openDownload } from './internal/openDownload';
import { exists, saveBodyAtomically, targetExistsError } from './internal/saveBodyAtomically';

/** How a download is going, reported while the ZIP is prepared and as its bytes arrive. */
export interface DownloadProgress {
  /** `preparing` while the server builds the ZIP, `downloading` once its answer has started. */
  phase: 'preparing' | 'downloading';
  /** Bytes saved so far. */
  received: number;
  /** The ZIP's size (the API's `size_bytes`, else the storage answer's Content-Length), when known. */
  total: number | undefined;
  /** Milliseconds since the download started. */
  elapsedMs: number;
}

/** Options of `downloadRunFiles` and `client.runs.download`. */
export interface DownloadRunFilesOptions extends Pick<WaitForRunFilesOptions, 'intervalMs' | 'maxIntervalMs'> {
  /** Path of the ZIP file to write (relative to the working directory); its folder is created when missing. */
  to: string;
  /** Replace a file already at `to`; by default such a file fails the call before anything is sent. */
  overwrite?: boolean;
  /** Aborts the download at once; nothing is saved. */
  signal?: AbortSignal;
  /** One deadline for waiting for the ZIP and downloading it, a body that stalls included (default 30 minutes). */
  timeoutMs?: number;
  /** Called as the download goes: once while the ZIP is prepared, then for every chunk saved. */
  onProgress?: (progress: DownloadProgress) => void;
}

/** What `downloadRunFiles` saved. */
export interface DownloadRunFilesResult {
  /** Absolute path of the ZIP file. */
  path: string;
  /** Its size in bytes. */
  size: number;
}

/** The deadline of a download when the caller gives none. */
const DEFAULT_DOWNLOAD_TIMEOUT_MS = 30 * 60_000;

const downloadOptionsSchema = /* @__PURE__ */ buildDownloadOptionsSchema();

function buildDownloadOptionsSchema() {
  return waitOptionsCheck({
    to: optionCheck('to', 'the path of the ZIP file to write', (value) => typeof value === 'string' && value !== '', true),
    overwrite: optionCheck('overwrite', 'true or false', (value) => typeof value === 'boolean'),
  });
}

/**
 * Downloads the ZIP of a SUCCEEDED run's files to a file: waits while the server builds it, then streams it from
 * the pre-signed URL (without the API key) into a temporary file beside `to`, checks its size and renames it to
 * `to`, so a file with that name is always complete. One deadline (`timeoutMs`) and the caller's signal bound the
 * whole of it; on any failure nothing is left behind and the error says how far it got.
 */
export async function downloadRunFiles(
  transport: Transport,
  runId: string,
  options: DownloadRunFilesOptions,
): Promise<DownloadRunFilesResult> {
  // No options at all is missing `to`, reported as such.
  checkOptions(downloadOptionsSchema, options ?? {}, 'runs.download');
  const path = resolve(options.to);
  const overwrite = options.overwrite === true;
  if (!overwrite && (await exists(path))) throw targetExistsError(path);
  const timeoutMs = options.timeoutMs ?? DEFAULT_DOWNLOAD_TIMEOUT_MS;
  const { runtime } = transport;
  const deadline = createDeadline(runtime, timeoutMs, options.signal);
  const subject: DownloadSubject = { runId };
  let tally: DownloadTally | undefined;
  const report = (phase: DownloadProgress['phase'], now: DownloadTally = { received: 0, total: undefined }) =>
    options.onProgress?.({ phase, ...now, elapsedMs: deadline.elapsed() });
  try {
    report('preparing');
    const files = await waitForRunFiles(transport, runId, {
      signal: deadline.signal,
      // At least 1 ms: at the deadline's last instant the wait is ended by its signal, not refused as a zero timeout.
      timeoutMs: Math.max(1, deadline.remaining()),
      ...(options.intervalMs !== undefined && { intervalMs: options.intervalMs }),
      ...(options.maxIntervalMs !== undefined && { maxIntervalMs: options.maxIntervalMs }),
    });
    const url = downloadUrlOf(subject, files);
    subject.request = `GET ${url.origin}/…`;
    const sizeBytes = files.size_bytes ?? undefined;
    tally = { received: 0, total: sizeBytes };
    await mkdir(dirname(path), { recursive: true });
    const opened = await openDownload(runtime, subject, url, sizeBytes, deadline.signal);
    const size = await saveBodyAtomically(subject, opened.body, opened.total, {
      path,
      overwrite,
      tag: runtime.randomUUID().slice(0, 8),
      signal: deadline.signal,
      onProgress: (now) => {
        tally = now;
        report('downloading', now);
      },
    });
    return { path, size };
  } catch (error) {
    // The wait was given the time left: its own TimeoutError means this deadline is passing too.
    const state = deadline.state === 'running' && tally === undefined && error instanceof TimeoutError ? 'timeout' : deadline.state;
    if (state === 'running') throw error;
    throw stoppedError(subject, deadline, state, tally);
  } finally {
    deadline.dispose();
  }
}
