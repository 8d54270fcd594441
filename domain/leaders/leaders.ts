import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { Clock } from '../../lib/clock.ts';
import type { Db, Prisma } from '../../lib/db.ts';
import { DomainError, invalidField, notFound, type Localized } from '../../lib/errors.ts';
import { joinWords } from '../../model/glossary.ts';
import { UNIT_KIND_WORDS } from '../../model/directory/glossary.ts';
import { REMINDER_HOUR, type QuotaSettings } from '../../model/leaders/leaders.ts';
import type { AuthenticatedUser } from '../auth/auth.ts';
import { districtMoment, districtYearOf } from '../../lib/district-time.ts';
import { pageOf, type Page } from '../../lib/paging.ts';
import { QUOTA_ITEMS, type ItemCounts, type LeaderRank, type LeaderStanding, type QuotaItem } from '../../model/leaders/four-leads.ts';
import { LEADER_UNIT_KINDS, keepsCommunities, keepsLeaders } from '../../model/directory/unit-kinds.ts';
import { leaderYearRecords, waitingCounts, type LeaderWithUnits } from './records.ts';
import { visibleLeaderFilter } from './scope.ts';
import { touchQuotaTracker } from './quota-trackers.ts';
import { requireRole } from '../cases/scope.ts';

export type LeaderDeps = { prisma: Db; temporal: Client; clock: Clock; settings: QuotaSettings };

export type LeaderInput = { unitId?: string; name: string; post: string; rank: LeaderRank; reportsToUnitId: string };
export type LeaderChanges = Partial<Omit<LeaderInput, 'unitId'>> & { active?: boolean };

const unitRef = (u: { id: string; code: string; name: string; kind: string }) => ({ id: u.id, code: u.code, name: u.name, kind: u.kind });
const include = { unit: true, reportsToUnit: true } as const;

export function toLeaderView(leader: LeaderWithUnits) {
  return {
    id: leader.id,
    name: leader.name,
    post: leader.post,
    rank: leader.rank,
    active: leader.active,
    unit: unitRef(leader.unit),
    reportsTo: unitRef(leader.reportsToUnit),
  };
}

/** The leader if the caller may see them; another unit's leader is not found. */
export async function loadVisibleLeader(prisma: Db, user: AuthenticatedUser, leaderId: string): Promise<LeaderWithUnits> {
  const leader = await prisma.leader.findFirst({ where: { AND: [{ id: leaderId }, visibleLeaderFilter(user)] }, include });
  if (!leader) throw notFound('leader');
  return leader;
}

/** Only the leader's own unit's clerk (or an admin) changes the leader and records for them. */
export function requireOwnUnit(user: AuthenticatedUser, unitId: string, what: Localized) {
  if (user.role !== 'admin' && user.orgUnitId !== unitId)
    throw new DomainError('forbidden', { zh: `只有该领导所在单位可以${what.zh}`, en: `only the leader’s own unit ${what.en}` });
}

async function checkReportsTo(prisma: Db, unit: { id: string; parentId: string | null }, reportsToUnitId: string) {
  const target = await prisma.orgUnit.findUnique({ where: { id: reportsToUnitId } });
  const invalid = (message: Localized) => invalidField('body.reportsToUnitId', message);
  if (!target || !keepsCommunities(target.kind) || target.parentId !== unit.parentId)
    throw invalid({ zh: '领导应到本区的街道或园区报到', en: 'leaders report to a street office or park of their own district' });
  if (target.id === unit.id)
    throw invalid({
      zh: '领导应到其他街道或园区报到，由其确认活动',
      en: 'a unit’s leader reports to another street or park, which confirms their activities',
    });
}

