import type { MiddlewareHandler } from 'hono';
import type { AppContext, Env } from '../AppContext';

/** While a `refuse` fault holds, an answer in flight ends its connection, so the client's next request must connect (and is refused). */
export function closeWhileRefusing(ctx: AppContext): MiddlewareHandler<Env> {
  return async (c, next) => {
    await next();
    if (ctx.faults.refusing()) c.res.headers.set('Connection', 'close');
  };
}
