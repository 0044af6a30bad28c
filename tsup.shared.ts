import { readFileSync } from 'node:fs';
import type { Options } from 'tsup';

/** The one tsup configuration every published package builds with: ESM + CJS + types, no bundled dependencies. */
export function defineLibraryConfig(entry: Record<string, string> | string[] = ['src/index.ts']): Options {
  const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
  return {
    entry,
    define: { __PACKAGE_VERSION__: JSON.stringify(version) },
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    sourcemap: true,
    target: 'es2022',
    treeshake: true,
    splitting: false,
  };
}
