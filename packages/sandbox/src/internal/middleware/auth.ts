import type { MiddlewareHandler } from 'hono';
import type { AppContext, Env } from '../AppContext';
import { detail } from '../respond';

/** The key of an `Authorization: Bearer <key>` header, or undefined for any other header. */
export function bearerKey(header: string | undefined): string | undefined {
  return header === undefined ? undefined : /^Bearer\s+(\S+)$/i.exec(header)?.[1];
}

/** Requires `Authorization: Bearer <key>` of a known company, as Django REST's token auth answers it. */
export function auth(ctx: AppContext): MiddlewareHandler<Env> {
  return async (c, next) => {
    const header = c.req.header('authorization');
    if (!header) return detail(c, 401, 'Authentication credentials were not provided.');
    const key = bearerKey(header);
    const tenant = key === undefined ? undefined : ctx.store.tenantForKey(key);
    if (!tenant) return detail(c, 401, 'Invalid token.');
    c.set('tenant', tenant);
    c.get('record').company = tenant.id;
    return next();
  };
}
