import { definePackageTestConfig } from '../../vitest.shared.ts';

export default definePackageTestConfig({ testTimeout: 180_000, hookTimeout: 300_000, globalSetup: ['./test/globalSetup.ts'] });
