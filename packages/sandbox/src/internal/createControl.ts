import type { SandboxControl, SeedRunOptions } from '../types';
import type { Throttle } from './createThrottle';
import type { FaultController } from './faults/createFaultController';
import type { IdempotencyStore } from './idempotency';
import { MAX_SAMPLES_PER_RUN, RUN_STATUSES } from './rules';
import type { Settings } from './settings';
import type { Store } from './store/Store';

function checkSeedRun(store: Store, options: SeedRunOptions) {
  if (!options || !RUN_STATUSES.includes(options.status)) throw new Error(`status must be one of ${RUN_STATUSES.join(', ')}`);
  const company = options.company ?? 'acme';
  const tenant = store.tenantForKey(company) ?? store.tenant(company);
  if (!tenant) throw new Error(`unknown company "${company}"`);
  const usable = store.specsOf(tenant.id).filter((s) => s.status === 'SUCCEEDED');
  const spec = options.specId === undefined ? usable[0] : usable.find((s) => s.id === options.specId);
  if (!spec) throw new Error(`spec ${options.specId ?? ''} is not a SUCCEEDED spec of company "${tenant.id}"`);
  const samples = options.samples ?? 100;
  if (!Number.isInteger(samples) || samples < 1 || samples > MAX_SAMPLES_PER_RUN)
    throw new Error(`samples must be an integer from 1 to ${MAX_SAMPLES_PER_RUN}`);
  if (options.progress !== undefined && !(typeof options.progress === 'number' && options.progress >= 0 && options.progress <= 1)) {
    throw new Error('progress must be a number from 0 to 1');
  }
  return { tenant, spec, samples };
}

/** Creates the control of a sandbox: what `sandbox.control` and the admin API call. */
export function createControl(parts: {
  store: Store;
  settings: Settings;
  faults: FaultController;
  idempotency: IdempotencyStore;
  keyRotations: Throttle;
}): SandboxControl {
  const { store, settings, faults, idempotency, keyRotations } = parts;
  return {
    faults,
    settings: () => settings.get(),
    set: (changes) => settings.set(changes ?? {}),
    setSpeed(speed) {
      settings.set({ speed });
    },
    advance(ms) {
      if (typeof ms !== 'number' || !(ms >= 0) || !Number.isFinite(ms))
        throw new Error(`ms must be a number >= 0, got ${JSON.stringify(ms)}`);
      store.timeline.advance(ms);
    },
    seedRun(options) {
      const { tenant, spec, samples } = checkSeedRun(store, options);
      return store.seedRun(tenant, spec, { status: options.status, samples, progress: options.progress }).id;
    },
    reset(options = {}) {
      const { seed } = options;
      if (seed !== undefined && !Number.isInteger(seed)) throw new Error(`seed must be an integer, got ${JSON.stringify(seed)}`);
      store.reset(seed);
      idempotency.clear();
      keyRotations.clear();
    },
  };
}
