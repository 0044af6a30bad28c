import type { SandboxRunRecord } from '@df/sandbox';

/** What the callers of a batch of creates were told: the ids they got, and the keys of the creates whose outcome was unknown. */
export interface CreateClaims {
  answeredIds: Iterable<string>;
  unknownKeys: Iterable<string>;
}

/** The server's own record of a batch of creates, held against what the callers were told. */
export interface CreateAccount {
  /** Every run the server made, counted from its records. */
  runs: number;
  /** Runs that share one `Idempotency-Key`, grouped by key: a create that reached the server was sent again. */
  duplicateGroups: Array<{ key: string; ids: string[] }>;
  /** Runs beyond the first of each key: how many runs were made twice. */
  duplicates: number;
  /** Runs no caller can know of: their id was never returned and their key was never reported unknown. */
  unaccounted: Array<{ id: string; key: string | null }>;
  /** Ids a caller was given that the server never made. */
  unknownToServer: string[];
  /** Unknown outcomes for which the server did make a run (it acted, and the answer was lost). */
  unknownThatActed: number;
}

/** Counts duplicates and unaccounted runs from the server's run records (`sandbox.runs()`), never from what the client believes. */
export function accountCreates(records: readonly SandboxRunRecord[], claims: CreateClaims): CreateAccount {
  const byKey = new Map<string, string[]>();
  for (const record of records) {
    if (record.idempotencyKey === null) continue;
    byKey.set(record.idempotencyKey, [...(byKey.get(record.idempotencyKey) ?? []), record.id]);
  }
  const answered = new Set(claims.answeredIds);
  const unknown = new Set(claims.unknownKeys);
  const made = new Set(records.map((r) => r.id));
  const duplicateGroups = [...byKey].filter(([, ids]) => ids.length > 1).map(([key, ids]) => ({ key, ids }));
  return {
    runs: records.length,
    duplicateGroups,
    duplicates: duplicateGroups.reduce((sum, group) => sum + group.ids.length - 1, 0),
    unaccounted: records
      .filter((r) => !answered.has(r.id) && !(r.idempotencyKey !== null && unknown.has(r.idempotencyKey)))
      .map((r) => ({ id: r.id, key: r.idempotencyKey })),
    unknownToServer: [...answered].filter((id) => !made.has(id)),
    unknownThatActed: [...unknown].filter((key) => byKey.has(key)).length,
  };
}
