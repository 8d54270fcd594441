import { TestWorkflowEnvironment } from '@temporalio/testing';
import { inject } from 'vitest';
import { installTemporalRuntime } from '../../lib/temporal-runtime.ts';

/**
 * The SDK gives the Java time-skipping test server 5 s to answer after starting it, a fixed limit; a
 * JVM starting on two cores busy with other suites can take longer. Starting it again is safe (the
 * SDK killed the slow one), so a suite tries a few times before it fails.
 */
const STARTS = 5;

export async function startTimeSkippingServer(): Promise<TestWorkflowEnvironment> {
  installTemporalRuntime({ logLevel: 'warn', handleSignals: false });
  const testServer = inject('testServerPath');
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await TestWorkflowEnvironment.createTimeSkipping(
        testServer ? { server: { executable: { type: 'existing-path', path: testServer } } } : {},
      );
    } catch (error) {
      if (attempt >= STARTS || !/did not start within/.test(String(error))) throw error;
    }
  }
}
