import { ScheduleAlreadyRunning, WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { Config } from '../../lib/config.ts';
import { notFound } from '../../lib/errors.ts';
import { feedbackSchedule } from '../../model/party/rules.ts';
import { TASK_QUEUE, workflowIdForFeedback, type Workflows } from '../../workflows/definitions.ts';
import type { AuthenticatedUser } from '../auth/auth.ts';
import { MONTHS } from '../cycle/cycles.ts';
import { requireRole } from '../cases/scope.ts';
import { feedbackStorageKey } from './feedback-document.ts';
import { readableUnitIds, type PartyDeps } from './scope.ts';

/** Opens a year's feedback now (the Schedule does it in December); for a past year a backfill. Idempotent. */
export async function openFeedback(deps: PartyDeps, user: AuthenticatedUser, year: number) {
  requireRole(user, ['admin']);
  const { dates, chaseDays, utcOffsetMinutes } = deps.settings.feedback;
  const workflowId = workflowIdForFeedback(year);
  try {
    await deps.temporal.workflow.start<Workflows['memberFeedbackWorkflow']>('memberFeedbackWorkflow', {
      taskQueue: TASK_QUEUE,
      workflowId,
      args: [{ year, ...feedbackSchedule(year, dates, utcOffsetMinutes), chaseDays, utcOffsetMinutes }],
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      workflowIdConflictPolicy: 'FAIL',
    });
    return { year, workflowId, alreadyOpened: false };
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    return { year, workflowId, alreadyOpened: true };
  }
}

/** The year's feedback: its dates, and the deliveries to the home units the caller may see. */
export async function getFeedback(deps: PartyDeps, user: AuthenticatedUser, year: number) {
  const units = await readableUnitIds(deps.prisma, user);
  const row = await deps.prisma.feedbackYear.findUnique({
    where: { year },
    include: { deliveries: { where: units ? { homeUnitId: { in: units } } : {}, orderBy: { deliveredAt: 'asc' } } },
  });
  if (!row) throw notFound(`feedback of ${year}`);
  return {
    year,
    opensAt: row.opensAt.toISOString(),
    deliverAt: row.deliverAt.toISOString(),
    deadlineAt: row.deadlineAt.toISOString(),
    delivered: row.delivered,
    deliveries: row.deliveries.map((d) => ({
      homeUnitId: d.homeUnitId,
      memberCount: d.memberCount,
      recordCount: d.recordCount,
      recipients: d.recipients,
      deliveredAt: d.deliveredAt.toISOString(),
      late: d.late,
    })),
  };
}

/** The delivered document, as mailed (XLSX) or as a print view (HTML): for the home unit, its district, admins. */
export async function feedbackFile(deps: PartyDeps, user: AuthenticatedUser, year: number, homeUnitId: string, format: 'xlsx' | 'html') {
  const units = await readableUnitIds(deps.prisma, user);
  if (units && !units.includes(homeUnitId)) throw notFound('feedback');
  const delivered = await deps.prisma.memberFeedback.findUnique({ where: { year_homeUnitId: { year, homeUnitId } } });
  const content = delivered ? await deps.storage.get(feedbackStorageKey(year, homeUnitId, format)) : undefined;
  if (!content) throw notFound('feedback delivered to that unit');
  return content;
}

/** The Schedule's calendar: the opening day (MEMBER_FEEDBACK_OPENS) at 09:00 in the district's zone. */
export function feedbackScheduleSpec(config: Pick<Config, 'party' | 'districtTime'>) {
  const [month, day] = config.party.feedback.dates.opens.split('-').map(Number) as [number, number];
  return { calendars: [{ month: MONTHS[month - 1]!, dayOfMonth: day, hour: 9 }], timezone: config.districtTime.zone };
}

export const FEEDBACK_SCHEDULE_ID = 'member-feedback';

/** The yearly Schedule that opens the feedback (created once; left as it is after). */
export async function ensureFeedbackSchedule(client: Client, config: Pick<Config, 'party' | 'districtTime'>) {
  try {
    await client.schedule.create<Workflows['openMemberFeedbackWorkflow']>({
      scheduleId: FEEDBACK_SCHEDULE_ID,
      spec: feedbackScheduleSpec(config),
      action: {
        type: 'startWorkflow',
        workflowType: 'openMemberFeedbackWorkflow',
        taskQueue: TASK_QUEUE,
        workflowId: 'open-member-feedback',
        args: [{ settings: config.party.feedback }],
      },
    });
    return [FEEDBACK_SCHEDULE_ID];
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) throw error;
    return [];
  }
}
