import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

// One self-contained ESM bin plus lazily loaded chunks: every dependency is bundled, so the built bin runs
// without node_modules, and a command's chunk (with the SDK, ky and valibot) is loaded only when it runs.
export default defineConfig({
  entry: { dataframer: 'src/dataframer.ts' },
  define: { __PACKAGE_VERSION__: JSON.stringify(version) },
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  clean: true,
  splitting: true,
  minify: true,
  noExternal: [/.*/],
  // undici is CommonJS and requires Node's built-in modules; an ES module bundle needs a require() for them.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});
