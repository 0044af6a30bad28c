import { createAdaptorServer } from '@hono/node-server';
import type { Server } from 'node:http';
import { DEMO_KEYS } from './DEMO_KEYS';
import { parseFaultSpec, validateFaultRule } from './parseFaultSpec';
import type { AppContext } from './internal/AppContext';
import { createApp } from './internal/createApp';
import { createControl } from './internal/createControl';
import { createThrottle } from './internal/createThrottle';
import { createFaultController } from './internal/faults/createFaultController';
import { createIdempotencyStore } from './internal/idempotency';
import { runRecordsOf } from './internal/runRecordsOf';
import {
  DEFAULT_FAILURE_RATE,
  DEFAULT_HOST,
  DEFAULT_SAMPLES_PER_SECOND,
  DEFAULT_SEED,
  DEFAULT_SPEED,
  KEY_ROTATION_LIMIT,
} from './internal/rules';
import { createListener } from './internal/server/createListener';
import { createScheduler } from './internal/server/createScheduler';
import { checkFailureRate, checkIdempotencyMode, checkSpeed, createSettings } from './internal/settings';
import { createStore } from './internal/store/createStore';
import { createTimeline } from './internal/store/createTimeline';
import type { Sandbox, SandboxOptions, SandboxRequestRecord } from './types';

/** Starts a local Dataframer-compatible API server and resolves once it listens. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const seed = options.seed ?? DEFAULT_SEED;
  const now = options.now ?? Date.now;
  const timeline = createTimeline(now, checkSpeed(options.speed ?? DEFAULT_SPEED));
  const settings = createSettings(timeline, options);
  // Bad rules fail the start before anything listens.
  const initialFaults = (options.faults ?? []).map((rule) =>
    typeof rule === 'string' ? parseFaultSpec(rule) : validateFaultRule({ ...rule }),
  );
  const store = createStore({
    seed,
    now,
    timeline,
    samplesPerSecond: options.samplesPerSecond ?? DEFAULT_SAMPLES_PER_SECOND,
    pendingMs: options.pendingMs ?? 2000,
    zipBuildMs: options.zipBuildMs ?? 2000,
    failureRate: checkFailureRate(options.failureRate ?? DEFAULT_FAILURE_RATE),
    freshIds: options.seed === undefined,
    tenants: options.tenants ?? [],
  });
  const scheduler = createScheduler();
  const faults = createFaultController(seed, scheduler);
  const idempotency = createIdempotencyStore(checkIdempotencyMode(options.idempotency));
  const requests: SandboxRequestRecord[] = [];
  const keyRotations = createThrottle(KEY_ROTATION_LIMIT);
  const control = createControl({ store, settings, faults, idempotency, keyRotations });
  const ctx: AppContext = {
    store,
    settings,
    faults,
    idempotency,
    requests,
    scheduler,
    control,
    keyRotations,
    view: () => ({ store, settings: settings.get() }),
  };
  const app = createApp(ctx);
  const server = createAdaptorServer({ fetch: app.fetch }) as Server;
  // A client that was answered must not wait on a server-side idle timer to let the process exit.
  server.keepAliveTimeout = 5_000;

  const listener = await createListener(server, options.port ?? 0, options.host ?? DEFAULT_HOST);
  faults.onRefusingChange((refusing) => listener.setRefusing(refusing));
  for (const rule of initialFaults) faults.add(rule);
  let stopping: Promise<void> | undefined;

  return {
    url: listener.url,
    port: listener.port,
    keys: { ...DEMO_KEYS },
    faults,
    control,
    runs: (companyOrKey) => runRecordsOf(ctx, companyOrKey),
    requests: () => requests.map((r) => ({ ...r })),
    stop() {
      stopping ??= (async () => {
        scheduler.stop();
        await listener.stop();
      })();
      return stopping;
    },
  };
}
