import {
  ApiError,
  ConnectionError,
  type DataframerError,
  type Deadline,
  deadlineError,
  ResponseValidationError,
  systemErrorCode,
} from '@df/core';

/** What every download message names: the run, and the request in a form that holds no part of the pre-signed URL. */
export interface DownloadSubject {
  runId: string;
  /** `GET https://storage.example/…`, set once the download URL is known. */
  request?: string;
}

/** How far a download got: bytes saved so far and the size expected, when known. */
export interface DownloadTally {
  received: number;
  total: number | undefined;
}

const NOTHING_SAVED = 'nothing was saved';

const tally = ({ received, total }: DownloadTally) =>
  total === undefined ? `${received} bytes (of an unknown size)` : `${received} of ${total} bytes`;

function describe(error: unknown): string {
  const inner = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return error instanceof Error ? error.message + inner : String(error);
}

const request = (subject: DownloadSubject) => (subject.request === undefined ? {} : { request: subject.request });

/** The deadline passed (TimeoutError) or the caller aborted (AbortError); says how far the download got. */
export function stoppedError(
  subject: DownloadSubject,
  deadline: Deadline,
  state: 'timeout' | 'aborted',
  progress: DownloadTally | undefined,
): DataframerError {
  const where = progress ? `${tally(progress)} had arrived` : 'the ZIP was still being prepared';
  // An inner wait that timed out an instant before this deadline counts as this deadline passing.
  return deadlineError(
    { ...deadline, state },
    `Downloading the files of run ${subject.runId}`,
    `: ${where}; ${NOTHING_SAVED}`,
    request(subject),
  );
}

/** The storage server could not be reached, or the connection broke before its answer. */
export function unreachableError(subject: DownloadSubject, cause: unknown): ConnectionError {
  const code = systemErrorCode(cause);
  return new ConnectionError(`Could not download the files of run ${subject.runId}: ${describe(cause)}; ${NOTHING_SAVED}`, {
    cause,
    ...request(subject),
    ...(code !== undefined && { causeCode: code }),
  });
}

/** The body broke off half-way (the connection closed or failed), or ended before the size announced. */
export function cutShortError(subject: DownloadSubject, progress: DownloadTally, cause?: unknown): ConnectionError {
  const code = systemErrorCode(cause);
  const why = cause === undefined ? 'ended' : `broke off (${describe(cause)})`;
  return new ConnectionError(`The download of run ${subject.runId}'s files ${why} after ${tally(progress)}; ${NOTHING_SAVED}`, {
    ...(cause !== undefined && { cause }),
    ...request(subject),
    ...(code !== undefined && { causeCode: code }),
  });
}

/** The body, or its Content-Length, disagrees with the size announced for it (`message` says which and how). */
export function sizeMismatchError(subject: DownloadSubject, message: string): ResponseValidationError {
  return new ResponseValidationError(`The download of run ${subject.runId}'s files failed: ${message}; ${NOTHING_SAVED}`, {
    issues: [{ path: 'size_bytes', message }],
    ...request(subject),
  });
}

/** The API gave a download URL the client will not fetch (not http or https, or not a URL at all). */
export function unusableUrlError(subject: DownloadSubject, why: string): ResponseValidationError {
  const message = `the download URL ${why}`;
  return new ResponseValidationError(`The files of run ${subject.runId} cannot be downloaded: ${message}; ${NOTHING_SAVED}`, {
    issues: [{ path: 'download_url', message }],
  });
}

/** The storage server answered with an error status (an expired link answers 403). */
export function storageStatusError(subject: DownloadSubject, status: number): ApiError {
  const hint = status === 403 ? ' (the download link may have expired: download again for a new one)' : '';
  return new ApiError(
    `Downloading the files of run ${subject.runId} failed: HTTP ${status} from the storage server${hint}; ${NOTHING_SAVED}`,
    {
      status,
      ...request(subject),
    },
  );
}
