import { readFileSync } from 'node:fs';
import { defineConfig, type ViteUserConfig } from 'vitest/config';

/** The vitest configuration every package tests with: the build-time constants tsup defines, and a JSON report the root summary reads. */
export function definePackageTestConfig(overrides: ViteUserConfig['test'] = {}): ViteUserConfig {
  const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
  return defineConfig({
    define: { __PACKAGE_VERSION__: JSON.stringify(version) },
    test: {
      reporters: ['default', ['json', { outputFile: 'test-results.json' }]],
      ...overrides,
    },
  });
}
