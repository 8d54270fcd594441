import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { Clock } from '../../lib/clock.ts';
import type { Db } from '../../lib/db.ts';
import { DomainError, invalidField, notFound } from '../../lib/errors.ts';
import type { QuotaSettings } from '../../model/leaders/leaders.ts';
import type { AuthenticatedUser } from '../auth/auth.ts';
import { districtYearOf } from '../../lib/district-time.ts';
import type { LeaderRank } from '../../model/leaders/four-leads.ts';
import { keepsCommunities, keepsLeaders } from '../../model/directory/unit-kinds.ts';
import { leaderYearRecords, type LeaderWithUnits } from './records.ts';
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
export function requireOwnUnit(user: AuthenticatedUser, unitId: string, what: string) {
  if (user.role !== 'admin' && user.orgUnitId !== unitId) throw new DomainError('forbidden', `only the leader’s own unit ${what}`);
}

async function checkReportsTo(prisma: Db, unit: { id: string; parentId: string | null }, reportsToUnitId: string) {
  const target = await prisma.orgUnit.findUnique({ where: { id: reportsToUnitId } });
  const invalid = (message: string) => invalidField('body.reportsToUnitId', message);
  if (!target || !keepsCommunities(target.kind) || target.parentId !== unit.parentId)
    throw invalid('leaders report to a street office or park of their own district');
  if (target.id === unit.id) throw invalid('a unit’s leader reports to another street or park, which confirms their activities');
}

export async function createLeader(deps: LeaderDeps, user: AuthenticatedUser, input: LeaderInput) {
  requireRole(user, ['street_staff', 'admin']);
  const unitId = user.role === 'admin' ? input.unitId : (input.unitId ?? user.orgUnitId);
  if (!unitId) throw invalidField('body.unitId', 'admins say which unit the leader belongs to');
  requireOwnUnit(user, unitId, 'adds its leaders');
  const unit = await deps.prisma.orgUnit.findUnique({ where: { id: unitId } });
  if (!unit || !keepsLeaders(unit.kind)) {
    throw invalidField('body.unitId', 'leaders belong to a street, park, district department, garrison unit or leadership body');
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
  requireOwnUnit(user, leader.unitId, 'changes its leaders');
  if (changes.reportsToUnitId) await checkReportsTo(deps.prisma, leader.unit, changes.reportsToUnitId);
  await deps.prisma.leader.update({ where: { id: leaderId }, data: { ...changes, updatedAt: deps.clock.now() } });
  await touchQuotaTracker(deps.temporal, deps.settings, leader.unitId, districtYearOf(deps.clock.now(), deps.settings.utcOffsetMinutes));
  return getLeader(deps, user, leaderId);
}

/** The year this request is about: the one asked for, or the district's current year. */
const yearOr = (deps: LeaderDeps, year: number | undefined) => year ?? districtYearOf(deps.clock.now(), deps.settings.utcOffsetMinutes);

/** A leader with the year's standing and that year's activities. */
export async function getLeader(deps: LeaderDeps, user: AuthenticatedUser, leaderId: string, year?: number) {
  const leader = await loadVisibleLeader(deps.prisma, user, leaderId);
  const forYear = yearOr(deps, year);
  const [record] = await leaderYearRecords(deps.prisma, [leader], forYear, deps.settings);
  return { ...toLeaderView(leader), year: forYear, record: record! };
}

/** The caller's leaders with their standing for a year; `behind` keeps those with something missing. */
export async function listLeaders(
  deps: LeaderDeps,
  user: AuthenticatedUser,
  filter: { unitId?: string; rank?: LeaderRank; active?: boolean; behind?: boolean; year?: number },
) {
  const forYear = yearOr(deps, filter.year);
  const leaders = await deps.prisma.leader.findMany({
    where: {
      AND: [
        visibleLeaderFilter(user),
        filter.unitId ? { unitId: filter.unitId } : {},
        filter.rank ? { rank: filter.rank } : {},
        filter.active === undefined ? {} : { active: filter.active },
      ],
    },
    include,
    orderBy: [{ unit: { code: 'asc' } }, { rank: 'asc' }, { name: 'asc' }],
    take: 1000,
  });
  const records = await leaderYearRecords(deps.prisma, leaders, forYear, deps.settings);
  const items = leaders.map((l, i) => ({ ...toLeaderView(l), record: records[i]! }));
  return { year: forYear, items: filter.behind === undefined ? items : items.filter((i) => i.record.standing.behind === filter.behind) };
}
