import { Hono } from 'hono';
import type { AppContext, Env } from '../AppContext';
import { loadRun } from '../middleware/loadRun';
import { detail, readJson } from '../respond';
import { unevaluableRun, validateLegacyEvaluation } from '../validation/validateEvaluation';
import { evaluationSummaryView, legacyEvaluationView } from '../views/evaluationViews';

/** `/runs/{id}/evaluations/` (mounted by the runs routes, behind their auth): the newest docs' list, and the legacy SDK 0.3.1 create. */
export function runEvaluationsRoutes(ctx: AppContext): Hono<Env> {
  const evaluations = new Hono<Env>({ strict: true });
  evaluations.use('*', loadRun(ctx));

  evaluations.get('/', (c) => c.json(c.get('run').evaluations.map((e) => evaluationSummaryView(ctx.view(), e))));

  evaluations.post('/', async (c) => {
    const read = await readJson(c, { optional: true });
    if ('error' in read) return read.error;
    const checked = validateLegacyEvaluation(read.body);
    if ('errors' in checked) return c.json(checked.errors, 400);
    const run = c.get('run');
    const problem = unevaluableRun(run.id, ctx.store.progress(run).status);
    if (problem) return detail(c, 400, problem);
    const created = ctx.store.createEvaluation(run, checked.value.model, ctx.settings.get().evaluationFailureRate);
    return c.json(legacyEvaluationView(ctx.view(), created), 201);
  });

  return evaluations;
}
