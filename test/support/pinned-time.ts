import { type TestWorkflowEnvironment } from '@temporalio/testing';
import type { Clock } from '../../lib/clock.ts';
import { startTestSystem, type TestSystem, type TestSystemOptions } from './system.ts';
import { startTimeSkippingServer } from './time-skipping.ts';

/**
 * Time on the Java time-skipping test server, pinned. The server's clock starts at the machine's
 * (real or faked) time; a suite first moves it to an absolute moment far ahead of any real clock,
 * then only ever to later absolute moments, so every expectation is computed from those moments and
 * never from the hour the suite happens to run. `clock` follows the server for the API and the
 * activities: it is re-read after every skip and runs on the monotonic clock in between (where the
 * server's time runs at the real rate), so the process's wall clock never enters it.
 */
export type PinnedTime = {
  env: TestWorkflowEnvironment;
  clock: Clock;
  /** Lets the server's time pass until `moment` (workflows' timers fire on the way). */
  advanceTo(moment: Date): Promise<void>;
  /** Lets `ms` of server time pass. */
  advanceBy(ms: number): Promise<void>;
  /** The server's time now. */
  now(): Promise<Date>;
};

/** A district moment written as people read it: `at('2099-06-01 09:00')` is 09:00 in the district (UTC+8). */
export const at = (districtTime: string) => new Date(`${districtTime.replace(' ', 'T')}:00+08:00`);

export async function startPinnedTestServer(anchor: Date): Promise<PinnedTime> {
  const env = await startTimeSkippingServer();
  let serverMs = 0;
  let readAt = 0;
  const sync = async () => {
    serverMs = await env.currentTimeMs();
    readAt = performance.now();
  };
  const pinned: PinnedTime = {
    env,
    clock: { now: () => new Date(serverMs + (performance.now() - readAt)) },
    async advanceTo(moment) {
      const now = await env.currentTimeMs();
      if (moment.getTime() <= now) {
        throw new Error(`cannot go back to ${moment.toISOString()}: the test server is at ${new Date(now).toISOString()}`);
      }
      await env.sleep(moment.getTime() - now);
      await sync();
    },
    async advanceBy(ms) {
      await env.sleep(ms);
      await sync();
    },
    now: async () => new Date(await env.currentTimeMs()),
  };
  await pinned.advanceTo(anchor);
  return pinned;
}

/**
 * The whole system of a test file on a pinned time-skipping server: the API and the activities run
 * on the server's clock, and sessions outlive the months a suite lets pass.
 */
export async function startPinnedTestSystem(
  testFile: string,
  anchor: Date,
  options: Omit<TestSystemOptions, 'temporal' | 'clock'> = {},
): Promise<{ time: PinnedTime; sys: TestSystem; stop(): Promise<void> }> {
  const time = await startPinnedTestServer(anchor);
  try {
    const sys = await startTestSystem(testFile, {
      tokenTtlMinutes: 366 * 24 * 60,
      ...options,
      temporal: { client: time.env.client, nativeConnection: time.env.nativeConnection },
      clock: time.clock,
    });
    return {
      time,
      sys,
      async stop() {
        await sys.stop();
        await time.env.teardown();
      },
    };
  } catch (error) {
    await time.env.teardown();
    throw error;
  }
}
