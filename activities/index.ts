import type { Client } from '@temporalio/client';
import type { Clock } from '../lib/clock.ts';
import type { Db } from '../lib/db.ts';
import type { Mailer } from '../lib/mailer.ts';
import type { BlobStorage } from '../lib/storage.ts';
import { createCaseMoveActivities } from './cycle/case-moves.ts';
import { createCycleActivities } from './cycle/cycles.ts';
import { createExportActivities } from './exports/exports.ts';
import { createLedgerActivities } from './cases/ledger.ts';
import { createNotificationActivities } from './cases/notifications.ts';
import { createFeedbackActivities } from './party/feedback.ts';
import { createRoundActivities } from './party/rounds.ts';
import { createQuotaTrackerActivities } from './leaders/quota-trackers.ts';

/** `temporal` lets the cycle move cases by Update and hear whether each case took the move. */
export type ActivityDeps = { prisma: Db; mailer: Mailer; clock: Clock; storage: BlobStorage; temporal: Client };

export function createActivities(deps: ActivityDeps) {
  return {
    ...createLedgerActivities(deps),
    ...createNotificationActivities(deps),
    ...createCycleActivities(deps),
    ...createCaseMoveActivities(deps),
    ...createExportActivities(deps),
    ...createFeedbackActivities(deps),
    ...createRoundActivities(deps),
    ...createQuotaTrackerActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
