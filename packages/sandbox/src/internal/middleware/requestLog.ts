import type { MiddlewareHandler } from 'hono';
import type { SandboxRequestRecord } from '../../types';
import type { AppContext, Env } from '../AppContext';
import { iso } from '../views/ViewContext';

/** Records every request (for `sandbox.requests()`) and puts its id on the answer as `X-Request-Id`. */
export function requestLog(ctx: AppContext): MiddlewareHandler<Env> {
  let sequence = 0;
  return async (c, next) => {
    const record: SandboxRequestRecord = {
      requestId: `req_${(++sequence).toString().padStart(6, '0')}`,
      at: iso(ctx.store.now()),
      method: c.req.method,
      path: new URL(c.req.url).pathname,
      company: null,
      idempotencyKey: c.req.header('idempotency-key') ?? null,
      status: null,
      delivered: true,
      fault: null,
      latencyMs: 0,
    };
    ctx.requests.push(record);
    c.set('record', record);
    await next();
    c.res.headers.set('X-Request-Id', record.requestId);
    if (record.delivered) record.status = c.res.status;
  };
}
