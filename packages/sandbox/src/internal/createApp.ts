import type { HttpBindings } from '@hono/node-server';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import type { FaultKind, FaultRule, SandboxRequestRecord, SandboxRunRecord } from '../types';
import { GENERATION_MODELS, DEFAULT_MODEL } from './catalog';
import { isTerminal, iso, runtimeParams, type Store, type Tenant } from './createStore';
import type { FaultController } from './createFaultController';
import { validateCreateRun } from './validateCreateRun';
import { runDetailView, runView, specListItemView, specView } from './views';

type Env = { Bindings: HttpBindings; Variables: { record: SandboxRequestRecord; tenant: Tenant } };

const API = '/api/dataframer';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Route patterns of the API with the methods each one serves, for 405 answers. */
const ROUTES: Array<{ pattern: RegExp; methods: string[] }> = [
  { pattern: /^\/health\/$/, methods: ['GET'] },
  { pattern: /^\/models\/$/, methods: ['GET'] },
  { pattern: /^\/specs\/$/, methods: ['GET'] },
  { pattern: /^\/specs\/[^/]+\/$/, methods: ['GET'] },
  { pattern: /^\/runs\/$/, methods: ['GET', 'POST'] },
  { pattern: /^\/runs\/[^/]+\/$/, methods: ['GET', 'DELETE'] },
  { pattern: /^\/runs\/[^/]+\/cancel\/$/, methods: ['POST'] },
  { pattern: /^\/runs\/[^/]+\/status\/$/, methods: ['GET'] },
  { pattern: /^\/runs\/[^/]+\/samples\/$/, methods: ['GET'] },
  { pattern: /^\/runs\/[^/]+\/files\/download\/$/, methods: ['GET'] },
];

/** Shared state the HTTP app works on. */
export interface AppContext {
  store: Store;
  faults: FaultController;
  requests: SandboxRequestRecord[];
  /** Waits `ms` milliseconds unless the sandbox is stopping. */
  sleep(ms: number): Promise<void>;
  info: { seed: number; speed: number };
}

interface IdempotentResult {
  fingerprint: string;
  status: 201;
  body: { id: string };
}

/** Serialises JSON with sorted keys, so two equal bodies give the same fingerprint. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function detail(c: Context, status: number, message: string, headers?: Record<string, string>) {
  return c.json({ detail: message }, status as 400, headers);
}

/** Rewrites a JSON response body for the unknown-status and extra-field faults. */
function rewriteJson(body: unknown, kind: FaultKind, rule: FaultRule): unknown {
  const apply = (item: unknown): unknown => {
    if (!item || typeof item !== 'object' || Array.isArray(item)) return item;
    const obj = { ...(item as Record<string, unknown>) };
    if (kind === 'unknown-status' && 'samples_completed' in obj) obj.status = rule.value ?? 'QUEUED_FOR_GPU';
    if (kind === 'extra-field') obj[rule.field ?? 'x_sandbox_extra'] = { injected_by: 'dataframer-sandbox' };
    return obj;
  };
  return Array.isArray(body) ? body.map(apply) : apply(body);
}

