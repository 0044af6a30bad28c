import { Hono, type Context } from 'hono';
import type { SandboxSettings, SeedRunOptions } from '../../types';
import type { AppContext, Env } from '../AppContext';
import { runRecordsOf } from '../runRecordsOf';
import { detail } from '../respond';
import { iso } from '../views/ViewContext';
import { adminFaultsRoutes } from './adminFaults';
import { downloadsRoutes } from './downloads';

/** The admin API's spelling of each setting. */
const SETTING_NAMES: Record<string, keyof SandboxSettings> = {
  speed: 'speed',
  spec_ready_status: 'specReadyStatus',
  optional_fields: 'optionalFields',
  max_page_size: 'maxPageSize',
  dataset_paths: 'datasetPaths',
  evaluation_success_status: 'evaluationSuccessStatus',
  evaluation_failure_rate: 'evaluationFailureRate',
};

/** The settings in the admin API's spelling; a setting that is not set (`maxPageSize`) is left out. */
function settingsBody(settings: SandboxSettings): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(SETTING_NAMES).flatMap(([name, key]) => (settings[key] === undefined ? [] : [[name, settings[key]]])),
  );
}

/** Reads a JSON object body (empty allowed) or answers 400. */
async function objectBody(c: Context<Env>): Promise<Record<string, unknown> | Response> {
  const raw = await c.req.text();
  if (raw.trim() === '') return {};
  try {
    const body: unknown = JSON.parse(raw);
    if (body && typeof body === 'object' && !Array.isArray(body)) return body as Record<string, unknown>;
  } catch {
    // Answered below.
  }
  return detail(c, 400, 'Body must be a JSON object.');
}

/** Runs a control call and answers with `answer()`, or 400 with the call's message when it throws. */
function attempt(c: Context<Env>, call: () => void, answer: () => Response): Response {
  try {
    call();
  } catch (error) {
    return detail(c, 400, (error as Error).message);
  }
  return answer();
}

/** `/__sandbox/…`: the admin API (no auth, never faulted) for tests that drive other processes. */
export function adminRoutes(ctx: AppContext): Hono<Env> {
  const admin = new Hono<Env>({ strict: true });
  const { control } = ctx;

  admin.get('/state', (c) =>
    c.json({
      seed: ctx.store.seed(),
      speed: ctx.store.timeline.speed(),
      now: iso(ctx.store.now()),
      settings: settingsBody(control.settings()),
      faults: ctx.faults.list(),
      fault_counts: ctx.faults.counts(),
      runs: runRecordsOf(ctx, c.req.query('company')),
      requests: ctx.requests,
    }),
  );

  admin.get('/settings', (c) => c.json(settingsBody(control.settings())));

  admin.patch('/settings', async (c) => {
    const body = await objectBody(c);
    if (body instanceof Response) return body;
    const unknown = Object.keys(body).filter((name) => !(name in SETTING_NAMES));
    if (unknown.length > 0)
      return detail(c, 400, `Unknown setting ${unknown.join(', ')}; settings are ${Object.keys(SETTING_NAMES).join(', ')}.`);
    const changes = Object.fromEntries(
      Object.entries(body).map(([name, value]) => [SETTING_NAMES[name], value]),
    ) as Partial<SandboxSettings>;
    return attempt(
      c,
      () => control.set(changes),
      () => c.json(settingsBody(control.settings())),
    );
  });

  admin.post('/clock/advance', async (c) => {
    const body = await objectBody(c);
    if (body instanceof Response) return body;
    return attempt(
      c,
      () => control.advance(body.ms as number),
      () => c.body(null, 204),
    );
  });

  admin.post('/reset', async (c) => {
    const body = await objectBody(c);
    if (body instanceof Response) return body;
    return attempt(
      c,
      () => control.reset(body.seed === undefined ? {} : { seed: body.seed as number }),
      () => c.body(null, 204),
    );
  });

  admin.post('/runs', async (c) => {
    const body = await objectBody(c);
    if (body instanceof Response) return body;
    const options = { ...body, ...(body.spec_id !== undefined && { specId: body.spec_id }) } as SeedRunOptions & { spec_id?: unknown };
    delete options.spec_id;
    let id = '';
    return attempt(
      c,
      () => (id = control.seedRun(options)),
      () => c.json({ id }, 201),
    );
  });

  admin.route('/', adminFaultsRoutes(ctx));
  admin.route('/downloads/', downloadsRoutes(ctx));
  return admin;
}
