import { TestWorkflowEnvironment } from '@temporalio/testing';

/**
 * The SDK gives the Java time-skipping test server 5 s to answer after starting it, a fixed limit; a
 * JVM starting on two cores busy with other suites can take longer. Starting it again is safe (the
 * SDK killed the slow one), so a suite or the history recorder tries a few times before it fails (three
 * were all too slow at a load of 30, so five).
 */
const STARTS = 5;

export async function startTimeSkippingEnvironment(testServer: string | undefined, starts = STARTS): Promise<TestWorkflowEnvironment> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await TestWorkflowEnvironment.createTimeSkipping(
        testServer ? { server: { executable: { type: 'existing-path', path: testServer } } } : {},
      );
    } catch (error) {
      if (attempt >= starts || !/did not start within/.test(String(error))) throw error;
    }
  }
}
