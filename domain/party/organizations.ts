import { randomUUID } from 'node:crypto';
import { isUniqueViolation } from '../../lib/db.ts';
import { DomainError } from '../../lib/errors.ts';
import type { AuthenticatedUser } from '../auth/auth.ts';
import { requireRole } from '../cases/scope.ts';
import { callerStreetOrPark, type PartyDeps } from './scope.ts';

// Communities (of a street office or park) and party branches (of a home unit) as data.

const duplicateName = (what: string) => (error: unknown) => {
  if (isUniqueViolation(error)) throw new DomainError('conflict', `your unit already has a ${what} of that name`);
  throw error;
};

/**
 * Communities are public knowledge inside a district: a home unit picks its member's community from
 * them. District officers and street staff see their district's; admins all.
 */
export async function listCommunities(deps: PartyDeps, user: AuthenticatedUser) {
  requireRole(user, ['street_staff', 'district_officer', 'admin']);
  const own = await deps.prisma.orgUnit.findUnique({ where: { id: user.orgUnitId }, select: { parentId: true } });
  const districtId = user.role === 'district_officer' ? user.orgUnitId : own?.parentId;
  const rows = await deps.prisma.community.findMany({
    where: user.role === 'admin' ? {} : { unit: { parentId: districtId ?? user.orgUnitId } },
    include: { unit: { select: { id: true, name: true } } },
    orderBy: [{ unitId: 'asc' }, { name: 'asc' }],
  });
  return { items: rows.map((c) => ({ id: c.id, name: c.name, unit: c.unit })) };
}

export async function createCommunity(deps: PartyDeps, user: AuthenticatedUser, input: { name: string; email?: string }) {
  const unit = await callerStreetOrPark(deps.prisma, user);
  const row = await deps.prisma.community
    .create({ data: { id: randomUUID(), unitId: unit.id, name: input.name, email: input.email ?? null } })
    .catch(duplicateName('community'));
  return { id: row.id, name: row.name, unit: { id: unit.id, name: unit.name } };
}

/** A unit's party branches; district officers see their district's, admins all. */
export async function listBranches(deps: PartyDeps, user: AuthenticatedUser) {
  requireRole(user, ['street_staff', 'district_officer', 'admin']);
  const where =
    user.role === 'admin'
      ? {}
      : user.role === 'district_officer'
        ? { unit: { OR: [{ id: user.orgUnitId }, { parentId: user.orgUnitId }] } }
        : { unitId: user.orgUnitId };
  const rows = await deps.prisma.partyBranch.findMany({
    where,
    include: { unit: { select: { id: true, name: true } } },
    orderBy: { name: 'asc' },
  });
  return { items: rows.map((b) => ({ id: b.id, name: b.name, unit: b.unit })) };
}

export async function createBranch(deps: PartyDeps, user: AuthenticatedUser, input: { name: string }) {
  requireRole(user, ['street_staff']);
  const row = await deps.prisma.partyBranch
    .create({
      data: { id: randomUUID(), unitId: user.orgUnitId, name: input.name },
      include: { unit: { select: { id: true, name: true } } },
    })
    .catch(duplicateName('party branch'));
  return { id: row.id, name: row.name, unit: row.unit };
}
