import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'tsup';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// Every module the bin imports on demand, by its path under src/ without the extension (`commands/runs/list/run`): the
// handler of each command (`run.ts` in its folder; the definitions beside it stay in the bin), and src/lazy/.
const lazyModules: Record<string, string> = Object.fromEntries(
  ['commands', 'lazy']
    .flatMap((dir) => readdirSync(here(`src/${dir}`), { recursive: true, encoding: 'utf8' }).map((file) => `${dir}/${file}`))
    .filter((file) => (file.startsWith('lazy/') && file.endsWith('.ts')) || file.endsWith('/run.ts'))
    .map((file) => [file.slice(0, -3), `src/${file}`]),
);

/** The lazy module a source file is, by its absolute path without the extension. */
const lazyBySource = new Map(Object.entries(lazyModules).map(([name, file]) => [here(file).slice(0, -3), name]));

// Two builds, every dependency bundled (the installed package has none):
// - the bin, CommonJS: commander, the command model and main(). Node starts a CommonJS file about 0.1× of a
//   bare start faster than an ES module (measured on Node 20), and that is most of the --help budget.
// - the handlers, ES modules with shared chunks under dist/esm/: each is imported by the bin only when its
//   command runs, with the SDK, ky and valibot.
// Source maps let --debug stack traces point at the TypeScript sources.
export default defineConfig([
  {
    entry: { dataframer: 'src/dataframer.ts' },
    define: { __PACKAGE_VERSION__: JSON.stringify(version) },
    format: ['cjs'],
    outExtension: () => ({ js: '.cjs' }),
    platform: 'node',
    target: 'node20',
    minify: true,
    sourcemap: true,
    noExternal: [/.*/],
    // Keep node: specifiers, so that the alias below sees commander's require('node:child_process').
    removeNodeProtocol: false,
    esbuildOptions(options) {
      options.alias = { 'node:child_process': here('src/internal/lazyChildProcess.cjs') };
      options.supported = { 'dynamic-import': true };
    },
    esbuildPlugins: [
      {
        // A handler stays a separate ES module, imported at run time from the bin: its definition's import() of it is
        // pointed at the built module under dist/esm/. A static import of one would put it in the bin, so it fails the build.
        name: 'handlers-stay-lazy',
        setup(build) {
          build.onResolve({ filter: /^\./ }, (args) => {
            const name = lazyBySource.get(resolve(args.resolveDir, args.path).replace(/\.ts$/, ''));
            if (name === undefined) return undefined;
            if (args.kind !== 'dynamic-import')
              return { errors: [{ text: `${args.path} is loaded lazily: import() it, in ${args.importer}` }] };
            return { path: `./esm/${name}.js`, external: true };
          });
        },
      },
    ],
  },
  {
    entry: lazyModules,
    outDir: 'dist/esm',
    define: { __PACKAGE_VERSION__: JSON.stringify(version) },
    format: ['esm'],
    platform: 'node',
    target: 'node20',
    minify: true,
    sourcemap: true,
    splitting: true,
    noExternal: [/.*/],
    // undici is CommonJS and requires Node's built-in modules: give the ES modules a require().
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  },
]);
