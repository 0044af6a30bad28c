import { type RunFilesDownload, type Runtime, untilAborted } from '@df/core';
import { type DownloadSubject, sizeMismatchError, storageStatusError, unreachableError, unusableUrlError } from './downloadErrors';

/** A download whose answer has started: its body and the size it must have, when known. */
export interface OpenedDownload {
  body: ReadableStream<Uint8Array> | null;
  total: number | undefined;
}

/** The pre-signed URL, checked: only http and https are fetched. */
export function downloadUrlOf(subject: DownloadSubject, files: RunFilesDownload): URL {
  let url: URL;
  try {
    url = new URL(files.download_url);
  } catch {
    throw unusableUrlError(subject, 'is not an absolute URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw unusableUrlError(subject, `uses ${url.protocol}, not http(s)`);
  return url;
}

/** The body's length as the answer declares it, when that is the length of the bytes fetch hands over (no content coding). */
function declaredLength(response: Response): number | undefined {
  const coding = response.headers.get('content-encoding');
  if (coding !== null && coding.trim().toLowerCase() !== 'identity') return undefined;
  const length = response.headers.get('content-length');
  const value = length === null ? Number.NaN : Number(length);
  return Number.isSafeInteger(value) && value >= 0 ? value : undefined;
}

/**
 * Sends the GET for the pre-signed URL with the runtime's fetch itself: not through ky and its authorize hook, so the
 * API key never goes to the storage origin. Checks the status and the Content-Length against `size_bytes`.
 */
export async function openDownload(
  runtime: Runtime,
  subject: DownloadSubject,
  url: URL,
  sizeBytes: number | undefined,
  signal: AbortSignal,
): Promise<OpenedDownload> {
  let response: Response;
  try {
    response = await untilAborted(runtime.fetch(new Request(url, { signal }), { signal }), signal);
  } catch (error) {
    if (signal.aborted) throw error;
    throw unreachableError(subject, error);
  }
  if (response.status !== 200) {
    await response.body?.cancel().catch(() => undefined);
    throw storageStatusError(subject, response.status);
  }
  const length = declaredLength(response);
  if (sizeBytes !== undefined && length !== undefined && length !== sizeBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw sizeMismatchError(subject, `the API announced ${sizeBytes} bytes (size_bytes) but the storage server ${length} (Content-Length)`);
  }
  return { body: response.body, total: sizeBytes ?? length };
}
