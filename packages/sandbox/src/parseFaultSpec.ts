import type { FaultKind, FaultRule } from './faultTypes';
import { FAULT_KINDS as KINDS, SERVER_ERROR_STATUSES } from './internal/rules';

const METHODS = ['*', 'GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

/**
 * Parses a fault spec string `METHOD PATH KIND [key=value ...]`, e.g. `POST /runs/ drop-after-act nth=1,3`
 * `* * server-error status=503 retry-after=2 p=0.2` or `* * refuse ms=300`, into a rule.
 */
export function parseFaultSpec(spec: string): FaultRule {
  const tokens = spec.trim().split(/\s+/).filter(Boolean);
  const [method, path, kind, ...options] = tokens;
  if (!method || !path || !kind) {
    throw new Error(`Fault spec "${spec}" must be "METHOD PATH KIND [key=value ...]"`);
  }
  const rule = { method: method.toUpperCase(), path, kind: kind as FaultKind } satisfies FaultRule as FaultRule;
  for (const option of options) {
    const eq = option.indexOf('=');
    const key = eq < 0 ? option : option.slice(0, eq);
    const value = eq < 0 ? '' : option.slice(eq + 1);
    switch (key) {
      case 'ms':
        rule.ms = Number(value);
        break;
      case 'status':
        rule.status = Number(value);
        break;
      case 'retry-after':
        rule.retryAfter = Number(value);
        break;
      case 'value':
        rule.value = value;
        break;
      case 'field':
        rule.field = value;
        break;
      case 'p':
        rule.probability = Number(value);
        break;
      case 'nth':
        rule.nth = value.split(',').map(Number);
        break;
      default:
        throw new Error(`Fault spec "${spec}": unknown option "${key}"`);
    }
  }
  return validateFaultRule(rule);
}

/** Checks a fault rule and fills in nothing; throws an Error that says what is wrong. */
export function validateFaultRule(rule: FaultRule): FaultRule {
  const problem = findProblem(rule);
  if (problem) throw new Error(`Invalid fault rule: ${problem}`);
  return rule;
}

function findProblem(rule: FaultRule): string | undefined {
  if (typeof rule !== 'object' || rule === null) return 'a rule must be an object';
  if (!KINDS.includes(rule.kind)) return `kind must be one of ${KINDS.join(', ')}`;
  if (rule.method !== undefined && !METHODS.includes(String(rule.method).toUpperCase())) return `unknown method "${rule.method}"`;
  if (rule.path !== undefined && (typeof rule.path !== 'string' || !(rule.path === '*' || rule.path.startsWith('/')))) {
    return 'path must be "*" or start with "/"';
  }
  const nonNegative = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v) && v >= 0;
  if (rule.ms !== undefined && !nonNegative(rule.ms)) return 'ms must be a number >= 0';
  if (rule.retryAfter !== undefined && !(nonNegative(rule.retryAfter) && Number.isInteger(rule.retryAfter))) {
    return 'retry-after must be an integer >= 0 (seconds)';
  }
  if (rule.status !== undefined && !(SERVER_ERROR_STATUSES as readonly number[]).includes(rule.status)) {
    return `status must be ${SERVER_ERROR_STATUSES.slice(0, -1).join(', ')} or ${SERVER_ERROR_STATUSES.at(-1)}`;
  }
  if (rule.status !== undefined && rule.kind !== 'server-error') return 'status applies to server-error only';
  if (rule.probability !== undefined && !(nonNegative(rule.probability) && rule.probability <= 1)) {
    return 'p must be between 0 and 1';
  }
  if (rule.nth !== undefined && !(Array.isArray(rule.nth) && rule.nth.length > 0 && rule.nth.every((n) => Number.isInteger(n) && n >= 1))) {
    return 'nth must be a list of integers >= 1';
  }
  if (rule.nth !== undefined && rule.probability !== undefined) return 'use either p or nth, not both';
  if (rule.kind === 'refuse') {
    // Connections are refused before any request is read, so there is no method, path or count to match.
    const anyMethod = rule.method === undefined || rule.method === '*';
    const anyPath = rule.path === undefined || rule.path === '*';
    if (!anyMethod || !anyPath || rule.nth !== undefined || rule.probability !== undefined) {
      return 'refuse acts before any request is read, so it takes no method, path, p or nth: use "* * refuse [ms=<ms>]"';
    }
  }
  if (rule.value !== undefined && (typeof rule.value !== 'string' || rule.value === '')) return 'value must be a non-empty string';
  if (rule.field !== undefined && (typeof rule.field !== 'string' || rule.field === '')) return 'field must be a non-empty string';
  return undefined;
}
