// Prints the gzip size of a list-only page and of a whole-client page next to the raw-fetch floor.
// Budgets (issue 5): 7.5 kB list-only, 11 kB whole client. Measured here, not asserted in tests.
import { LIST_ONLY_PAGE, WHOLE_CLIENT_PAGE, bundlePage } from './bundlePage.mjs';

const KB = 1000;

const rows = [
  [
    'raw fetch + JSON (floor, no validation)',
    `fetch(location.origin + '/api/dataframer/runs/', { headers: { accept: 'application/json' } }).then((r) => r.json()).then((runs) => console.log(runs.length));`,
    {},
  ],
  ['ky alone', `import ky from 'ky'; ky.get('/api/dataframer/runs/').json().then((runs) => console.log(runs.length));`, {}],
  [
    'ky + naive valibot run-array schema',
    `import ky from 'ky'; import * as v from 'valibot';
     const run = v.object({ id: v.string(), status: v.string(), spec_id: v.optional(v.string()), spec_name: v.optional(v.string()),
       samples_completed: v.optional(v.number()), samples_failed: v.optional(v.number()), total_cost: v.optional(v.nullable(v.number())),
       created_at: v.optional(v.string()), completed_at: v.optional(v.nullable(v.string())) });
     ky.get('/api/dataframer/runs/').json().then((body) => console.log(v.parse(v.array(run), body).length));`,
    {},
  ],
  ['@df/browser list-only (createBrowserTransport + listRuns)', LIST_ONLY_PAGE, {}, 7.5 * KB],
  ['@df/browser whole client (createClient)', WHOLE_CLIENT_PAGE, {}, 11 * KB],
];

console.log('esbuild --bundle --minify --format=esm --platform=browser, then gzip -9 (bytes)\n');
console.log(['page', 'min', 'gzip', 'budget'].join('\t'));
for (const [name, source, options, budget] of rows) {
  const { minBytes, gzipBytes } = await bundlePage(source, options);
  const verdict =
    budget === undefined ? '' : `${(budget / KB).toFixed(1)} kB ${gzipBytes <= budget ? 'ok' : `over by ${gzipBytes - budget}`}`;
  console.log([name, minBytes, gzipBytes, verdict].join('\t'));
}