/** Builds the Hono app: the Dataframer API under /api/dataframer/, the admin API under /__sandbox/. */
export function createApp(ctx: AppContext): Hono<Env> {
  const { store, faults } = ctx;
  const idempotency = new Map<string, IdempotentResult>();
  let requestSeq = 0;
  const app = new Hono<Env>({ strict: true });

  app.use('*', async (c, next) => {
    const url = new URL(c.req.url);
    const record: SandboxRequestRecord = {
      requestId: `req_${(++requestSeq).toString().padStart(6, '0')}`,
      at: iso(store.now()),
      method: c.req.method,
      path: url.pathname,
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
  });

  const destroySocket = (c: Context<Env>): void => {
    c.env.incoming.socket.destroy();
  };

  app.use(`${API}/*`, async (c, next) => {
    const record = c.get('record');
    const { latencyMs, fault } = faults.decide(c.req.method, record.path.slice(API.length));
    record.latencyMs = latencyMs;
    if (latencyMs > 0) {
      // A slow server has the whole request before it is slow: read the body first (Hono caches it for the
      // handler), so a create still acts when its client gave up during the delay, as a real server would.
      if (c.req.method !== 'GET' && c.req.method !== 'HEAD') await c.req.text().catch(() => '');
      await ctx.sleep(latencyMs);
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
        const message = status === 500 ? 'A server error occurred.' : status === 502 ? 'Bad gateway.' : 'Service temporarily unavailable, try again later.';
        return detail(c, status, message, headers);
      }
    }
    await next();
    if (fault.kind === 'drop-after-act') {
      record.status = c.res.status;
      record.delivered = false;
      destroySocket(c);
      return;
    }
    const text = await c.res.text();
    if (fault.kind === 'malformed-json') {
      const cut = text.length > 1 ? text.slice(0, Math.ceil(text.length / 2)) : '{"detail": "';
      const status = c.res.status === 204 ? 200 : c.res.status;
      const headers = new Headers(c.res.headers);
      headers.set('content-type', 'application/json');
      c.res = new Response(cut, { status, headers });
      return;
    }
    let rewritten = text;
    try {
      rewritten = JSON.stringify(rewriteJson(JSON.parse(text), fault.kind, fault));
    } catch {
      // Not JSON (e.g. an empty 204 body): nothing to rewrite.
    }
    c.res = new Response(c.res.status === 204 ? null : rewritten, { status: c.res.status, headers: c.res.headers });
  });

  const auth: MiddlewareHandler<Env> = async (c, next) => {
    const header = c.req.header('authorization');
    if (!header) return detail(c, 401, 'Authentication credentials were not provided.');
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const tenant = match ? store.tenantForKey(match[1] as string) : undefined;
    if (!tenant) return detail(c, 401, 'Invalid token.');
    c.set('tenant', tenant);
    c.get('record').company = tenant.id;
    return next();
  };

  const notFound = (c: Context) => detail(c, 404, 'Not found.');

  app.get(`${API}/health/`, (c) => c.json({ status: 'ok', service: 'dataframer-sandbox', time: iso(store.now()) }));

  app.get(`${API}/models/`, auth, (c) =>
    c.json({
      models: GENERATION_MODELS.map((id) => ({
        id,
        provider: id.split('/')[0],
        thinking: id.endsWith('-thinking'),
        requires_databricks_credentials: id.startsWith('databricks/'),
        default: id === DEFAULT_MODEL,
      })),
    }),
  );

  app.get(`${API}/specs/`, auth, (c) => c.json(store.specsOf(c.get('tenant').id).map((s) => specListItemView(store, s))));

  app.get(`${API}/specs/:spec_id/`, auth, (c) => {
    const spec = store.spec(c.get('tenant').id, c.req.param('spec_id'));
    if (!spec) return notFound(c);
    const raw = c.req.query('include_versions');
    let include = false;
    if (raw !== undefined) {
      const v = raw.toLowerCase();
      if (['true', '1'].includes(v)) include = true;
      else if (!['false', '0'].includes(v)) return c.json({ include_versions: ['Must be a valid boolean.'] }, 400);
    }
    return c.json(specView(store, spec, include));
  });

  app.get(`${API}/runs/`, auth, (c) => c.json(store.runsOf(c.get('tenant').id).map((r) => runView(store, r))));

  app.post(`${API}/runs/`, auth, async (c) => {
    const tenant = c.get('tenant');
    const contentType = c.req.header('content-type');
    if (contentType && !/^application\/json\b/i.test(contentType)) {
      return detail(c, 415, `Unsupported media type "${contentType}" in request.`);
    }
    const raw = await c.req.text();
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch (error) {
      return detail(c, 400, `JSON parse error - ${(error as Error).message}`);
    }
    const key = c.req.header('idempotency-key');
    const slot = key === undefined ? undefined : `${tenant.id}\n${key}`;
    if (key !== undefined && (key.length === 0 || key.length > 255)) {
      return detail(c, 400, 'Idempotency-Key must be 1 to 255 characters long.');
    }
    const fingerprint = canonical(body);
    const previous = slot === undefined ? undefined : idempotency.get(slot);
    if (previous) {
      if (previous.fingerprint !== fingerprint) {
        return detail(c, 422, 'Idempotency-Key was already used with a different request body.');
      }
      return c.json(previous.body, previous.status, { 'Idempotent-Replayed': 'true' });
    }
    const checked = validateCreateRun(body);
    if ('errors' in checked) return c.json(checked.errors, 400);
    const input = checked.value;
    const spec = store.spec(tenant.id, input.spec_id as string);
    if (!spec) return detail(c, 400, `Spec ${String(input.spec_id)} was not found.`);
    if (spec.status !== 'SUCCEEDED') {
      return detail(c, 400, `Spec ${spec.id} is in status ${spec.status}; only a spec in SUCCEEDED status can be used for a run.`);
    }
    const latest = spec.versions.length;
    const version = (input.spec_version as number | undefined) ?? latest;
    if (version > latest) {
      return c.json({ spec_version: [`Spec version ${version} does not exist; the latest version is ${latest}.`] }, 400);
    }
    const run = store.createRun(tenant, spec, version, runtimeParams(input));
    run.idempotencyKey = key ?? null;
    run.requestId = c.get('record').requestId;
    const result: IdempotentResult = { fingerprint, status: 201, body: { id: run.id } };
    if (slot !== undefined) idempotency.set(slot, result);
    return c.json(result.body, 201);
  });

  const withRun = (handler: (c: Context<Env>, run: NonNullable<ReturnType<Store['run']>>) => Response | Promise<Response>) =>
    ((c: Context<Env>) => {
      const run = store.run(c.get('tenant').id, c.req.param('run_id') as string);
      return run ? handler(c, run) : notFound(c);
    }) as (c: Context<Env>) => Response | Promise<Response>;

  app.get(`${API}/runs/:run_id/`, auth, withRun((c, run) => c.json(runDetailView(store, run))));

  app.delete(
    `${API}/runs/:run_id/`,
    auth,
    withRun((c, run) => {
      run.deletedAt = store.now();
      return c.body(null, 204);
    }),
  );

  app.post(
    `${API}/runs/:run_id/cancel/`,
    auth,
    withRun((c, run) => {
      const at = store.now();
      const { status } = store.progress(run, at);
      if (isTerminal(status)) return detail(c, 400, `Run ${run.id} is ${status} and can no longer be canceled; only PENDING or PROCESSING runs can be canceled.`);
      run.canceledAt = at;
      return c.json(runDetailView(store, run));
    }),
  );

  app.get(
    `${API}/runs/:run_id/status/`,
    auth,
    withRun((c, run) => {
      const view = runView(store, run);
      return c.json({ id: run.id, status: view.status, samples_completed: view.samples_completed, samples_failed: view.samples_failed });
    }),
  );

  app.get(
    `${API}/runs/:run_id/samples/`,
    auth,
    withRun((c, run) => {
      const errors: Record<string, string[]> = {};
      const int = (name: string, fallback: number, min: number, max?: number): number => {
        const raw = c.req.query(name);
        if (raw === undefined || raw === '') return fallback;
        if (!/^-?\d+$/.test(raw)) {
          errors[name] = ['A valid integer is required.'];
          return fallback;
        }
        const v = Number(raw);
        if (v < min) errors[name] = [`Ensure this value is greater than or equal to ${min}.`];
        else if (max !== undefined && v > max) errors[name] = [`Ensure this value is less than or equal to ${max}.`];
        return v;
      };
      const offset = int('offset', 0, 0);
      const limit = int('limit', 1000, 1, 1000);
      if (Object.keys(errors).length > 0) return c.json(errors, 400);
      const p = store.progress(run);
      const end = Math.min(p.completed, offset + limit);
      const outputs = [];
      const statuses = [];
      for (let i = offset; i < end; i++) {
        const { sample, finishTime } = store.sampleAt(run, i);
        outputs.push({ generated_sample: sample, metadata: { finish_time: finishTime, index: i } });
        statuses.push({ index: i, status: 'completed' });
      }
      return c.json({
        task_id: run.id,
        status: p.status === 'SUCCEEDED' ? 'COMPLETED' : p.status,
        result: { generated_outputs: outputs },
        total_samples: p.completed,
        returned_count: outputs.length,
        sample_statuses: statuses,
      });
    }),
  );

  app.get(`${API}/runs/:run_id/files/download/`, auth, (c) => {
    const id = c.req.param('run_id');
    const run = UUID.test(id) ? store.run(c.get('tenant').id, id) : undefined;
    if (!run) return notFound(c);
    const { status } = store.progress(run);
    if (status !== 'SUCCEEDED') return detail(c, 400, `Run ${run.id} is ${status}; files can be downloaded only from a SUCCEEDED run.`);
    if (store.zipWait(run) > 0) return detail(c, 202, 'The ZIP archive is being built; poll this endpoint again.');
    const token = store.downloadToken(run);
    const origin = new URL(c.req.url).origin;
    return c.json({ download_url: `${origin}/__sandbox/downloads/${token}/run-${run.id}.zip`, size_bytes: store.zip(run).length });
  });

  // Admin API: outside /api/dataframer/, no auth, never faulted.
  app.get('/__sandbox/downloads/:token/:file', (c) => {
    const run = store.download(c.req.param('token'));
    if (!run || c.req.param('file') !== `run-${run.id}.zip`) return detail(c, 403, 'The download link is invalid or has expired.');
    const bytes = store.zip(run);
    return c.body(new Uint8Array(bytes), 200, {
      'Content-Type': 'application/zip',
      'Content-Disposition': `attachment; filename="run-${run.id}.zip"`,
    });
  });

  const runRecords = (companyOrKey?: string): SandboxRunRecord[] => runRecordsOf(store, companyOrKey);

  app.get('/__sandbox/state', (c) =>
    c.json({
      seed: ctx.info.seed,
      speed: ctx.info.speed,
      now: iso(store.now()),
      faults: faults.list(),
      fault_counts: faults.counts(),
      runs: runRecords(c.req.query('company')),
      requests: ctx.requests,
    }),
  );

  app.get('/__sandbox/faults', (c) => c.json({ faults: faults.list(), counts: faults.counts() }));

  app.post('/__sandbox/faults', async (c) => {
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
        typeof item === 'string' ? item : item && typeof item === 'object' && 'spec' in item ? String((item as { spec: unknown }).spec) : (item as FaultRule),
      );
      for (const rule of rules) ids.push(faults.add(rule));
    } catch (error) {
      for (const id of ids) faults.remove(id);
      return detail(c, 400, (error as Error).message);
    }
    return c.json({ ids }, 201);
  });

  app.delete('/__sandbox/faults', (c) => {
    faults.clear();
    return c.body(null, 204);
  });

  app.delete('/__sandbox/faults/:id', (c) => (faults.remove(c.req.param('id')) ? c.body(null, 204) : notFound(c)));

  app.post('/__sandbox/fault-counts/reset', (c) => {
    faults.resetCounts();
    return c.body(null, 204);
  });

  app.notFound((c) => {
    const path = new URL(c.req.url).pathname;
    if (path.startsWith(`${API}/`)) {
      const route = ROUTES.find((r) => r.pattern.test(path.slice(API.length)));
      if (route) {
        return detail(c, 405, `Method "${c.req.method}" not allowed.`, { Allow: route.methods.join(', ') });
      }
    }
    return notFound(c);
  });

  app.onError((error, c) => {
    console.error('[dataframer-sandbox] unexpected error', error);
    return detail(c, 500, 'A server error occurred.');
  });

  return app;
}

/** The run records of every company, or of one company given by id or API key. */
export function runRecordsOf(store: Store, companyOrKey?: string): SandboxRunRecord[] {
  const company = companyOrKey === undefined ? undefined : (store.tenantForKey(companyOrKey)?.id ?? companyOrKey);
  return store
    .allRuns()
    .filter((r) => company === undefined || r.companyId === company)
    .map((r) => ({
      id: r.id,
      company: r.companyId,
      idempotencyKey: r.idempotencyKey,
      requestId: r.requestId,
      seeded: r.seeded,
      deleted: r.deletedAt !== null,
      run: runDetailView(store, r),
    }));
}
