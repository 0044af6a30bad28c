import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    reporters: ['default', ['json', { outputFile: 'test-results.json' }]],
  },
});
