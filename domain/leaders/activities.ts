import { randomUUID } from 'node:crypto';
import type { LeaderActivity, LeaderActivityAttachment, OrgUnit } from '../../generated/prisma/client.ts';
import type { Db, Prisma } from '../../lib/db.ts';
import { pageOf, type Page } from '../../lib/paging.ts';
import { DomainError, invalidField, notAfterToday, notFound } from '../../lib/errors.ts';
import { toAttachmentView } from '../attachments.ts';
import type { AuthenticatedUser } from '../auth/auth.ts';
import { districtDateOf as districtDate } from '../../lib/district-time.ts';
import type { ActivityKind } from '../../model/leaders/four-leads.ts';
import { visibleActivityFilter } from './scope.ts';
import { loadVisibleLeader, requireOwnUnit, toLeaderView, type LeaderDeps } from './leaders.ts';
import type { LeaderWithUnits } from './records.ts';
import { touchQuotaTracker } from './quota-trackers.ts';
import { requireRole } from '../cases/scope.ts';
import { requireStep } from '../lifecycle-steps.ts';
import {
  ACTIVITY_REVIEW_LIFECYCLE as REVIEW,
  type ActivityReviewAction,
  type ActivityReviewState,
} from '../../model/leaders/activity-review.ts';
import type { SameUnion } from '../../lib/type-checks.ts';

export type ActivityInput = {
  kind: ActivityKind;
  occurredOn: string;
  placeUnitId: string;
  participants: string;
  account: string;
  opinionsCollected?: number;
};

// The table's states are the column's: one added on either side alone fails to compile.
const reviewStatesMatch: SameUnion<ActivityReviewState, LeaderActivity['review']> = true;
void reviewStatesMatch;

type ActivityRow = LeaderActivity & {
  leader: LeaderWithUnits & { standings: Array<{ year: number }> };
  placeUnit: OrgUnit;
  attachments: LeaderActivityAttachment[];
};
const include = {
  // The years already frozen for the leader: nothing of theirs changes any more.
  leader: { include: { unit: true, reportsToUnit: true, standings: { select: { year: true } } } },
  placeUnit: true,
  attachments: true,
} as const;

const yearOf = (row: Pick<LeaderActivity, 'occurredOn'>) => row.occurredOn.getUTCFullYear();
const isYearFrozen = (row: ActivityRow) => row.leader.standings.some((s) => s.year === yearOf(row));
const frozenYear = (year: number) =>
  new DomainError(
    'conflict',
    { zh: `该领导${year}年的完成情况已在年底锁定`, en: `the leader’s standing for ${year} was frozen at the end of the year` },
    undefined,
    undefined,
    { year },
  );

/**
 * What the caller may do to the activity: the table's steps for its role and the activity's state,
 * taken only by the street/park where it took place, and only while the leader's year is open.
 */
function allowedActionsOf(row: ActivityRow, user: AuthenticatedUser): ActivityReviewAction[] {
  if (user.orgUnitId !== row.placeUnitId || isYearFrozen(row)) return [];
  return REVIEW.allowedActions(row.review, user.role);
}

export function toActivityView(row: ActivityRow, user: AuthenticatedUser) {
  return {
    id: row.id,
    leader: toLeaderView(row.leader),
    kind: row.kind,
    occurredOn: row.occurredOn.toISOString().slice(0, 10),
    place: { id: row.placeUnit.id, code: row.placeUnit.code, name: row.placeUnit.name, kind: row.placeUnit.kind },
    participants: row.participants,
    account: row.account,
    opinionsCollected: row.opinionsCollected,
    review: row.review,
    recordedAt: row.recordedAt.toISOString(),
    reviewedAt: row.reviewedAt?.toISOString() ?? null,
    rejectionReason: row.rejectionReason,
    attachments: row.attachments.map(toAttachmentView),
    allowedActions: allowedActionsOf(row, user),
  };
}

export async function loadVisibleActivity(prisma: Db, user: AuthenticatedUser, activityId: string): Promise<ActivityRow> {
  const row = await prisma.leaderActivity.findFirst({ where: { AND: [{ id: activityId }, visibleActivityFilter(user)] }, include });
  if (!row) throw notFound('activity');
  return row;
}

async function assertYearOpen(prisma: Db, leaderId: string, occurredOn: string) {
  const year = Number(occurredOn.slice(0, 4));
  if (await prisma.leaderYearStanding.findUnique({ where: { leaderId_year: { leaderId, year } } })) throw frozenYear(year);
}

/**
 * The leader's unit records an activity. It takes place at the street/park the leader reports to,
 * on a day that has come (district date), and waits there for confirmation before it counts.
 */
