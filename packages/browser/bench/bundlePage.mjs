// Bundles a small page the way an app would (esbuild, minified ESM for browsers) and measures it.
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const packageDir = fileURLToPath(new URL('..', import.meta.url));

/** Bundles `source` with `@df/browser` taken from this package's src (and @df/core from its build), returning the code and its sizes. */
export async function bundlePage(source, { resolveDir = packageDir } = {}) {
  const result = await build({
    stdin: { contents: source, resolveDir, loader: 'js' },
    alias: { '@df/browser': fileURLToPath(new URL('../src/index.ts', import.meta.url)) },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].text;
  return { code, minBytes: Buffer.byteLength(code), gzipBytes: gzipSync(code, { level: 9 }).length };
}

/** A page that only lists runs through the same-origin proxy. */
export const LIST_ONLY_PAGE = `
import { createBrowserTransport, listRuns } from '@df/browser';
listRuns(createBrowserTransport()).then((runs) => console.log(runs.length));
`;

/** A page that uses the whole client object. */
export const WHOLE_CLIENT_PAGE = `
import { createClient } from '@df/browser';
const client = createClient();
globalThis.client = client;
`;
