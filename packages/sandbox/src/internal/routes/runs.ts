import { Hono } from 'hono';
import type { AppContext, Env } from '../AppContext';
import { checkIdempotencyKey } from '../idempotency';
import { auth } from '../middleware/auth';
import { loadRun } from '../middleware/loadRun';
import { detail, readJson } from '../respond';
import { isTerminal } from '../store/lifecycle';
import { runtimeParams } from '../store/runtimeParams';
import { notAnObject } from '../validation/FieldErrors';
import { validateCreateRun } from '../validation/validateCreateRun';
import { runDetailView, runStatusView, runView } from '../views/runViews';
import { runEvaluationsRoutes } from './runEvaluations';
import { runFilesRoutes } from './runFiles';
import { samplesRoutes } from './samples';

/** `/runs/`: list, create, retrieve, update (legacy), delete, cancel and status (legacy), with the run's samples, files and evaluations mounted below. */
export function runsRoutes(ctx: AppContext): Hono<Env> {
  const runs = new Hono<Env>({ strict: true });
  const run = loadRun(ctx);
  runs.use('*', auth(ctx));

  runs.get('/', (c) => c.json(ctx.store.runsOf(c.get('tenant').id).map((r) => runView(ctx.view(), r))));

  runs.post('/', async (c) => {
    const tenant = c.get('tenant');
    const read = await readJson(c);
    if ('error' in read) return read.error;
    const key = c.req.header('idempotency-key');
    if (key !== undefined) {
      const problem = checkIdempotencyKey(key);
      if (problem) return detail(c, 400, problem);
      const previous = ctx.idempotency.lookup(tenant.id, key, read.body);
      if (previous.kind === 'conflict') return detail(c, 422, 'Idempotency-Key was already used with a different request body.');
      if (previous.kind === 'replay') return c.json(previous.body, previous.status as 201, { 'Idempotent-Replayed': 'true' });
    }
    const checked = validateCreateRun(read.body);
    if ('errors' in checked) return c.json(checked.errors, 400);
    const input = checked.value;
    const spec = ctx.store.spec(tenant.id, input.spec_id as string);
    if (!spec) return detail(c, 400, `Spec ${String(input.spec_id)} was not found.`);
    const ready = ctx.settings.get().specReadyStatus;
    if (spec.status !== 'SUCCEEDED') {
      return detail(c, 400, `Spec ${spec.id} is in status ${spec.status}; only a spec in ${ready} status can be used for a run.`);
    }
    const latest = spec.versions.length;
    const version = (input.spec_version as number | undefined) ?? latest;
    if (version > latest) {
      return c.json({ spec_version: [`Spec version ${version} does not exist; the latest version is ${latest}.`] }, 400);
    }
    const created = ctx.store.createRun(tenant, spec, version, runtimeParams(input));
    created.idempotencyKey = key ?? null;
    created.requestId = c.get('record').requestId;
    const answer = { id: created.id };
    if (key !== undefined) ctx.idempotency.remember(tenant.id, key, read.body, 201, answer);
    return c.json(answer, 201);
  });

  runs.get('/:run_id/', run, (c) => c.json(runDetailView(ctx.view(), c.get('run'))));

  // No field of a run is documented as writable; like a DRF serializer, read-only fields in the body are ignored.
  runs.put('/:run_id/', run, async (c) => {
    const read = await readJson(c, { optional: true });
    if ('error' in read) return read.error;
    const wrong = read.body === undefined ? undefined : notAnObject(read.body);
    if (wrong) return c.json(wrong, 400);
    return c.json(runDetailView(ctx.view(), c.get('run')));
  });

  runs.delete('/:run_id/', run, (c) => {
    ctx.store.remove(c.get('run'));
    return c.body(null, 204);
  });

  runs.post('/:run_id/cancel/', run, (c) => {
    const target = c.get('run');
    const { status } = ctx.store.progress(target);
    if (isTerminal(status)) {
      return detail(
        c,
        400,
        `Run ${target.id} is ${status} and can no longer be canceled; only PENDING or PROCESSING runs can be canceled.`,
      );
    }
    ctx.store.cancel(target);
    return c.json(runDetailView(ctx.view(), target));
  });

  runs.get('/:run_id/status/', run, (c) => c.json(runStatusView(ctx.view(), c.get('run'))));

  runs.route('/:run_id/samples/', samplesRoutes(ctx));
  runs.route('/:run_id/evaluations/', runEvaluationsRoutes(ctx));
  runs.route('/:run_id/', runFilesRoutes(ctx));

  return runs;
}
