import { randomBytes } from 'node:crypto';
import { ZipFile } from 'yazl';
import type { Timeline } from './createTimeline';
import type { GeneratedFileData, RunState } from './state';

/** What a download link points at: a run's ZIP, or one of its files. */
interface DownloadTarget {
  runId: string;
  fileId: string | null;
}

/** ZIP archives of runs and short-lived download links. */
export interface Downloads {
  /** Simulated ms the ZIP of a run still needs, or 0 when it is ready; the first call starts building it. */
  zipWait(run: RunState): number;
  /** The ZIP of a run's files, their `.metadata` files and `top_level.metadata`; built once per run. */
  zip(run: RunState): Promise<Buffer>;
  /** A link token valid for one hour of wall-clock time. */
  token(target: DownloadTarget): string;
  /** The target of a token, or undefined when unknown or expired. */
  resolve(token: string): DownloadTarget | undefined;
}

// A fixed timestamp, so the same run always gives the same bytes.
const MTIME = new Date(Date.UTC(2024, 0, 1));

/** Writes a ZIP archive with yazl (deflate through node:zlib, off the event loop). */
function writeZip(entries: Array<{ path: string; data: Buffer }>): Promise<Buffer> {
  const zip = new ZipFile();
  for (const entry of entries) zip.addBuffer(entry.data, entry.path, { mtime: MTIME, mode: 0o100644, forceDosTimestamp: true });
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('error', reject);
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

/** Creates the downloads of a store. */
export function createDownloads(options: {
  now: () => number;
  timeline: Timeline;
  zipBuildMs: number;
  files: (run: RunState) => GeneratedFileData[];
}): Downloads {
  const { now, timeline, zipBuildMs, files } = options;
  const zips = new Map<string, Promise<Buffer>>();
  const tokens = new Map<string, DownloadTarget & { expiresAt: number }>();
  return {
    zipWait(run) {
      const at = timeline.sim();
      if (run.zipRequestedSim === null) {
        run.zipRequestedSim = at;
        return Math.max(1, zipBuildMs);
      }
      return Math.max(0, run.zipRequestedSim + zipBuildMs - at);
    },
    zip(run) {
      let zip = zips.get(run.id);
      if (!zip) {
        const entries = files(run).flatMap((f) => [
          { path: f.path, data: f.data },
          {
            path: `${f.path}.metadata`,
            data: Buffer.from(`${JSON.stringify({ file_id: f.id, file_type: f.fileType, evaluation: null })}\n`),
          },
        ]);
        entries.push({
          path: 'top_level.metadata',
          data: Buffer.from(`${JSON.stringify({ run_id: run.id, evaluation_summary: null })}\n`),
        });
        zip = writeZip(entries);
        zips.set(run.id, zip);
      }
      return zip;
    },
    token(target) {
      const token = randomBytes(16).toString('hex');
      tokens.set(token, { ...target, expiresAt: now() + 3_600_000 });
      return token;
    },
    resolve(token) {
      const entry = tokens.get(token);
      if (!entry || entry.expiresAt < now()) return undefined;
      return { runId: entry.runId, fileId: entry.fileId };
    },
  };
}
