import { Hono } from 'hono';
import type { AppContext, Env } from '../AppContext';
import { loadRun } from '../middleware/loadRun';
import { detail, readJson } from '../respond';
import { validateEvaluation } from '../validation/validateEvaluation';
import { evaluationView } from '../views/evaluationViews';

/** `/runs/{id}/evaluations/` (legacy, SDK 0.3.1; mounted by the runs routes, behind their auth): list and create. */
export function evaluationsRoutes(ctx: AppContext): Hono<Env> {
  const evaluations = new Hono<Env>({ strict: true });
  evaluations.use('*', loadRun(ctx));

  evaluations.get('/', (c) => c.json(c.get('run').evaluations.map((e) => evaluationView(ctx.view(), e))));

  evaluations.post('/', async (c) => {
    const read = await readJson(c, { optional: true });
    if ('error' in read) return read.error;
    const checked = validateEvaluation(read.body);
    if ('errors' in checked) return c.json(checked.errors, 400);
    const run = c.get('run');
    // The newest docs' create-evaluation page: the run must be SUCCEEDED.
    const { status } = ctx.store.progress(run);
    if (status !== 'SUCCEEDED') return detail(c, 400, `Run ${run.id} is ${status}; only a SUCCEEDED run can be evaluated.`);
    return c.json(evaluationView(ctx.view(), ctx.store.createEvaluation(run, checked.value.model)), 201);
  });

  return evaluations;
}
