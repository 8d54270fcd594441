import type { Client } from '@temporalio/client';
import type { AuthenticatedUser } from '../../domain/auth/auth.ts';
import type { Clock } from '../../lib/clock.ts';
import type { Db } from '../../lib/db.ts';
import type { DeadlinePolicy } from '../../model/cases/case.ts';

/**
 * Each scenario drives one path through the real domain functions and returns the workflow whose
 * history is recorded under test/replay/histories/<name>.json.
 */
export type ScenarioDeps = {
  prisma: Db;
  temporal: Client;
  policy: DeadlinePolicy;
  /** The API's clock ("today in the district" for a filing's foundOn). */
  clock: Clock;
  users: Record<string, AuthenticatedUser>;
  /** Lets server time pass (the recorder runs on the time-skipping test server). */
  advance(ms: number): Promise<void>;
  /** The server's time, which earlier scenarios have moved on. */
  now(): Promise<number>;
};
export type Scenario = { name: string; run(deps: ScenarioDeps): Promise<string> };
