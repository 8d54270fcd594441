import { ServiceError, WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { Config } from '../../lib/config.ts';
import { districtYearOf } from '../../lib/district-time.ts';
import { TASK_QUEUE, quotaProgressSignal, workflowIdForQuotaTracker, type Workflows } from '../../workflows/definitions.ts';
import type { QuotaSettings } from '../../model/leaders/leaders.ts';
import { momentIn, type YearlySchedule } from '../system/yearly-schedule.ts';

/**
 * Tells a unit's tracker for the year to count again, starting it if the unit has none yet (its
 * first leader, or the first record of a year). A finished tracker (the year is frozen) is left as it
 * is. The ledger of record is the database: if Temporal cannot be reached, the tracker counts again
 * at its next reminder, so the caller's change stands.
 */
export async function touchQuotaTracker(temporal: Client, settings: QuotaSettings, unitId: string, year: number): Promise<void> {
  try {
    await temporal.workflow.signalWithStart<Workflows['quotaTrackerWorkflow']>('quotaTrackerWorkflow', {
      taskQueue: TASK_QUEUE,
      workflowId: workflowIdForQuotaTracker(year, unitId),
      args: [{ ...settings, year, unitId }],
      signal: quotaProgressSignal,
      signalArgs: [],
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    });
  } catch (error) {
    // Finished (the year is frozen), or Temporal unreachable: deliberately not fatal (see above).
    if (!(error instanceof WorkflowExecutionAlreadyStartedError) && !(error instanceof ServiceError)) throw error;
  }
}

/**
 * The yearly Schedule that opens the trackers on January 1 (00:05 district time). Its moment passes
 * on the year's first day, so a year is missed (and opened at once) whenever the Schedule is made.
 */
export function quotaSchedules(config: Pick<Config, 'leaders'>): YearlySchedule<'openQuotaTrackersWorkflow'>[] {
  const settings = config.leaders;
  const moment = { monthDay: '01-01', hour: 0, minute: 5 };
  return [
    {
      scheduleId: 'leader-quota-trackers',
      workflowType: 'openQuotaTrackersWorkflow',
      workflowId: 'open-quota-trackers',
      moment,
      args: [{ settings }],
      missedPeriod(now) {
        const year = districtYearOf(now, settings.utcOffsetMinutes);
        return momentIn(year, moment, settings.utcOffsetMinutes) <= now ? { period: String(year), args: [{ year, settings }] } : undefined;
      },
    },
  ];
}
