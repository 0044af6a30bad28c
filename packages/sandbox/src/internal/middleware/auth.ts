import type { MiddlewareHandler } from 'hono';
import type { AppContext, Env } from '../AppContext';
import { detail } from '../respond';

/** Requires `Authorization: Bearer <key>` of a known company, as Django REST's token auth answers it. */
export function auth(ctx: AppContext): MiddlewareHandler<Env> {
  return async (c, next) => {
    const header = c.req.header('authorization');
    if (!header) return detail(c, 401, 'Authentication credentials were not provided.');
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const tenant = match ? ctx.store.tenantForKey(match[1] as string) : undefined;
    if (!tenant) return detail(c, 401, 'Invalid token.');
    c.set('tenant', tenant);
    c.get('record').company = tenant.id;
    return next();
  };
}