export async function createLeader(deps: LeaderDeps, user: AuthenticatedUser, input: LeaderInput) {
  requireRole(user, ['street_staff', 'admin']);
  const unitId = user.role === 'admin' ? input.unitId : (input.unitId ?? user.orgUnitId);
  if (!unitId) throw invalidField('body.unitId', { zh: '请选择领导所在单位', en: 'admins say which unit the leader belongs to' });
  requireOwnUnit(user, unitId, { zh: '添加领导', en: 'adds its leaders' });
  const unit = await deps.prisma.orgUnit.findUnique({ where: { id: unitId } });
  if (!unit || !keepsLeaders(unit.kind)) {
    const kinds = joinWords(
      LEADER_UNIT_KINDS.map((kind) => UNIT_KIND_WORDS[kind]),
      { zh: '、', en: ', ' },
    );
    throw invalidField('body.unitId', { zh: `领导所在单位应为${kinds.zh}`, en: `leaders belong to a ${kinds.en}` });
  }
  await checkReportsTo(deps.prisma, unit, input.reportsToUnitId);
  const leader = await deps.prisma.leader.create({
    data: {
      id: randomUUID(),
      unitId,
      name: input.name,
      post: input.post,
      rank: input.rank,
      reportsToUnitId: input.reportsToUnitId,
      updatedAt: deps.clock.now(),
    },
    include,
  });
  await touchQuotaTracker(deps.temporal, deps.settings, unitId, districtYearOf(deps.clock.now(), deps.settings.utcOffsetMinutes));
  return getLeader(deps, user, leader.id);
}

export async function updateLeader(deps: LeaderDeps, user: AuthenticatedUser, leaderId: string, changes: LeaderChanges) {
  requireRole(user, ['street_staff', 'admin']);
  const leader = await loadVisibleLeader(deps.prisma, user, leaderId);
  requireOwnUnit(user, leader.unitId, { zh: '修改领导信息', en: 'changes its leaders' });
  if (changes.reportsToUnitId) await checkReportsTo(deps.prisma, leader.unit, changes.reportsToUnitId);
  await deps.prisma.leader.update({ where: { id: leaderId }, data: { ...changes, updatedAt: deps.clock.now() } });
  await touchQuotaTracker(deps.temporal, deps.settings, leader.unitId, districtYearOf(deps.clock.now(), deps.settings.utcOffsetMinutes));
  return getLeader(deps, user, leaderId);
}

/** The year this request is about: the one asked for, or the district's current year. */
const yearOr = (deps: LeaderDeps, year: number | undefined) => year ?? districtYearOf(deps.clock.now(), deps.settings.utcOffsetMinutes);

/** The reminder days of the year still to come (the quota tracker reminds the unit then of leaders who are behind). */
function remindersAhead(deps: LeaderDeps, year: number): string[] {
  const now = deps.clock.now().getTime();
  return deps.settings.reminderDates
    .map((day) => `${year}-${day}`)
    .filter((date) => districtMoment(date, REMINDER_HOUR, deps.settings.utcOffsetMinutes).getTime() > now);
}

/** Leaders with their year's record and what is on its way for them, in their order. */
async function withYear(deps: LeaderDeps, leaders: LeaderWithUnits[], year: number) {
  const [records, waiting] = await Promise.all([
    leaderYearRecords(deps.prisma, leaders, year, deps.settings),
    waitingCounts(
      deps.prisma,
      leaders.map((l) => l.id),
      year,
    ),
  ]);
  return leaders.map((l, i) => ({ ...toLeaderView(l), record: records[i]!, waiting: waiting.get(l.id)! }));
}

/** A leader with the year's standing, what awaits confirmation, and the reminder days ahead. */
export async function getLeader(deps: LeaderDeps, user: AuthenticatedUser, leaderId: string, year?: number) {
  const leader = await loadVisibleLeader(deps.prisma, user, leaderId);
  const forYear = yearOr(deps, year);
  const [view] = await withYear(deps, [leader], forYear);
  return { ...view!, year: forYear, remindersAhead: remindersAhead(deps, forYear) };
}

