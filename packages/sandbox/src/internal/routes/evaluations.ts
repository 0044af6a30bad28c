import { Hono } from 'hono';
import type { AppContext, Env } from '../AppContext';
import { checkIdempotencyKey } from '../idempotency';
import { auth } from '../middleware/auth';
import { detail, notFound, readJson } from '../respond';
import { unevaluableRun, validateCreateEvaluation } from '../validation/validateEvaluation';
import { evaluationView } from '../views/evaluationViews';

/** `/evaluations/`: create (of a SUCCEEDED run of the caller's company) and retrieve, the newest docs' routes. */
export function evaluationsRoutes(ctx: AppContext): Hono<Env> {
  const evaluations = new Hono<Env>({ strict: true });
  evaluations.use('*', auth(ctx));

  evaluations.post('/', async (c) => {
    const tenant = c.get('tenant');
    const read = await readJson(c, { optional: true });
    if ('error' in read) return read.error;
    // As for runs: a repeated create with the same key and body answers the first one again.
    const key = c.req.header('idempotency-key');
    if (key !== undefined) {
      const problem = checkIdempotencyKey(key);
      if (problem) return detail(c, 400, problem);
      const previous = ctx.idempotency.lookup(tenant.id, key, read.body);
      if (previous.kind === 'conflict') return detail(c, 422, 'Idempotency-Key was already used with a different request body.');
      if (previous.kind === 'replay') return c.json(previous.body, previous.status as 201, { 'Idempotent-Replayed': 'true' });
    }
    const checked = validateCreateEvaluation(read.body);
    if ('errors' in checked) return c.json(checked.errors, 400);
    // Another company's run is as unknown as a run that never existed.
    const run = ctx.store.run(tenant.id, checked.value.runId);
    if (!run) return notFound(c);
    const problem = unevaluableRun(run.id, ctx.store.progress(run).status);
    if (problem) return detail(c, 400, problem);
    const created = ctx.store.createEvaluation(run, checked.value.model, ctx.settings.get().evaluationFailureRate);
    const answer = evaluationView(ctx.view(), created);
    if (key !== undefined) ctx.idempotency.remember(tenant.id, key, read.body, 201, answer);
    return c.json(answer, 201);
  });

  evaluations.get('/:evaluation_id/', (c) => {
    const evaluation = ctx.store.evaluation(c.get('tenant').id, c.req.param('evaluation_id'));
    return evaluation ? c.json(evaluationView(ctx.view(), evaluation)) : notFound(c);
  });

  return evaluations;
}