export async function recordActivity(deps: LeaderDeps, user: AuthenticatedUser, leaderId: string, input: ActivityInput) {
  requireRole(user, REVIEW.rolesFor('record'));
  const leader = await loadVisibleLeader(deps.prisma, user, leaderId);
  requireOwnUnit(user, leader.unitId, { zh: '登记领导的活动', en: 'records its leaders’ activities' });
  if (!leader.active) throw new DomainError('conflict', { zh: '该领导已不在任', en: 'the leader is no longer active' });
  const today = districtDate(deps.clock.now(), deps.settings.utcOffsetMinutes);
  if (input.occurredOn > today) throw invalidField('body.occurredOn', notAfterToday(today), { today });
  if (input.placeUnitId !== leader.reportsToUnitId)
    throw invalidField('body.placeUnitId', {
      zh: `${leader.name}到${leader.reportsToUnit.name}报到，活动在那里开展并由其确认`,
      en: `${leader.name} reports to ${leader.reportsToUnit.name}; activities are held and confirmed there`,
    });
  if (input.opinionsCollected !== undefined && input.kind !== 'opinion_collection')
    throw invalidField('body.opinionsCollected', {
      zh: '只有“征求意见”活动填写收集的意见数',
      en: 'only an opinion collection counts opinions',
    });
  await assertYearOpen(deps.prisma, leaderId, input.occurredOn);
  const row = await deps.prisma.leaderActivity.create({
    data: {
      id: randomUUID(),
      leaderId,
      kind: input.kind,
      occurredOn: new Date(`${input.occurredOn}T00:00:00Z`),
      placeUnitId: input.placeUnitId,
      review: REVIEW.targetOf('record', null),
      participants: input.participants,
      account: input.account,
      opinionsCollected: input.opinionsCollected ?? null,
      recordedByUserId: user.id,
      recordedAt: deps.clock.now(),
    },
    include,
  });
  return toActivityView(row, user);
}

/** The receiving street/park confirms (it counts from now on) or rejects (with a reason) a pending activity. */
export async function reviewActivity(
  deps: LeaderDeps,
  user: AuthenticatedUser,
  activityId: string,
  decision: { confirm: true } | { confirm: false; reason: string },
) {
  const step = decision.confirm ? 'confirm' : 'reject';
  requireRole(user, REVIEW.rolesFor(step));
  const row = await loadVisibleActivity(deps.prisma, user, activityId);
  if (row.placeUnitId !== user.orgUnitId)
    throw new DomainError('forbidden', {
      zh: '只有活动所在的街道或园区可以确认',
      en: 'only the street or park where the activity took place confirms it',
    });
  requireStep(REVIEW, step, row.review, user.role);
  if (isYearFrozen(row)) throw frozenYear(yearOf(row));
  // Only an activity still in a state the step starts from changes, so two clerks deciding at once cannot both win.
  const { count } = await deps.prisma.leaderActivity.updateMany({
    where: { id: activityId, review: { in: [...REVIEW.stepRule(step).from] } },
    data: {
      review: REVIEW.targetOf(step, row.review),
      reviewedByUserId: user.id,
      reviewedAt: deps.clock.now(),
      rejectionReason: decision.confirm ? null : decision.reason,
    },
  });
  if (count === 0) throw new DomainError('invalid_transition', { zh: '此活动刚刚已被他人审核', en: 'the activity was reviewed meanwhile' });
  if (decision.confirm) await touchQuotaTracker(deps.temporal, deps.settings, row.leader.unitId, yearOf(row));
  return getActivity(deps, user, activityId);
}

/** One activity as the caller sees it, with what the caller may do to it. */
export async function getActivity(deps: Pick<LeaderDeps, 'prisma'>, user: AuthenticatedUser, activityId: string) {
  return toActivityView(await loadVisibleActivity(deps.prisma, user, activityId), user);
}

/** The activities the caller may see that match, newest first, a page at a time with the total. */
export async function listActivities(
  deps: LeaderDeps,
  user: AuthenticatedUser,
  filter: { leaderId?: string; review?: LeaderActivity['review']; placeUnitId?: string; year?: number },
  page: Page,
) {
  const where: Prisma.LeaderActivityWhereInput = {
    AND: [
      visibleActivityFilter(user),
      filter.leaderId ? { leaderId: filter.leaderId } : {},
      filter.review ? { review: filter.review } : {},
      filter.placeUnitId ? { placeUnitId: filter.placeUnitId } : {},
      filter.year
        ? { occurredOn: { gte: new Date(`${filter.year}-01-01T00:00:00Z`), lt: new Date(`${filter.year + 1}-01-01T00:00:00Z`) } }
        : {},
    ],
  };
  const { items, ...rest } = await pageOf(
    page,
    () => deps.prisma.leaderActivity.count({ where }),
    ({ limit, offset }) =>
      deps.prisma.leaderActivity.findMany({
        where,
        include,
        orderBy: [{ occurredOn: 'desc' }, { recordedAt: 'desc' }, { id: 'asc' }],
        skip: offset,
        take: limit,
      }),
  );
  return { ...rest, items: items.map((r) => toActivityView(r, user)) };
}
