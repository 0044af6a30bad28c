import { createAdaptorServer } from '@hono/node-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp, runRecordsOf } from './internal/createApp';
import { createFaultController } from './internal/createFaultController';
import { DEMO_KEYS } from './DEMO_KEYS';
import { createStore } from './internal/createStore';
import type { Sandbox, SandboxOptions, SandboxRequestRecord } from './types';

/** Starts a local Dataframer-compatible API server and resolves once it listens. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const seed = options.seed ?? 1;
  const speed = options.speed ?? 1;
  if (!(speed > 0) || !Number.isFinite(speed)) throw new Error('speed must be a positive number');
  const store = createStore({
    seed,
    speed,
    now: options.now ?? Date.now,
    samplesPerSecond: options.samplesPerSecond ?? 5,
    pendingMs: options.pendingMs ?? 2000,
    zipBuildMs: options.zipBuildMs ?? 2000,
    failureRate: options.failureRate ?? 0.1,
    tenants: options.tenants ?? [],
  });
  const faults = createFaultController(seed, options.faults ?? []);
  const requests: SandboxRequestRecord[] = [];
  const timers = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>();
  const sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const entry = { timer: setTimeout(() => (timers.delete(entry), resolve()), ms), resolve };
      timers.add(entry);
    });
  const app = createApp({ store, faults, requests, sleep, info: { seed, speed } });
  const server = createAdaptorServer({ fetch: app.fetch }) as Server;
  // A client that was answered must not wait on a server-side idle timer to let the process exit.
  server.keepAliveTimeout = 5_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  let stopping: Promise<void> | undefined;

  return {
    url: `http://${host}:${address.port}`,
    port: address.port,
    keys: { ...DEMO_KEYS },
    faults,
    runs: (companyOrKey) => runRecordsOf(store, companyOrKey),
    requests: () => requests.map((r) => ({ ...r })),
    stop() {
      stopping ??= new Promise<void>((resolve) => {
        for (const entry of timers) {
          clearTimeout(entry.timer);
          entry.resolve();
        }
        timers.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return stopping;
    },
  };
}
