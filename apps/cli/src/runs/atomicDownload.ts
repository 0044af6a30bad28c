import { open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { CliError } from '../errors';
import type { Session } from '../session';
import { bar, bytes, type StatusLine } from '../statusLine';

/** What to download and where. */
export interface AtomicDownload {
  url: URL;
  dir: string;
  /** Final file name inside `dir`. */
  name: string;
  /** The size the server announced; the file is kept only when it arrives in full. */
  expectedSize?: number | undefined;
  line: StatusLine;
}

/**
 * Streams a download into a temporary `.NAME.PID.part` file in the target directory, checks its size, and
 * only then renames it to its final name: a file with the final name is always complete. Returns the
 * final path and the byte count; the partial file is removed on any failure.
 */
export async function atomicDownload(s: Session, d: AtomicDownload): Promise<{ path: string; size: number }> {
  const target = join(d.dir, d.name);
  const temp = join(d.dir, `.${d.name}.${process.pid}.part`);
  let kept = false;
  try {
    // The download URL is pre-signed: the API key is never sent to it. The SDK's fetch streams the body.
    const response = await (await s.fetch()).fetch(d.url, { signal: s.interrupt() });
    if (response.status !== 200 || !response.body) {
      await response.body?.cancel();
      throw new CliError(`downloading ${d.name} failed: HTTP ${response.status} from ${d.url.host}`);
    }
    const total = d.expectedSize ?? (Number(response.headers.get('content-length')) || undefined);
    const handle = await open(temp, 'w', 0o644);
    let received = 0;
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        await handle.write(chunk);
        received += chunk.byteLength;
        d.line.update(
          `Downloading ${d.name} ${bar(total ? received / total : undefined)} ${bytes(received)}${total ? ` / ${bytes(total)}` : ''}`,
        );
      }
    } finally {
      await handle.close();
    }
    if (d.expectedSize !== undefined && received !== d.expectedSize) {
      throw new CliError(
        `the download of ${d.name} is incomplete: got ${received} bytes, expected ${d.expectedSize}; nothing was saved, try again`,
      );
    }
    await rename(temp, target);
    kept = true;
    return { path: target, size: received };
  } finally {
    if (!kept) await rm(temp, { force: true });
  }
}
