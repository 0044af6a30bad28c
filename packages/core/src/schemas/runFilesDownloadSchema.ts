import * as v from 'valibot';
import { perMode } from './SchemaMode';

/** The ZIP of a run's files is ready: a short-lived (one hour) URL and its size. */
export interface RunFilesDownload {
  download_url: string;
  size_bytes?: number | null;
}

/** Schema of the 200 answer of `GET /runs/{id}/files/download/`; the URL is all the client needs. */
export const runFilesDownloadSchema = /* @__PURE__ */ perMode<RunFilesDownload>((mode) =>
  mode.object({
    download_url: v.string(),
    size_bytes: mode.documented(mode.integer()),
  }),
);
