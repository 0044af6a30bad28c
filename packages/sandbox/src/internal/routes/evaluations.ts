import { Hono } from 'hono';
import type { AppContext, Env } from '../AppContext';
import { auth } from '../middleware/auth';
import { detail, notFound, readJson } from '../respond';
import { unevaluableRun, validateCreateEvaluation } from '../validation/validateEvaluation';
import { evaluationView } from '../views/evaluationViews';

/** `/evaluations/`: create (of a SUCCEEDED run of the caller's company) and retrieve, the newest docs' routes. */
export function evaluationsRoutes(ctx: AppContext): Hono<Env> {
  const evaluations = new Hono<Env>({ strict: true });
  evaluations.use('*', auth(ctx));

  evaluations.post('/', async (c) => {
    const read = await readJson(c, { optional: true });
    if ('error' in read) return read.error;
    const checked = validateCreateEvaluation(read.body);
    if ('errors' in checked) return c.json(checked.errors, 400);
    // Another company's run is as unknown as a run that never existed.
    const run = ctx.store.run(c.get('tenant').id, checked.value.runId);
    if (!run) return notFound(c);
    const problem = unevaluableRun(run.id, ctx.store.progress(run).status);
    if (problem) return detail(c, 400, problem);
    const created = ctx.store.createEvaluation(run, checked.value.model, ctx.settings.get().evaluationFailureRate);
    return c.json(evaluationView(ctx.view(), created), 201);
  });

  evaluations.get('/:evaluation_id/', (c) => {
    const evaluation = ctx.store.evaluation(c.get('tenant').id, c.req.param('evaluation_id'));
    return evaluation ? c.json(evaluationView(ctx.view(), evaluation)) : notFound(c);
  });

  return evaluations;
}
