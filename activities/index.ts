import type { ActivityDeps } from './deps.ts';
import { createCaseMoveActivities } from './cycle/case-moves.ts';
import { createCycleActivities } from './cycle/cycles.ts';
import { createExportActivities } from './exports/exports.ts';
import { createLedgerActivities } from './cases/ledger.ts';
import { createNotificationActivities } from './cases/notifications.ts';
import { createFeedbackActivities } from './party/feedback.ts';
import { createRoundActivities } from './party/rounds.ts';
import { createQuotaTrackerActivities } from './leaders/quota-trackers.ts';
import { createWebhookActivities } from './webhooks/webhooks.ts';
import { createBulkStepActivities } from './bulk/bulk-steps.ts';

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
    ...createWebhookActivities(deps),
    ...createBulkStepActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
