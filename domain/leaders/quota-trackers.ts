import { ScheduleAlreadyRunning, ServiceError, WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { Config } from '../../lib/config.ts';
import { TASK_QUEUE, quotaProgressSignal, workflowIdForQuotaTracker, type Workflows } from '../../workflows/definitions.ts';
import type { QuotaSettings } from '../../model/leaders/leaders.ts';

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

/** Starts the year's trackers for every unit with leaders (idempotent: one opener per year). */
export async function openQuotaTrackers(temporal: Client, settings: QuotaSettings, year: number) {
  try {
    await temporal.workflow.start<Workflows['openQuotaTrackersWorkflow']>('openQuotaTrackersWorkflow', {
      taskQueue: TASK_QUEUE,
      workflowId: `open-quota-trackers-${year}`,
      args: [{ year, settings }],
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    });
    return { year, alreadyOpened: false };
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    return { year, alreadyOpened: true };
  }
}

/** The yearly Schedule that opens the trackers on January 1 (00:05 district time); created once. */
export async function ensureQuotaSchedule(client: Client, config: Pick<Config, 'leaders' | 'districtTime'>) {
  try {
    await client.schedule.create<Workflows['openQuotaTrackersWorkflow']>({
      scheduleId: 'leader-quota-trackers',
      spec: { calendars: [{ month: 'JANUARY', dayOfMonth: 1, hour: 0, minute: 5 }], timezone: config.districtTime.zone },
      action: {
        type: 'startWorkflow',
        workflowType: 'openQuotaTrackersWorkflow',
        taskQueue: TASK_QUEUE,
        workflowId: 'open-quota-trackers',
        args: [{ settings: config.leaders }],
      },
    });
    return ['leader-quota-trackers'];
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) throw error;
    return [];
  }
}
