import { definePackageTestConfig } from '../../vitest.shared.ts';

// One file at a time: the deadline and load figures are timings, and a neighbour hogging the CPU would skew them.
export default definePackageTestConfig({
  testTimeout: 60_000,
  hookTimeout: 30_000,
  fileParallelism: false,
  globalSetup: ['./test/support/globalSetup.ts'],
});
