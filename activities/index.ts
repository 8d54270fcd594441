import type { Clock } from '../lib/clock.ts';
import type { Db } from '../lib/db.ts';
import type { Mailer } from '../lib/mailer.ts';
import { createCycleActivities } from './cycles.ts';
import { createLedgerActivities } from './ledger.ts';
import { createNotificationActivities } from './notifications.ts';

export type ActivityDeps = { prisma: Db; mailer: Mailer; clock: Clock };

export function createActivities(deps: ActivityDeps) {
  return { ...createLedgerActivities(deps), ...createNotificationActivities(deps), ...createCycleActivities(deps) };
}

export type Activities = ReturnType<typeof createActivities>;
