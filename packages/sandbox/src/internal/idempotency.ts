import type { IdempotencyMode } from './rules';

/** Serialises JSON with sorted keys, so two equal bodies give the same fingerprint. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** What a create with an `Idempotency-Key` should do. */
type IdempotencyLookup = { kind: 'new' } | { kind: 'replay'; status: number; body: unknown } | { kind: 'conflict' };

/**
 * Remembers successful creates by company and `Idempotency-Key` (the IETF draft's semantics): the same key
 * and body replay the first answer, the same key with another body is a conflict. Failed creates are not
 * remembered, so a corrected retry with the same key works. In `ignore` mode it remembers nothing, so every
 * create makes a run, as on a server without idempotency.
 */
export interface IdempotencyStore {
  lookup(company: string, key: string, body: unknown): IdempotencyLookup;
  remember(company: string, key: string, body: unknown, status: number, answer: unknown): void;
  clear(): void;
}

/** Why an `Idempotency-Key` value is unusable, or undefined when it is fine. */
export function checkIdempotencyKey(key: string): string | undefined {
  return key.length === 0 || key.length > 255 ? 'Idempotency-Key must be 1 to 255 characters long.' : undefined;
}

/** Creates an empty idempotency store that honours keys, or ignores them (`mode` `ignore`). */
export function createIdempotencyStore(mode: IdempotencyMode): IdempotencyStore {
  const entries = new Map<string, { fingerprint: string; status: number; answer: unknown }>();
  const slot = (company: string, key: string): string => `${company}\n${key}`;
  return {
    lookup(company, key, body) {
      const entry = mode === 'ignore' ? undefined : entries.get(slot(company, key));
      if (!entry) return { kind: 'new' };
      return entry.fingerprint === canonical(body) ? { kind: 'replay', status: entry.status, body: entry.answer } : { kind: 'conflict' };
    },
    remember(company, key, body, status, answer) {
      if (mode === 'ignore') return;
      entries.set(slot(company, key), { fingerprint: canonical(body), status, answer });
    },
    clear: () => entries.clear(),
  };
}
