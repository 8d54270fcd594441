import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { inject } from 'vitest';
import { installTemporalRuntime } from '../../lib/temporal-runtime.ts';
import { startTimeSkippingEnvironment } from './time-skipping-environment.ts';

/** The time-skipping test server the global setup prepared, started for one suite (retried when the JVM is slow). */
export async function startTimeSkippingServer(): Promise<TestWorkflowEnvironment> {
  installTemporalRuntime({ logLevel: 'warn', handleSignals: false });
  return startTimeSkippingEnvironment(inject('testServerPath'));
}
