import type { FaultKind, InstalledFaultRule, SandboxFaults } from '../../faultTypes';
import { parseFaultSpec, validateFaultRule } from '../../parseFaultSpec';
import { API, DEFAULT_FAULT_MS, FAULT_KINDS } from '../rules';
import { createRandom, hashSeed } from '../store/random';
import type { Scheduler } from '../server/createScheduler';

/** What the fault rules decided for one request. */
interface FaultDecision {
  latencyMs: number;
  fault: InstalledFaultRule | null;
}

/** The fault rules plus the per-request decision the server asks for. */
export interface FaultController extends SandboxFaults {
  decide(method: string, path: string): FaultDecision;
  /** Whether a `refuse` rule is in force (new connections must be refused). */
  refusing(): boolean;
  /** Called whenever `refusing()` changes. */
  onRefusingChange(listener: (refusing: boolean) => void): void;
}

const zeroCounts = (): Record<FaultKind, number> => Object.fromEntries(FAULT_KINDS.map((kind) => [kind, 0])) as Record<FaultKind, number>;

/** Matches a request path (relative to the API prefix) against a rule's path pattern. */
export function matchesPath(pattern: string | undefined, path: string): boolean {
  if (pattern === undefined || pattern === '*') return true;
  const relative = pattern.startsWith(`${API}/`) ? pattern.slice(API.length) : pattern;
  const want = relative.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return false;
  return want.every((segment, i) => segment === '*' || segment.startsWith(':') || /^\{.+\}$/.test(segment) || segment === got[i]);
}

/** Creates the fault controller; probabilistic rules draw from a generator seeded with `seed`. */
export function createFaultController(seed: number, scheduler: Scheduler): FaultController {
  const random = createRandom(hashSeed('faults', seed));
  const rules: InstalledFaultRule[] = [];
  let counts = zeroCounts();
  let nextId = 1;
  let listener: (refusing: boolean) => void = () => {};
  const refusing = (): boolean => rules.some((r) => r.kind === 'refuse');

  /** Runs a change to the rules and tells the listener when refusing started or ended. */
  const change = <T>(fn: () => T): T => {
    const before = refusing();
    const result = fn();
    if (refusing() !== before) listener(!before);
    return result;
  };

  const controller: FaultController = {
    add(rule) {
      const parsed = typeof rule === 'string' ? parseFaultSpec(rule) : validateFaultRule({ ...rule });
      const id = `fault_${nextId++}`;
      const installed: InstalledFaultRule = {
        ...parsed,
        method: (parsed.method ?? '*').toUpperCase(),
        path: parsed.path ?? '*',
        id,
        matched: 0,
        injected: 0,
      };
      change(() => rules.push(installed));
      if (installed.kind === 'refuse') {
        // A refusal fires once, when installed, and removes itself when its time is up.
        installed.injected = 1;
        counts.refuse += 1;
        scheduler.after(installed.ms ?? DEFAULT_FAULT_MS, () => controller.remove(id));
      }
      return id;
    },
    remove(id) {
      const index = rules.findIndex((r) => r.id === id);
      if (index < 0) return false;
      change(() => rules.splice(index, 1));
      return true;
    },
    clear() {
      change(() => (rules.length = 0));
    },
    list: () => rules.map((r) => ({ ...r })),
    counts: () => ({ ...counts }),
    resetCounts() {
      counts = zeroCounts();
    },
    refusing,
    onRefusingChange(fn) {
      listener = fn;
    },
    decide(method, path) {
      let latencyMs = 0;
      let fault: InstalledFaultRule | null = null;
      for (const rule of rules) {
        if (rule.kind === 'refuse') continue;
        if (rule.method !== '*' && rule.method !== method) continue;
        if (!matchesPath(rule.path, path)) continue;
        rule.matched += 1;
        const fires =
          rule.nth !== undefined
            ? rule.nth.includes(rule.matched)
            : rule.probability !== undefined
              ? random.next() < rule.probability
              : true;
        if (!fires) continue;
        if (rule.kind === 'latency') {
          rule.injected += 1;
          counts.latency += 1;
          latencyMs += rule.ms ?? DEFAULT_FAULT_MS;
        } else if (fault === null) {
          rule.injected += 1;
          counts[rule.kind] += 1;
          fault = rule;
        }
      }
      return { latencyMs, fault };
    },
  };
  return controller;
}
