import * as v from 'valibot';
import { perMode, type ObjectOutput, type SchemaMode } from './SchemaMode';

/** The fields of the 200 answer of `GET /runs/{id}/files/download/`; the URL is all the client needs. */
export const runFilesDownloadEntries = (mode: SchemaMode) => ({
  /** Valid for one hour. */
  download_url: v.string(),
  /** Size of the ZIP in bytes. */
  size_bytes: mode.optional(mode.integer()),
});

/** The ZIP of a run's files is ready: a short-lived (one hour) URL and its size. */
export interface RunFilesDownload extends ObjectOutput<ReturnType<typeof runFilesDownloadEntries>> {}

/** Schema of the 200 answer of `GET /runs/{id}/files/download/`. */
export const runFilesDownloadSchema = /* @__PURE__ */ perMode<RunFilesDownload>((mode) => mode.object(runFilesDownloadEntries(mode)));
