import { allHandlersFinished, condition, proxyActivities, setHandler, startChild, workflowInfo } from '@temporalio/workflow';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import type { Activities } from '../../activities/index.ts';
import { districtMoment, districtYear, districtYearOf } from '../../lib/district-time.ts';
import { quotaProgressSignal, quotaTrackerQuery, workflowIdForQuotaTracker } from '../definitions.ts';
import {
  REMINDER_HOUR,
  type OpenQuotaTrackersInput,
  type QuotaTrackerInput,
  type QuotaTrackerSnapshot,
  type UnitStandingSummary,
} from '../../model/leaders/leaders.ts';

const trackers = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes', nonRetryableErrorTypes: ['InvalidInput'] },
});

/**
 * Started by the yearly Schedule on January 1 (or by hand for a past year): one quota tracker per
 * unit or leadership body with leaders. Child ids name the year and unit, so nothing starts twice.
 */
export async function openQuotaTrackersWorkflow(input: OpenQuotaTrackersInput): Promise<{ year: number; started: string[] }> {
  const year = input.year ?? districtYearOf(new Date(), input.settings.utcOffsetMinutes);
  const started: string[] = [];
  for (const unitId of await trackers.listUnitsWithLeaders()) {
    try {
      await startChild(quotaTrackerWorkflow, {
        workflowId: workflowIdForQuotaTracker(year, unitId),
        args: [{ ...input.settings, year, unitId }],
        parentClosePolicy: 'ABANDON',
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      });
      started.push(unitId);
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
  }
  return { year, started };
}

/**
 * One unit's (or leadership body's) leaders through a calendar year: counts what each has done
 * whenever something changes, reminds the unit on the configured days about the principal leaders
 * who are behind, and records every leader's final standing at the end of December 31 district time.
 */
export async function quotaTrackerWorkflow(input: QuotaTrackerInput): Promise<QuotaTrackerSnapshot> {
  const { year, unitId, quotas, utcOffsetMinutes } = input;
  const workflowId = workflowInfo().workflowId;
  let phase: QuotaTrackerSnapshot['phase'] = 'tracking';
  let standing: UnitStandingSummary | null = null;
  let countAgain = false;
  const reminders: QuotaTrackerSnapshot['reminders'] = [];
  const snapshot = (): QuotaTrackerSnapshot => ({ year, unitId, phase, standing, reminders });
  setHandler(quotaTrackerQuery, snapshot);
  setHandler(quotaProgressSignal, () => {
    countAgain = true;
  });

  const ref = { unitId, year, quotas, utcOffsetMinutes };
  const count = async () => {
    countAgain = false;
    standing = await trackers.unitYearStanding(ref);
  };
  const countUntil = async (at: number) => {
    while (Date.now() < at) if (await condition(() => countAgain, at - Date.now())) await count();
  };

  await count();
  for (const date of input.reminderDates) {
    const at = districtMoment(`${year}-${date}`, REMINDER_HOUR, utcOffsetMinutes).getTime();
    if (at <= Date.now()) continue;
    await countUntil(at);
    const reminded = await trackers.remindLeadersBehind({ ...ref, date, idempotencyKey: `${workflowId}:reminder:${date}` });
    standing = reminded.standing;
    reminders.push({ date, leaderIds: reminded.leaderIds });
  }
  await countUntil(districtYear(year, utcOffsetMinutes).to.getTime());
  standing = await trackers.freezeYearStanding(ref);
  phase = 'frozen';
  await condition(allHandlersFinished);
  return snapshot();
}
