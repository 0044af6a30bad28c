import { Hono } from 'hono';
import type { AppContext, Env } from '../AppContext';
import { healthView } from '../views/healthViews';

/** `/health/`: answers without a key (the contract does not say whether health needs one). */
export function healthRoutes(ctx: AppContext): Hono<Env> {
  const health = new Hono<Env>({ strict: true });
  health.get('/', (c) => c.json(healthView(ctx.view())));
  return health;
}
