import { Hono } from 'hono';
import type { AppContext, Env } from '../AppContext';
import { detail } from '../respond';

/** `/__sandbox/downloads/<token>/<name>`: what a `download_url` points at, valid for one hour. */
export function downloadsRoutes(ctx: AppContext): Hono<Env> {
  const downloads = new Hono<Env>({ strict: true });
  downloads.get('/:token/:name', async (c) => {
    const target = ctx.store.downloads.resolve(c.req.param('token'));
    const run = target && ctx.store.allRuns().find((r) => r.id === target.runId && r.deletedAt === null);
    const expired = (): Response => detail(c, 403, 'The download link is invalid or has expired.');
    if (!target || !run) return expired();
    if (target.fileId === null) {
      const name = `run-${run.id}.zip`;
      if (c.req.param('name') !== name) return expired();
      const zip = await ctx.store.downloads.zip(run);
      return c.body(new Uint8Array(zip), 200, {
        'Content-Type': 'application/zip',
        'Content-Disposition': `attachment; filename="${name}"`,
      });
    }
    const file = ctx.store.files(run).find((f) => f.id === target.fileId);
    const name = file?.path.split('/').at(-1);
    if (!file || c.req.param('name') !== name) return expired();
    const type =
      file.fileType === 'json' ? 'application/json' : file.fileType === 'jsonl' ? 'application/x-ndjson' : 'application/octet-stream';
    return c.body(new Uint8Array(file.data), 200, { 'Content-Type': type, 'Content-Disposition': `attachment; filename="${name}"` });
  });
  return downloads;
}
