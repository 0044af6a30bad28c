import { existsSync, mkdirSync, statSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Context } from '../../context';
import { CliError } from '../../errors';
import { EXIT } from '../../exitCodes';
import type { OptionsOf } from '../../program';
import { atomicDownload } from '../../runs/atomicDownload';
import { resolveRunId } from '../../runs/runIds';
import { extractZip } from '../../runs/zipExtract';
import { withSession } from '../../session';
import { bytes, createStatusLine } from '../../statusLine';

/** How long the ZIP may take to be built when no --timeout is given. */
const DEFAULT_BUILD_WAIT_MS = 300_000;

/**
 * `runs download ID`: waits while the ZIP is built, downloads it atomically and prints the saved path once;
 * with --extract, unpacks it into `run-<id>/` (also atomically) and prints that directory instead.
 */
export function download(ctx: Context, options: OptionsOf<'runsDownload'>, arg: string): Promise<number> {
  return withSession(ctx, options, async (s) => {
    const { io } = s;
    const client = await s.client();
    const id = await resolveRunId(s, client, arg);
    const signal = s.interrupt();
    const line = createStatusLine(io, ctx.clock);
    const temporary: string[] = [];
    try {
      line.update(`Preparing the files of run ${id}…`);
      const files = await client.runs.waitForFiles(id, { signal, timeoutMs: s.remaining() ?? DEFAULT_BUILD_WAIT_MS });
      // Lenient by construction: a server may leave the size out (or send null); the download is then not size-checked.
      const size = files.size_bytes ?? undefined;
      const url = new URL(files.download_url);
      if (url.protocol !== 'https:' && url.protocol !== 'http:')
        throw new CliError(`the server gave an unusable download URL (${url.protocol})`);
      const dir = resolve(ctx.cwd, options.out);
      mkdirSync(dir, { recursive: true });
      const base = `run-${id.replace(/[^A-Za-z0-9._-]/g, '_')}`;
      if (options.debug) io.info(io.errStyle.dim(`[debug] → GET ${url.origin}/… (download URL from the server; no API key sent)`));

      if (!options.extract) {
        const target = join(dir, `${base}.zip`);
        if (existsSync(target) && !options.force) {
          if (size !== undefined && statSync(target).size === size) {
            line.clear();
            io.info(`${target} is already downloaded (${bytes(size)})`);
            io.print(`${target}\n`);
            return EXIT.OK;
          }
          // Without a size from the server the two files cannot be compared, so the message does not claim they differ.
          const why =
            size === undefined ? 'already exists (the server gave no size to compare it with)' : 'already exists with a different size';
          throw new CliError(`${target} ${why}; pass --force to overwrite it`);
        }
        const saved = await atomicDownload(s, { url, dir, name: `${base}.zip`, expectedSize: size, line });
        line.clear();
        io.print(`${saved.path}\n`);
        if (io.errTty) io.info(`${io.errStyle.green('✓')} Saved ${saved.path} (${bytes(saved.size)})`);
        return EXIT.OK;
      }

      const target = join(dir, base);
      if (existsSync(target) && !options.force) throw new CliError(`${target} already exists; pass --force to replace it`);
      const zip = await atomicDownload(s, { url, dir, name: `.${base}.${process.pid}.zip`, expectedSize: size, line });
      temporary.push(zip.path);
      line.update(`Extracting ${base}.zip…`);
      // Unpacked next to the target and renamed into place, so a directory run-<id> is always complete.
      const staging = join(dir, `.${base}.${process.pid}.extracting`);
      temporary.push(staging);
      const count = await extractZip(zip.path, staging);
      if (existsSync(target)) await rm(target, { recursive: true, force: true });
      await rename(staging, target);
      line.clear();
      io.print(`${target}\n`);
      if (io.errTty) io.info(`${io.errStyle.green('✓')} Extracted ${count} files (${bytes(zip.size)} zipped) into ${target}`);
      return EXIT.OK;
    } catch (error) {
      line.clear();
      if (signal.aborted) throw new CliError('interrupted; nothing was saved', EXIT.INTERRUPTED);
      throw error;
    } finally {
      for (const path of temporary) await rm(path, { recursive: true, force: true });
    }
  });
}
