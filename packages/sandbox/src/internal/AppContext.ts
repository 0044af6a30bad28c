import type { HttpBindings } from '@hono/node-server';
import type { SandboxControl, SandboxRequestRecord } from '../types';
import type { Throttle } from './createThrottle';
import type { FaultController } from './faults/createFaultController';
import type { IdempotencyStore } from './idempotency';
import type { Scheduler } from './server/createScheduler';
import type { Settings } from './settings';
import type { RunState, Tenant } from './store/state';
import type { Store } from './store/Store';
import type { ViewContext } from './views/ViewContext';

/** The Hono environment of every route: Node bindings and what middleware found out about the request. */
export type Env = { Bindings: HttpBindings; Variables: { record: SandboxRequestRecord; tenant: Tenant; run: RunState } };

/** Shared state the HTTP app works on. */
export interface AppContext {
  store: Store;
  settings: Settings;
  faults: FaultController;
  idempotency: IdempotencyStore;
  requests: SandboxRequestRecord[];
  scheduler: Scheduler;
  control: SandboxControl;
  /** The key rotations counted per client address (`KEY_ROTATION_LIMIT`). */
  keyRotations: Throttle;
  /** The views' context with the settings in force now. */
  view(): ViewContext;
}
