import type { Context, MiddlewareHandler } from 'hono';
import type { FaultKind, FaultRule } from '../../faultTypes';
import type { AppContext, Env } from '../AppContext';
import { detail } from '../respond';
import { API, type SERVER_ERROR_STATUSES } from '../rules';

/** Rewrites a JSON response body for the unknown-status and extra-field faults. */
function rewriteJson(body: unknown, kind: FaultKind, rule: FaultRule): unknown {
  const apply = (item: unknown): unknown => {
    if (!item || typeof item !== 'object' || Array.isArray(item)) return item;
    const obj = { ...(item as Record<string, unknown>) };
    if (kind === 'unknown-status' && ('samples_completed' in obj || 'conformance_score' in obj))
      obj.status = rule.value ?? 'QUEUED_FOR_GPU';
    if (kind === 'extra-field') obj[rule.field ?? 'x_sandbox_extra'] = { injected_by: 'dataframer-sandbox' };
    return obj;
  };
  return Array.isArray(body) ? body.map(apply) : apply(body);
}

const SERVER_ERRORS: Record<(typeof SERVER_ERROR_STATUSES)[number], string> = {
  500: 'A server error occurred.',
  502: 'Bad gateway.',
  503: 'Service temporarily unavailable, try again later.',
};

/** Injects the faults the rules decide for each API request (`refuse` acts on the listener instead). */
export function faults(ctx: AppContext): MiddlewareHandler<Env> {
  const destroySocket = (c: Context<Env>): void => {
    c.env.incoming.socket.destroy();
  };
  return async (c, next) => {
    const record = c.get('record');
    // Rules name paths under the API prefix relative to it, and other paths (the key rotation) in full.
    const path = record.path.startsWith(`${API}/`) ? record.path.slice(API.length) : record.path;
    const { latencyMs, fault } = ctx.faults.decide(c.req.method, path);
    record.latencyMs = latencyMs;
    if (latencyMs > 0) {
      // A slow server has the whole request before it is slow: read the body first (Hono caches it for the
      // handler), so a create still acts when its client gave up during the delay, as a real server would.
      // As bytes, so a multipart upload (a ZIP, a PDF) reaches the handler unchanged.
      if (c.req.method !== 'GET' && c.req.method !== 'HEAD') await c.req.arrayBuffer().catch(() => undefined);
      await ctx.scheduler.sleep(latencyMs);
    }
    if (!fault) return next();
    record.fault = fault.kind;
    switch (fault.kind) {
      case 'reset':
        record.delivered = false;
        destroySocket(c);
        return c.body(null, 500);
      case 'rate-limit': {
        const seconds = fault.retryAfter ?? 1;
        return detail(c, 429, `Request was throttled. Expected available in ${seconds} seconds.`, { 'Retry-After': String(seconds) });
      }
      case 'server-error': {
        const status = fault.status ?? 500;
        const headers: Record<string, string> = fault.retryAfter !== undefined ? { 'Retry-After': String(fault.retryAfter) } : {};
        return detail(c, status, SERVER_ERRORS[status as keyof typeof SERVER_ERRORS] ?? SERVER_ERRORS[500], headers);
      }
    }
    await next();
    if (fault.kind === 'drop-after-act') {
      record.status = c.res.status;
      record.delivered = false;
      destroySocket(c);
      return;
    }
    const type = c.res.headers.get('content-type');
    const json = type === null || /json/i.test(type);
    if (fault.kind === 'malformed-json') {
      const bytes = new Uint8Array(await c.res.arrayBuffer());
      const cut = bytes.length > 1 ? bytes.slice(0, Math.ceil(bytes.length / 2)) : '{"detail": "';
      const headers = new Headers(c.res.headers);
      if (json) headers.set('content-type', 'application/json');
      c.res = new Response(cut, { status: c.res.status === 204 ? 200 : c.res.status, headers });
      return;
    }
    // Other kinds rewrite JSON objects; an empty 204 or ZIP bytes stay as they are.
    if (!json || c.res.status === 204) return;
    const text = await c.res.text();
    let rewritten = text;
    try {
      rewritten = JSON.stringify(rewriteJson(JSON.parse(text), fault.kind, fault));
    } catch {
      // Not JSON after all: nothing to rewrite.
    }
    c.res = new Response(rewritten, { status: c.res.status, headers: c.res.headers });
  };
}
