import { readFileSync } from 'node:fs';
import { defineConfig, type ViteUserConfig } from 'vitest/config';

/** The export condition under which the workspace's packages point at their sources. */
const SOURCE = '@df/source';

/** The vitest configuration every package tests with: the build-time constants tsup defines, and a JSON report the root summary reads. */
export function definePackageTestConfig(overrides: ViteUserConfig['test'] = {}): ViteUserConfig {
  const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
  return defineConfig({
    define: { __PACKAGE_VERSION__: JSON.stringify(version) },
    // Workspace packages are imported from their TypeScript sources (the "@df/source" export condition), so a
    // test sees a dependency's change without rebuilding it. Vite's own default conditions follow.
    resolve: { conditions: [SOURCE, 'module', 'browser', 'development|production'] },
    ssr: { resolve: { conditions: [SOURCE, 'module', 'node', 'development|production'] } },
    test: {
      reporters: ['default', ['json', { outputFile: 'test-results.json' }]],
      ...overrides,
    },
  });
}
