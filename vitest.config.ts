import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Temporal's native bridge misbehaves in worker threads.
    pool: 'forks',
    // The integration suites share one Temporal dev server and one PostgreSQL cluster on 2 cores.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    reporters: ['default', './test/support/summary-reporter.ts'],
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/unit/**/*.test.ts', 'test/replay/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          // The real Temporal server on PostgreSQL with the API and two workers as processes of their own.
          name: 'topology',
          include: ['test/topology/**/*.test.ts'],
          testTimeout: 420_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          globalSetup: ['test/support/global-setup.ts', 'test/browser/support/build-ui.ts'],
          testTimeout: 180_000,
        },
      },
    ],
  },
});
