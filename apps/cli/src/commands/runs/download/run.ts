import { existsSync, statSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { DownloadProgress, NodeClient } from '@df/node';
import type { Context } from '../../../context';
import { CliError } from '../../../errors';
import { EXIT } from '../../../exitCodes';
import { bytes, shortDuration } from '../../../format';
import { resolveRunId } from '../../../runs/resolveRunId';
import { extractZip } from '../../../runs/zipExtract';
import { type Session, withSession } from '../../../session';
import { bar, createStatusLine, type StatusLine } from '../../../statusLine';
import type { DownloadOptions } from './flags';

/** How long the ZIP may take to be built when no --timeout is given (only for comparing an existing file's size). */
const DEFAULT_BUILD_WAIT_MS = 300_000;

/** Draws the SDK's download progress on the status line. */
function showProgress(line: StatusLine, id: string, name: string): (progress: DownloadProgress) => void {
  return ({ phase, received, total }) =>
    line.update(
      phase === 'preparing'
        ? `Preparing the files of run ${id}…`
        : `Downloading ${name} ${bar(total ? received / total : undefined)} ${bytes(received)}${total ? ` / ${bytes(total)}` : ''}`,
    );
}

/** An existing run-<id>.zip without --force: kept when its size is the one the server announces, refused otherwise. */
async function alreadyThere(s: Session, client: NodeClient, id: string, target: string, line: StatusLine): Promise<number> {
  line.update(`Preparing the files of run ${id}…`);
  const files = await client.runs.waitForFiles(id, { signal: s.interrupt(), timeoutMs: s.remaining() ?? DEFAULT_BUILD_WAIT_MS });
  // Lenient by construction: a server may leave the size out (or send null); the two files cannot be compared then.
  const size = files.size_bytes ?? undefined;
  line.clear();
  if (size === undefined || statSync(target).size !== size) {
    const why = size === undefined ? 'already exists (the server gave no size to compare it with)' : 'already exists with a different size';
    throw new CliError(`${target} ${why}; pass --force to overwrite it`);
  }
  s.io.info(`${target} is already downloaded (${bytes(size)})`);
  if (!(s.io.outTty && s.io.errTty)) s.io.print(`${target}\n`);
  return EXIT.OK;
}

/** What extraction stops with when --timeout passes. */
const TIMED_OUT = new Error('--timeout passed');

/** Unpacks the ZIP until Ctrl-C or what is left of --timeout stops it (the timer holds the signal, so it fires whatever the garbage collector does). */
async function extractWithin(s: Session, zip: string, staging: string): Promise<number> {
  const interrupt = s.interrupt();
  const controller = new AbortController();
  const onInterrupt = () => controller.abort(interrupt.reason);
  if (interrupt.aborted) onInterrupt();
  else interrupt.addEventListener('abort', onInterrupt, { once: true });
  const left = s.remaining();
  const timer = left === undefined ? undefined : setTimeout(() => controller.abort(TIMED_OUT), left);
  try {
    return await extractZip(zip, staging, { signal: controller.signal });
  } finally {
    clearTimeout(timer);
    interrupt.removeEventListener('abort', onInterrupt);
  }
}

/**
 * Says once where the files went: the path on stdout for a pipe or a script, the line for a person on stderr when
 * stderr is a terminal; on a terminal that shows both, only that line.
 */
function savedOnce(io: Session['io'], path: string, line: string): void {
  if (!(io.outTty && io.errTty)) io.print(`${path}\n`);
  if (io.errTty) io.info(`${io.errStyle.green('✓')} ${line}`);
}

/**
 * `runs download ID`: the SDK's `runs.download` waits while the ZIP is built and saves it atomically within what is
 * left of --timeout; the saved path is printed once. With --extract, the ZIP is unpacked into `run-<id>/` (also
 * atomically, and within --timeout too) and that directory is printed instead.
 */
export function run(ctx: Context, options: DownloadOptions, arg: string): Promise<number> {
  return withSession(ctx, options, async (s) => {
    const { io } = s;
    const client = await s.client();
    const id = await resolveRunId(s, client, arg);
    const signal = s.interrupt();
    const line = createStatusLine(io, ctx.clock);
    const dir = resolve(ctx.cwd, options.out);
    const base = `run-${id.replace(/[^A-Za-z0-9._-]/g, '_')}`;
    const temporary: string[] = [];
    const save = (to: string) => {
      const left = s.remaining();
      const onProgress = showProgress(line, id, `${base}.zip`);
      return client.runs.download(id, { to, overwrite: true, signal, onProgress, ...(left !== undefined && { timeoutMs: left }) });
    };
    try {
      if (!options.extract) {
        const target = join(dir, `${base}.zip`);
        if (existsSync(target) && !options.force) return await alreadyThere(s, client, id, target, line);
        const saved = await save(target);
        line.clear();
        savedOnce(io, saved.path, `Saved ${saved.path} (${bytes(saved.size)})`);
        return EXIT.OK;
      }

      const target = join(dir, base);
      if (existsSync(target) && !options.force) throw new CliError(`${target} already exists; pass --force to replace it`);
      const zipPath = join(dir, `.${base}.${process.pid}.zip`);
      temporary.push(zipPath);
      const zip = await save(zipPath);
      line.update(`Extracting ${base}.zip…`);
      // Unpacked next to the target and renamed into place, so a directory run-<id> is always complete.
      const staging = join(dir, `.${base}.${process.pid}.extracting`);
      temporary.push(staging);
      const count = await extractWithin(s, zip.path, staging).catch((error: unknown) => {
        if (error !== TIMED_OUT) throw error;
        const limit =
          options.timeout !== undefined && options.timeout < 1000 ? `${options.timeout}ms` : shortDuration(options.timeout ?? 0);
        throw new CliError(`extracting ${base}.zip did not finish within --timeout ${limit}; nothing was saved`);
      });
      if (existsSync(target)) await rm(target, { recursive: true, force: true });
      await rename(staging, target);
      line.clear();
      savedOnce(io, target, `Extracted ${count} files (${bytes(zip.size)} zipped) into ${target}`);
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
