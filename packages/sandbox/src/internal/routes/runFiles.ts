import { Hono, type Context } from 'hono';
import type { AppContext, Env } from '../AppContext';
import { loadRun } from '../middleware/loadRun';
import { detail, notFound } from '../respond';
import { ADMIN } from '../rules';
import type { RunState } from '../store/state';
import { fileContentView, fileDownloadView, generatedFilesView, zipReadyView } from '../views/fileViews';

/** A download link on this server for a token (served by the downloads routes). */
function downloadUrl(c: Context, token: string, name: string): string {
  return `${new URL(c.req.url).origin}${ADMIN}/downloads/${token}/${encodeURIComponent(name)}`;
}

/** `/runs/{id}/…` files (mounted by the runs routes, behind their auth): the ZIP download, and the legacy generated-files routes. */
export function runFilesRoutes(ctx: AppContext): Hono<Env> {
  const files = new Hono<Env>({ strict: true });
  const run = loadRun(ctx);
  const notSucceeded = (c: Context<Env>, target: RunState): Response | undefined => {
    const { status } = ctx.store.progress(target);
    return status === 'SUCCEEDED'
      ? undefined
      : detail(c, 400, `Run ${target.id} is ${status}; files can be downloaded only from a SUCCEEDED run.`);
  };
  const file = (c: Context<Env>) => ctx.store.files(c.get('run')).find((f) => f.id === c.req.param('file_id'));

  files.get('/files/download/', run, async (c) => {
    const target = c.get('run');
    const refused = notSucceeded(c, target);
    if (refused) return refused;
    if (ctx.store.downloads.zipWait(target) > 0) return detail(c, 202, 'The ZIP archive is being built; poll this endpoint again.');
    const zip = await ctx.store.downloads.zip(target);
    const token = ctx.store.downloads.token({ runId: target.id, fileId: null });
    return c.json(zipReadyView(ctx.view(), downloadUrl(c, token, `run-${target.id}.zip`), zip.length));
  });

  files.get('/generated-files/', run, (c) => c.json(generatedFilesView(ctx.view(), c.get('run'))));

  files.get('/generated-files/download-all/', run, async (c) => {
    const target = c.get('run');
    const refused = notSucceeded(c, target);
    if (refused) return refused;
    const zip = await ctx.store.downloads.zip(target);
    return c.body(new Uint8Array(zip), 200, {
      'Content-Type': 'application/zip',
      'Content-Disposition': `attachment; filename="run-${target.id}.zip"`,
    });
  });

  files.get('/generated-files/:file_id/download/', run, (c) => {
    const found = ctx.store.progress(c.get('run')).status === 'SUCCEEDED' ? file(c) : undefined;
    if (!found) return notFound(c);
    const token = ctx.store.downloads.token({ runId: c.get('run').id, fileId: found.id });
    return c.json(fileDownloadView(ctx.view(), found, downloadUrl(c, token, found.path.split('/').at(-1) as string)));
  });

  files.get('/generated-files/:file_id/content/', run, (c) => {
    const found = ctx.store.progress(c.get('run')).status === 'SUCCEEDED' ? file(c) : undefined;
    return found ? c.json(fileContentView(ctx.view(), found)) : notFound(c);
  });

  return files;
}
