import { definePackageTestConfig } from '../../vitest.shared.ts';

// One browser at a time; building the page and starting Chromium take a few seconds. The tests start the page's
// Vite server in-process, whose config imports @df/browser through Node: the built package, not its sources.
export default definePackageTestConfig({ testTimeout: 60_000, hookTimeout: 120_000, fileParallelism: false }, { sources: false });
