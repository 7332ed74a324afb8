import { defineConfig } from 'vitest/config';

// Tests live beside their area (<area>/test/*.test.ts) and end-to-end suites under test/.
export default defineConfig({
  test: {
    include: ['**/test/**/*.test.ts'],
    exclude: ['node_modules/**', '.loch/**'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
