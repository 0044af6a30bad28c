import type { MiddlewareHandler } from 'hono';
import type { AppContext, Env } from '../AppContext';
import { notFound } from '../respond';

/** Finds the `:run_id` run of the caller's company (404 otherwise, another company's included). */
export function loadRun(ctx: AppContext): MiddlewareHandler<Env> {
  return async (c, next) => {
    const run = ctx.store.run(c.get('tenant').id, c.req.param('run_id') ?? '');
    if (!run) return notFound(c);
    c.set('run', run);
    return next();
  };
}