export type LeaderFilter = {
  unitId?: string;
  districtId?: string;
  rank?: LeaderRank;
  active?: boolean;
  behind?: boolean;
  year?: number;
};

/** The leaders that match and are behind (or not) in the year, in list order: standing is counted, not stored. */
async function leadersByStanding(deps: LeaderDeps, where: Prisma.LeaderWhereInput, year: number, behind: boolean) {
  const all = await deps.prisma.leader.findMany({ where, select: { id: true, rank: true }, orderBy: [...leaderOrder] });
  const records = await leaderYearRecords(deps.prisma, all, year, deps.settings);
  return all.filter((_, i) => records[i]!.standing.behind === behind).map((l) => l.id);
}

const leaderOrder = [{ unit: { code: 'asc' } }, { rank: 'asc' }, { name: 'asc' }, { id: 'asc' }] as const;

/**
 * The caller's leaders with their standing for a year, a page at a time with the total. Counted and
 * paged in the database; `behind` (something missing) depends on the counted standing, so with it the
 * matching leaders are found first and their ids paged.
 */
export async function listLeaders(deps: LeaderDeps, user: AuthenticatedUser, filter: LeaderFilter, page: Page) {
  const forYear = yearOr(deps, filter.year);
  const where = leadersWhere(user, filter);
  const matching = filter.behind === undefined ? undefined : await leadersByStanding(deps, where, forYear, filter.behind);
  const { items, ...rest } = await pageOf(
    page,
    async () => matching?.length ?? (await deps.prisma.leader.count({ where })),
    ({ limit, offset }) =>
      deps.prisma.leader.findMany({
        where: matching ? { id: { in: matching.slice(offset, offset + limit) } } : where,
        include,
        orderBy: [...leaderOrder],
        ...(matching ? {} : { skip: offset, take: limit }),
      }),
  );
  return { ...rest, year: forYear, items: await withYear(deps, items, forYear), remindersAhead: remindersAhead(deps, forYear) };
}

/** The caller's leaders a filter narrows. */
const leadersWhere = (user: AuthenticatedUser, filter: Omit<LeaderFilter, 'behind' | 'year'>): Prisma.LeaderWhereInput => ({
  AND: [
    visibleLeaderFilter(user),
    filter.unitId ? { unitId: filter.unitId } : {},
    filter.districtId ? { unit: { parentId: filter.districtId } } : {},
    filter.rank ? { rank: filter.rank } : {},
    filter.active === undefined ? {} : { active: filter.active },
  ],
});

/**
 * The year's standing of the caller's principal leaders in office (those the minimums bind), summed per
 * item: required, done toward it (what one leader does beyond their minimum covers nobody else's, so
 * done plus missing is required) and missing; with how many there are and how many are behind. The
 * figures beside the leaders' list, for a unit, a leadership body, a district or the city.
 */
export async function leaderStandingTotals(
  deps: LeaderDeps,
  user: AuthenticatedUser,
  filter: Pick<LeaderFilter, 'unitId' | 'districtId' | 'year'>,
) {
  const forYear = yearOr(deps, filter.year);
  const where = leadersWhere(user, { unitId: filter.unitId, districtId: filter.districtId, rank: 'principal', active: true });
  const principals = await deps.prisma.leader.findMany({ where, select: { id: true, rank: true } });
  const standings = (await leaderYearRecords(deps.prisma, principals, forYear, deps.settings)).map((r) => r.standing);
  const sum = (of: (standing: LeaderStanding, item: QuotaItem) => number) =>
    Object.fromEntries(QUOTA_ITEMS.map((item) => [item, standings.reduce((total, s) => total + of(s, item), 0)])) as ItemCounts;
  return {
    year: forYear,
    principals: principals.length,
    behind: standings.filter((s) => s.behind).length,
    required: sum((s, item) => s.required[item]),
    done: sum((s, item) => s.required[item] - s.missing[item]),
    missing: sum((s, item) => s.missing[item]),
  };
}
