import { readFileSync } from 'node:fs';
import { defineConfig, type ViteUserConfig } from 'vitest/config';

/** The export condition under which the workspace's packages point at their sources. */
const SOURCE = '@df/source';

/**
 * The vitest configuration every package tests with: the build-time constants tsup defines, and a JSON report
 * the root summary reads. Workspace packages are imported from their TypeScript sources (the "@df/source"
 * export condition), so a test sees a dependency's change without rebuilding it; `sources: false` leaves that
 * out for a suite that loads a Vite config in-process (Node would then be asked to import a .ts file).
 */
export function definePackageTestConfig(overrides: ViteUserConfig['test'] = {}, { sources = true } = {}): ViteUserConfig {
  const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
  return defineConfig({
    define: { __PACKAGE_VERSION__: JSON.stringify(version) },
    // Vite's own default conditions follow ours.
    ...(sources && {
      resolve: { conditions: [SOURCE, 'module', 'browser', 'development|production'] },
      ssr: { resolve: { conditions: [SOURCE, 'module', 'node', 'development|production'] } },
    }),
    test: {
      reporters: ['default', ['json', { outputFile: 'test-results.json' }]],
      ...overrides,
    },
  });
}
