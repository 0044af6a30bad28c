// Parse + validate 10,000 runs the way the SDK does, against JSON.parse alone.
import { fastLenientSchemas, listRunsOperation, lenientSchemas, strictSchemas } from '../packages/core/dist/index.js';
import { benchRunsJson, median } from './fixtures.mjs';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);

/** Times JSON.parse alone, the SDK's lenient and strict parse, and plain valibot on the same schema. */
export function measureParse() {
  const text = benchRunsJson(10_000);
  const request = 'GET /api/dataframer/runs/';
  const variants = {
    'JSON.parse only': () => JSON.parse(text),
    '@df/node default (lenient with the fast path)': () =>
      listRunsOperation.parse({ status: 200, body: JSON.parse(text), request }, fastLenientSchemas),
    '@df/browser default (lenient, valibot only)': () =>
      listRunsOperation.parse({ status: 200, body: JSON.parse(text), request }, lenientSchemas),
    'strict (contract tests)': () => listRunsOperation.parse({ status: 200, body: JSON.parse(text), request }, strictSchemas),
  };
  for (let i = 0; i < 5; i++) for (const fn of Object.values(variants)) fn();
  const times = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
  const entries = Object.entries(variants);
  for (let round = 0; round < ROUNDS; round++) {
    // Each round starts with a different variant, so none always pays for the garbage the one before it left.
    const order = entries.map((_, i) => entries[(i + round) % entries.length]);
    for (const [name, fn] of order) {
      const started = performance.now();
      fn();
      times[name].push(performance.now() - started);
    }
  }
  const base = median(times['JSON.parse only']);
  return {
    bytes: text.length,
    rounds: ROUNDS,
    rows: Object.entries(times).map(([name, t]) => ({ name, ms: median(t), ratio: median(t) / base })),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = measureParse();
  for (const row of r.rows) console.log(`${row.name}: ${row.ms.toFixed(1)} ms, ${row.ratio.toFixed(2)}x`);
}
