import { definePackageTestConfig } from '../../vitest.shared.ts';

// One browser at a time; building the page and starting Chromium take a few seconds.
export default definePackageTestConfig({ testTimeout: 60_000, hookTimeout: 120_000, fileParallelism: false });
