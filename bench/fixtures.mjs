// Deterministic run objects shaped like the contract's Run, for benchmarks.
const STATUSES = ['PENDING', 'PROCESSING', 'SUCCEEDED', 'FAILED', 'CANCELED'];

/** The i-th benchmark run. */
export function benchRun(i) {
  const hex = i.toString(16).padStart(12, '0');
  return {
    id: `3f2b8c1e-5d4a-4b7e-9c2d-${hex}`,
    status: STATUSES[i % 5],
    spec_id: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
    spec_name: `Support tickets ${i % 17}`,
    spec_version: 1 + (i % 4),
    dataset_id: i % 2 ? null : '1a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
    dataset_name: i % 2 ? null : 'tickets.csv',
    dataset_type: i % 2 ? 'MULTI_FILE' : 'SINGLE_FILE',
    samples_completed: (i * 37) % 20000,
    samples_failed: i % 7,
    total_cost: Math.round(i * 1.3) / 100,
    created_at: new Date(Date.UTC(2026, 10, 28) - i * 60_000).toISOString(),
    created_by_email: 'dev@example.com',
    completed_at: i % 5 > 1 ? new Date(Date.UTC(2026, 10, 28, 1) - i * 60_000).toISOString() : null,
  };
}

/** A JSON array of `n` runs. */
export function benchRunsJson(n) {
  return JSON.stringify(Array.from({ length: n }, (_, i) => benchRun(i)));
}

/** The median of a list of numbers. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
