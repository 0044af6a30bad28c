import { definePackageTestConfig } from '../../vitest.shared.ts';

export default definePackageTestConfig({ typecheck: { enabled: true, include: ['test/**/*.test-d.ts'] } });
