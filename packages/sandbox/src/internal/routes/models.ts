import { Hono } from 'hono';
import type { AppContext, Env } from '../AppContext';
import { auth } from '../middleware/auth';
import { modelsView } from '../views/modelViews';

/** `/models/`: the generation models the create body accepts. */
export function modelsRoutes(ctx: AppContext): Hono<Env> {
  const models = new Hono<Env>({ strict: true });
  models.use('*', auth(ctx));
  models.get('/', (c) => c.json(modelsView(ctx.view())));
  return models;
}
