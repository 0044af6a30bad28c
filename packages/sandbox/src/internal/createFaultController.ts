import { parseFaultSpec, validateFaultRule } from '../parseFaultSpec';
import type { FaultKind, FaultRule, InstalledFaultRule, SandboxFaults } from '../types';
import { createRandom, hashSeed } from './random';

/** What the fault rules decided for one request. */
export interface FaultDecision {
  latencyMs: number;
  fault: InstalledFaultRule | null;
}

/** The fault rules plus the per-request decision the server asks for. */
export interface FaultController extends SandboxFaults {
  decide(method: string, path: string): FaultDecision;
}

const ZERO_COUNTS = (): Record<FaultKind, number> => ({
  latency: 0,
  'rate-limit': 0,
  'server-error': 0,
  reset: 0,
  'drop-after-act': 0,
  'malformed-json': 0,
  'unknown-status': 0,
  'extra-field': 0,
});

/** Matches a request path (relative to `/api/dataframer`) against a rule's path pattern. */
export function matchesPath(pattern: string | undefined, path: string): boolean {
  if (pattern === undefined || pattern === '*') return true;
  const relative = pattern.startsWith('/api/dataframer/') ? pattern.slice('/api/dataframer'.length) : pattern;
  const want = relative.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return false;
  return want.every((segment, i) => segment === '*' || segment.startsWith(':') || /^\{.+\}$/.test(segment) || segment === got[i]);
}

/** Creates the fault controller; probabilistic rules draw from a generator seeded with `seed`. */
export function createFaultController(seed: number, initial: Array<FaultRule | string> = []): FaultController {
  const random = createRandom(hashSeed('faults', seed));
  const rules: InstalledFaultRule[] = [];
  let counts = ZERO_COUNTS();
  let nextId = 1;

  const controller: FaultController = {
    add(rule) {
      const parsed = typeof rule === 'string' ? parseFaultSpec(rule) : validateFaultRule({ ...rule });
      const id = `fault_${nextId++}`;
      rules.push({ ...parsed, method: (parsed.method ?? '*').toUpperCase(), path: parsed.path ?? '*', id, matched: 0, injected: 0 });
      return id;
    },
    remove(id) {
      const index = rules.findIndex((r) => r.id === id);
      if (index < 0) return false;
      rules.splice(index, 1);
      return true;
    },
    clear() {
      rules.length = 0;
    },
    list: () => rules.map((r) => ({ ...r })),
    counts: () => ({ ...counts }),
    resetCounts() {
      counts = ZERO_COUNTS();
    },
    decide(method, path) {
      let latencyMs = 0;
      let fault: InstalledFaultRule | null = null;
      for (const rule of rules) {
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
          latencyMs += rule.ms ?? 500;
        } else if (fault === null) {
          rule.injected += 1;
          counts[rule.kind] += 1;
          fault = rule;
        }
      }
      return { latencyMs, fault };
    },
  };
  for (const rule of initial) controller.add(rule);
  return controller;
}
