import { defineConfig } from 'vitest/config';

/**
 * Unit, service and route tests. Run once per database engine: TEST_DB=sqlite (default) or
 * TEST_DB=postgres (see tests/helpers/db.ts). Browser journeys live in vitest.e2e.config.ts.
 */
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**', 'dist/**'],
    setupFiles: ['tests/helpers/setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
