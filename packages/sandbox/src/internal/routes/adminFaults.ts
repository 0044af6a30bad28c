import { Hono } from 'hono';
import type { FaultRule } from '../../faultTypes';
import type { AppContext, Env } from '../AppContext';
import { detail, notFound } from '../respond';

/** `/__sandbox/faults` and `/__sandbox/fault-counts/reset`: fault rules over HTTP, for tests that drive other processes. */
export function adminFaultsRoutes(ctx: AppContext): Hono<Env> {
  const admin = new Hono<Env>({ strict: true });
  const { faults } = ctx;

  admin.get('/faults', (c) => c.json({ faults: faults.list(), counts: faults.counts() }));

  admin.post('/faults', async (c) => {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return detail(c, 400, 'Body must be JSON: a fault rule, a spec string, {"spec": "..."}, or a list of these.');
    }
    const items = Array.isArray(body) ? body : [body];
    const ids: string[] = [];
    try {
      const rules = items.map((item) =>
        typeof item === 'string'
          ? item
          : item && typeof item === 'object' && 'spec' in item
            ? String((item as { spec: unknown }).spec)
            : (item as FaultRule),
      );
      for (const rule of rules) ids.push(faults.add(rule));
    } catch (error) {
      for (const id of ids) faults.remove(id);
      return detail(c, 400, (error as Error).message);
    }
    return c.json({ ids }, 201);
  });

  admin.delete('/faults', (c) => {
    faults.clear();
    return c.body(null, 204);
  });

  admin.delete('/faults/:id', (c) => (faults.remove(c.req.param('id')) ? c.body(null, 204) : notFound(c)));

  admin.post('/fault-counts/reset', (c) => {
    faults.resetCounts();
    return c.body(null, 204);
  });

  return admin;
}
