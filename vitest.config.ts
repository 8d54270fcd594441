import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * The integration, topology and browser suites share servers (one Temporal dev server, one
 * PostgreSQL cluster, the built UI) on 2 cores: their files run one at a time, and each suite runs
 * after the one before it (groupOrder), never beside another.
 */
const ONE_FILE_AT_A_TIME = (groupOrder: number) => ({ fileParallelism: false, sequence: { groupOrder } });

export default defineConfig({
  test: {
    // Temporal's native bridge misbehaves in worker threads.
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 180_000,
    reporters: ['default', './test/support/summary-reporter.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'test/replay/**/*.test.ts'],
          // Pure logic and replay, nothing shared: files run side by side, one per core (vitest's
          // default keeps a core free, which leaves one worker on 2 cores). The group runs first.
          maxWorkers: Math.max(2, availableParallelism()),
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
          ...ONE_FILE_AT_A_TIME(1),
        },
      },
      {
        extends: true,
        test: {
          // The real Temporal server on PostgreSQL with the API and two workers as processes of their own.
          name: 'topology',
          include: ['test/topology/**/*.test.ts'],
          testTimeout: 420_000,
          ...ONE_FILE_AT_A_TIME(2),
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          globalSetup: ['test/support/global-setup.ts', 'test/browser/support/build-ui.ts'],
          testTimeout: 180_000,
          ...ONE_FILE_AT_A_TIME(3),
        },
      },
    ],
  },
});
