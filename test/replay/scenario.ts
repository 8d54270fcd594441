import type { Client } from '@temporalio/client';
import type { AuthenticatedUser } from '../../domain/auth/auth.ts';
import { fileCase } from '../../domain/cases/cases.ts';
import type { Clock } from '../../lib/clock.ts';
import type { Db } from '../../lib/db.ts';
import type { DeadlinePolicy } from '../../model/cases/case.ts';
import type { CaseFiling } from '../../model/cases/filing.ts';
import { filing as fixtureFiling } from '../support/fixtures.ts';

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

/** A seeded demo user, by login. */
export const as = (deps: ScenarioDeps, email: string) => {
  const found = deps.users[email];
  if (!found) throw new Error(`no seeded user ${email}`);
  return found;
};

/** Files a case titled `title` (its idempotency key too, so titles are unique): urgent by East Street, regular by West Street. */
export const file = async (deps: ScenarioDeps, title: string, urgent = true) =>
  (
    await fileCase(
      deps,
      as(deps, urgent ? 'east@ledger.test' : 'west@ledger.test'),
      fixtureFiling({ title, urgent }) as CaseFiling,
      `replay-${title}`,
    )
  ).case.id;

/** Polls until `check` holds, for at most ten seconds (a scenario then goes on and its recording shows what happened). */
export const waitUntil = async (check: () => Promise<boolean>) => {
  for (let i = 0; i < 100 && !(await check()); i++) await new Promise((r) => setTimeout(r, 100));
};
