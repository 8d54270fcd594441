import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { Config } from '../../lib/config.ts';
import { districtYearOf } from '../../lib/district-time.ts';
import { notFound } from '../../lib/errors.ts';
import { pageOf, type Page } from '../../lib/paging.ts';
import { feedbackSchedule } from '../../model/party/rules.ts';
import { TASK_QUEUE, workflowIdForFeedback, type Workflows } from '../../workflows/definitions.ts';
import type { AuthenticatedUser } from '../auth/auth.ts';
import { requireRole } from '../cases/scope.ts';
import { feedbackStorageKey } from './feedback-document.ts';
import { readableUnitIds, type PartyDeps } from './scope.ts';
import type { YearlySchedule } from '../system/yearly-schedule.ts';

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

/** A page of the years whose feedback has been opened, newest first, each with the deliveries the caller may see. */
export async function listFeedbackYears(deps: PartyDeps, user: AuthenticatedUser, page: Page) {
  const units = await readableUnitIds(deps.prisma, user);
  return pageOf(
    page,
    () => deps.prisma.feedbackYear.count(),
    async ({ limit, offset }) => {
      const rows = await deps.prisma.feedbackYear.findMany({
        include: { _count: { select: { deliveries: { where: units ? { homeUnitId: { in: units } } : {} } } } },
        orderBy: { year: 'desc' },
        skip: offset,
        take: limit,
      });
      return rows.map((r) => ({
        year: r.year,
        opensAt: r.opensAt.toISOString(),
        deliverAt: r.deliverAt.toISOString(),
        deadlineAt: r.deadlineAt.toISOString(),
        delivered: r.delivered,
        deliveryCount: r._count.deliveries,
      }));
    },
  );
}

/** A page of a year's deliveries the caller may see (a home unit its own), by home unit name: what went where, when, and whether late. */
export async function listFeedbackDeliveries(deps: PartyDeps, user: AuthenticatedUser, year: number, page: Page) {
  const units = await readableUnitIds(deps.prisma, user);
  if (!(await deps.prisma.feedbackYear.findUnique({ where: { year } }))) throw notFound(`feedback of ${year}`);
  const where = { year, ...(units ? { homeUnitId: { in: units } } : {}) };
  return pageOf(
    page,
    () => deps.prisma.memberFeedback.count({ where }),
    async ({ limit, offset }) => {
      const rows = await deps.prisma.memberFeedback.findMany({ where, orderBy: { deliveredAt: 'asc' }, skip: offset, take: limit });
      const names = new Map(
        (
          await deps.prisma.orgUnit.findMany({ where: { id: { in: rows.map((d) => d.homeUnitId) } }, select: { id: true, name: true } })
        ).map((u) => [u.id, u.name]),
      );
      return rows.map((d) => ({
        homeUnit: { id: d.homeUnitId, name: names.get(d.homeUnitId) ?? '' },
        memberCount: d.memberCount,
        recordCount: d.recordCount,
        recipients: d.recipients,
        deliveredAt: d.deliveredAt.toISOString(),
        late: d.late,
      }));
    },
  );
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

/**
 * The yearly Schedule that opens the feedback (09:00 on MEMBER_FEEDBACK_OPENS). A year whose opening
 * day has passed is missed until the feedback's deadline.
 */
export function feedbackSchedules(config: Pick<Config, 'party'>): YearlySchedule<'openMemberFeedbackWorkflow'>[] {
  const settings = config.party.feedback;
  return [
    {
      scheduleId: 'member-feedback',
      workflowType: 'openMemberFeedbackWorkflow',
      workflowId: 'open-member-feedback',
      moment: { monthDay: settings.dates.opens, hour: 9 },
      args: [{ settings }],
      missedPeriod(now) {
        const year = districtYearOf(now, settings.utcOffsetMinutes);
        const { opensAt, deadlineAt } = feedbackSchedule(year, settings.dates, settings.utcOffsetMinutes);
        return Date.parse(opensAt) <= now.getTime() && now.getTime() < Date.parse(deadlineAt)
          ? { period: String(year), args: [{ year, settings }] }
          : undefined;
      },
    },
  ];
}
