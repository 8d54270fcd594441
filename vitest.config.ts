import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Temporal's native bridge misbehaves in worker threads.
    pool: 'forks',
    // The suites share one Temporal dev server and one PostgreSQL cluster on a 2-core machine.
    fileParallelism: false,
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    reporters: ['default'],
  },
});
