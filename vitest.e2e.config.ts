import { defineConfig } from 'vitest/config';

/**
 * Browser journeys against the built app (run `npm run build` first). One worker: each file starts
 * its own server and Chromium, and two at once would only compete for the machine's cores.
 */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
