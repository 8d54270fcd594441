import { setHandler, sleep, startChild, workflowInfo } from '@temporalio/workflow';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { districtDateOf as districtDate } from '../../lib/district-time.ts';
import { feedbackSchedule } from '../../model/party/rules.ts';
import { feedbackSnapshotQuery, workflowIdForFeedback } from '../definitions.ts';
import type { FeedbackSnapshot, MemberFeedbackInput, OpenMemberFeedbackInput } from '../../model/party/feedback.ts';
import { party } from './activities.ts';

const DAY = 86_400_000;

/**
 * Started by the yearly Temporal Schedule (in December): the feedback of the district year it runs
 * in, or of a named year (a backfill). The child's id names the year, so it never runs twice.
 */
export async function openMemberFeedbackWorkflow(input: OpenMemberFeedbackInput): Promise<{ year: number; started: boolean }> {
  const { settings } = input;
  const year = input.year ?? Number(districtDate(new Date(), settings.utcOffsetMinutes).slice(0, 4));
  try {
    await startChild(memberFeedbackWorkflow, {
      workflowId: workflowIdForFeedback(year),
      args: [
        {
          year,
          ...feedbackSchedule(year, settings.dates, settings.utcOffsetMinutes),
          chaseDays: settings.chaseDays,
          utcOffsetMinutes: settings.utcOffsetMinutes,
        },
      ],
      parentClosePolicy: 'ABANDON',
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    });
    return { year, started: true };
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    return { year, started: false };
  }
}

/**
 * One year's feedback to the home units: until delivery, communities with unconfirmed records are
 * chased; at delivery each home unit's members' confirmed records, from every community, are compiled
 * into one document and mailed to its party organization. Every mail is keyed by year and unit (and
 * day, for chasing), so running a year again, or backfilling it, sends nothing twice.
 */
export async function memberFeedbackWorkflow(input: MemberFeedbackInput): Promise<FeedbackSnapshot> {
  const { year } = input;
  let phase: FeedbackSnapshot['phase'] = 'collecting';
  let chaseRounds = 0;
  const deliveredUnitIds: string[] = [];
  const snapshot = (): FeedbackSnapshot => ({ year, phase, chaseRounds, deliveredUnitIds: [...deliveredUnitIds] });
  setHandler(feedbackSnapshotQuery, snapshot);

  await party.openFeedbackYear({ ...input, workflowId: workflowInfo().workflowId });
  const deliverAt = Date.parse(input.deliverAt);
  while (Date.now() < deliverAt) {
    await party.chaseUnconfirmedRecords({ year, on: districtDate(new Date(), input.utcOffsetMinutes), deliverAt: input.deliverAt });
    chaseRounds += 1;
    await sleep(Math.min(input.chaseDays * DAY, deliverAt - Date.now()));
  }
  for (const homeUnitId of await party.feedbackHomeUnits({ year })) {
    const at = new Date().toISOString();
    await party.deliverMemberFeedback({ year, homeUnitId, at, late: Date.parse(at) > Date.parse(input.deadlineAt) });
    deliveredUnitIds.push(homeUnitId);
  }
  phase = 'delivered';
  await party.closeFeedbackYear({ year });
  return snapshot();
}
