import { Hono } from 'hono';
import type { AppContext, Env } from '../AppContext';
import { loadRun } from '../middleware/loadRun';
import { readJson } from '../respond';
import { MAX_SAMPLES_PAGE } from '../rules';
import type { FieldErrors } from '../validation/FieldErrors';
import { readInteger } from '../validation/queryParams';
import { validateSampleIndices } from '../validation/validateSampleIndices';
import { pageIndices, samplesView } from '../views/sampleViews';

/** `/runs/{id}/samples/` (mounted by the runs routes, behind their auth): the paginated list, and samples by finish-time position (legacy). */
export function samplesRoutes(ctx: AppContext): Hono<Env> {
  const samples = new Hono<Env>({ strict: true });
  samples.use('*', loadRun(ctx));

  samples.get('/', (c) => {
    const errors: FieldErrors = {};
    const offset = readInteger(c.req.query('offset'), 'offset', { fallback: 0, min: 0 }, errors);
    // "Default all, max 1000": without a limit, a page as large as a limit may ask for.
    const limit = readInteger(c.req.query('limit'), 'limit', { fallback: MAX_SAMPLES_PAGE, min: 1, max: MAX_SAMPLES_PAGE }, errors);
    if (Object.keys(errors).length > 0) return c.json(errors, 400);
    const run = c.get('run');
    // A gateway's page cap: fewer samples than asked for, with the same total, and the client must ask again.
    const cap = ctx.settings.get().maxPageSize ?? limit;
    return c.json(samplesView(ctx.view(), run, pageIndices(ctx.view(), run, offset, Math.min(limit, cap)), { skipMissing: true }));
  });

  samples.post('/', async (c) => {
    const read = await readJson(c);
    if ('error' in read) return read.error;
    const checked = validateSampleIndices(read.body);
    if ('errors' in checked) return c.json(checked.errors, 400);
    return c.json(samplesView(ctx.view(), c.get('run'), checked.value, { skipMissing: false }));
  });

  return samples;
}
