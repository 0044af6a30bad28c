// Browser bundle sizes: our list-only page and whole client next to the floor and the alternatives.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = new URL('..', import.meta.url).pathname;
const browser = join(root, 'packages/browser/dist/index.js');

const ENTRIES = {
  'raw fetch + JSON.parse (floor)': `
    const res = await fetch('/api/dataframer/runs/', { headers: { authorization: 'Bearer ' + window.key } });
    console.log(JSON.parse(await res.text()));`,
  'openapi-fetch 0.17 GET (no validation, no retries)': `
    import createClient from 'openapi-fetch';
    const client = createClient({ baseUrl: location.origin, headers: { authorization: 'Bearer ' + window.key } });
    console.log(await client.GET('/api/dataframer/runs/'));`,
  'ky 1.14 alone (get + json)': `
    import ky from 'ky';
    console.log(await ky.get(location.origin + '/api/dataframer/runs/', { headers: { authorization: 'Bearer ' + window.key } }).json());`,
  'ky 1.14 + naive valibot run-array schema': `
    import ky from 'ky';
    import * as v from 'valibot';
    const Run = v.object({ id: v.pipe(v.string(), v.uuid()), status: v.picklist(['PENDING','PROCESSING','SUCCEEDED','FAILED','CANCELED']),
      spec_id: v.pipe(v.string(), v.uuid()), spec_name: v.string(), spec_version: v.pipe(v.number(), v.integer()),
      dataset_id: v.nullable(v.pipe(v.string(), v.uuid())), dataset_name: v.nullable(v.string()),
      dataset_type: v.picklist(['SINGLE_FILE','MULTI_FILE','MULTI_FOLDER']), samples_completed: v.pipe(v.number(), v.integer()),
      samples_failed: v.pipe(v.number(), v.integer()), total_cost: v.nullable(v.number()), created_at: v.pipe(v.string(), v.isoTimestamp()),
      created_by_email: v.pipe(v.string(), v.email()), completed_at: v.nullable(v.pipe(v.string(), v.isoTimestamp())) });
    const api = ky.create({ prefixUrl: location.origin, headers: { authorization: 'Bearer ' + window.key } });
    console.log(v.parse(v.array(Run), await api.get('api/dataframer/runs/').json()));`,
  'openai 6.30 models.list()': `
    import OpenAI from 'openai';
    const client = new OpenAI({ apiKey: window.key, dangerouslyAllowBrowser: true });
    console.log(await client.models.list());`,
  '@df/browser, list only': `
    import { createBrowserTransport, listRuns } from ${JSON.stringify(browser)};
    console.log(await listRuns(createBrowserTransport({})));`,
  '@df/browser, whole client': `
    import { createClient } from ${JSON.stringify(browser)};
    window.client = createClient({});`,
};

/** Where a bundled input comes from: ky, valibot, or one of our packages. */
function origin(input) {
  if (input.includes('node_modules/ky/') || input.includes('/ky@')) return 'ky';
  if (input.includes('valibot')) return 'valibot';
  if (input.includes('packages/core/')) return '@df/core';
  if (input.includes('packages/browser/')) return '@df/browser';
  return 'other';
}

/** Bundles each entry for the browser (minified ESM) and returns its minified and gzip sizes in bytes, and for ours the minified bytes by origin. */
export async function measureBundles() {
  const dir = join(tmpdir(), `df-bundle-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const rows = [];
  try {
    for (const [name, code] of Object.entries(ENTRIES)) {
      const file = join(dir, `${rows.length}.mjs`);
      writeFileSync(file, code);
      const result = await build({
        entryPoints: [file],
        bundle: true,
        minify: true,
        format: 'esm',
        platform: 'browser',
        write: false,
        logLevel: 'silent',
        nodePaths: [join(root, 'node_modules')],
        metafile: true,
      });
      const bytes = result.outputFiles[0].contents;
      const byOrigin = {};
      for (const output of Object.values(result.metafile.outputs)) {
        for (const [input, { bytesInOutput }] of Object.entries(output.inputs))
          byOrigin[origin(input)] = (byOrigin[origin(input)] ?? 0) + bytesInOutput;
      }
      // The API paths a page can call are plain strings that survive minification: they say which operations it ships.
      const paths = [...new Set(new TextDecoder().decode(bytes).match(/\/(?:api\/)?[a-z-]+(?:\/[a-z-]+)*\/(?=[`'"$])/g) ?? [])];
      rows.push({ name, min: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, byOrigin, paths });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const row of await measureBundles()) console.log(`${row.name}: ${row.min} B min, ${row.gzip} B gzip`);
}
