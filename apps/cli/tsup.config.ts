import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'tsup';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

// One self-contained ESM bin plus lazily loaded chunks: every dependency (commander included) is bundled, so
// the installed package has no dependencies, and a command's chunk (with the SDK, ky and valibot) is loaded
// only when it runs. Source maps let --debug stack traces point at the TypeScript sources.
export default defineConfig({
  entry: { dataframer: 'src/dataframer.ts' },
  define: { __PACKAGE_VERSION__: JSON.stringify(version) },
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  clean: true,
  splitting: true,
  minify: true,
  sourcemap: true,
  noExternal: [/.*/],
  // commander is CommonJS: its require() calls of Node built-ins need a require in the ESM bundle.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  // The SDK gets the CLI's node:http fetch, so its default undici fetch is dead code: keep it out (see the stub).
  esbuildOptions(options) {
    options.alias = { undici: fileURLToPath(new URL('src/internal/noUndici.ts', import.meta.url)) };
  },
});
