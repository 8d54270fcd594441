import { randomUUID } from 'node:crypto';
import type { Prisma } from '../../lib/db.ts';
import { isUniqueViolation } from '../../lib/db.ts';
import { DomainError, invalidField, noSuch, notFound } from '../../lib/errors.ts';
import { PARTY_THING_WORDS } from '../../model/party/glossary.ts';
import { UNIT_WORDS } from '../../model/directory/glossary.ts';
import { pageOf, type Page } from '../../lib/paging.ts';
import { keepsCommunities } from '../../model/directory/unit-kinds.ts';
import type { AuthenticatedUser } from '../auth/auth.ts';
import { requireRole } from '../cases/scope.ts';
import { requireStep } from '../lifecycle-steps.ts';
import {
  ORGANIZATION_LIFECYCLE,
  organizationStateOf,
  type OrganizationAction,
  type OrganizationState,
} from '../../model/party/organization-lifecycle.ts';
import { callerStreetOrPark, type PartyDeps } from './scope.ts';

// Communities (of a street office or park) and party branches (of a home unit) as data: a unit's clerk
// keeps its own, an administrator any unit's; each is added, edited and retired by its transition
// table (model/party/organization-lifecycle.ts).

type OrganizationKind = 'community' | 'branch';

const duplicateName = (what: OrganizationKind) => (error: unknown) => {
  const words = PARTY_THING_WORDS[what];
  if (isUniqueViolation(error))
    throw new DomainError('conflict', { zh: `本单位已有同名的${words.zh}`, en: `the unit already has a ${words.en} of that name` });
  throw error;
};

const nameMatches = (q: string | undefined) => (q ? { name: { contains: q, mode: 'insensitive' as const } } : {});
const inState = (state: OrganizationState | undefined) => (state ? { retiredAt: state === 'retired' ? { not: null } : null } : {});

/** A retired community or branch takes no new member (registering, moving in, joining). */
export function refuseRetired(row: { retiredAt: Date | null }, path: string, what: OrganizationKind) {
  if (row.retiredAt) {
    const words = PARTY_THING_WORDS[what];
    throw invalidField(path, { zh: `这个${words.zh}已撤销`, en: `that ${words.en} is retired` });
  }
}

/** Its state, and the steps the viewer may take: only its own unit's clerk, or an administrator. */
function stateAndActions(row: { unitId: string; retiredAt: Date | null }, viewer: AuthenticatedUser) {
  const state = organizationStateOf(row);
  const keeper = viewer.role === 'admin' || viewer.orgUnitId === row.unitId;
  return { state, allowedActions: keeper ? ORGANIZATION_LIFECYCLE.allowedActions(state, viewer.role) : [] };
}

/** A community or branch the caller keeps (another unit's is not found), with the step its table must allow. */
async function organizationFor(deps: PartyDeps, user: AuthenticatedUser, what: OrganizationKind, id: string, action: OrganizationAction) {
  requireRole(user, ORGANIZATION_LIFECYCLE.rolesFor(action));
  const where = { id, ...(user.role === 'admin' ? {} : { unitId: user.orgUnitId }) };
  const row = what === 'community' ? await deps.prisma.community.findFirst({ where }) : await deps.prisma.partyBranch.findFirst({ where });
  if (!row) throw notFound(PARTY_THING_WORDS[what].en);
  requireStep(ORGANIZATION_LIFECYCLE, action, organizationStateOf(row), user.role);
  return row;
}

/**
 * The unit a community or branch is added to: the clerk's own (another one named is refused), or
 * for an administrator the unit named, which must exist (and keep communities, for a community).
 */
async function unitToAddTo(deps: PartyDeps, user: AuthenticatedUser, unitId: string | undefined, what: OrganizationKind) {
  requireRole(user, ORGANIZATION_LIFECYCLE.rolesFor('add'));
  if (user.role === 'admin') {
    if (!unitId) throw invalidField('body.unitId', { zh: '请选择单位', en: 'name the unit' });
    const unit = await deps.prisma.orgUnit.findUnique({ where: { id: unitId } });
    if (!unit) throw invalidField('body.unitId', noSuch(UNIT_WORDS));
    if (what === 'community' && !keepsCommunities(unit.kind))
      throw invalidField('body.unitId', { zh: '只有街道和园区设有社区', en: 'only street offices and parks keep communities' });
    return unit;
  }
  const unit =
    what === 'community'
      ? await callerStreetOrPark(deps.prisma, user)
      : await deps.prisma.orgUnit.findUnique({ where: { id: user.orgUnitId } });
  if (!unit || (unitId && unitId !== unit.id))
    throw new DomainError('forbidden', {
      zh: `只能为本单位添加${PARTY_THING_WORDS[what].zh}`,
      en: `add a ${PARTY_THING_WORDS[what].en} to your own unit`,
    });
  return unit;
}

/** The district whose communities the caller reads: the officer's own, the clerk's unit's parent; none for admins (all). */
async function districtOf(deps: PartyDeps, user: AuthenticatedUser): Promise<string | undefined> {
  if (user.role === 'admin') return undefined;
  if (user.role === 'district_officer') return user.orgUnitId;
  const own = await deps.prisma.orgUnit.findUnique({ where: { id: user.orgUnitId }, select: { parentId: true } });
  return own?.parentId ?? user.orgUnitId;
}

export type CommunityQuery = { unitId?: string; q?: string; state?: OrganizationState };

const communityView = (c: Prisma.CommunityGetPayload<{ include: typeof communityInclude }>, viewer: AuthenticatedUser) => ({
  id: c.id,
  name: c.name,
  email: c.email,
  unit: c.unit,
  registeredCount: c._count.registrations,
  ...stateAndActions(c, viewer),
});
const communityInclude = {
  unit: { select: { id: true, name: true } },
  _count: { select: { registrations: { where: { status: 'active' } } } },
} satisfies Prisma.CommunityInclude;

/**
 * Communities are public knowledge inside a district: a home unit picks its member's community from
 * them. District officers and street staff see their district's; admins all. Each with the number
 * of members registered there now.
 */
export async function listCommunities(deps: PartyDeps, user: AuthenticatedUser, query: CommunityQuery, page: Page) {
  requireRole(user, ['street_staff', 'district_officer', 'admin']);
  const districtId = await districtOf(deps, user);
  const where: Prisma.CommunityWhereInput = {
    AND: [
      districtId ? { unit: { parentId: districtId } } : {},
      query.unitId ? { unitId: query.unitId } : {},
      nameMatches(query.q),
      inState(query.state),
    ],
  };
  return pageOf(
    page,
    () => deps.prisma.community.count({ where }),
    async ({ limit, offset }) =>
      (
        await deps.prisma.community.findMany({
          where,
          include: communityInclude,
          orderBy: [{ unit: { name: 'asc' } }, { name: 'asc' }],
          skip: offset,
          take: limit,
        })
      ).map((c) => communityView(c, user)),
  );
}

export async function createCommunity(deps: PartyDeps, user: AuthenticatedUser, input: { name: string; email?: string; unitId?: string }) {
  const unit = await unitToAddTo(deps, user, input.unitId, 'community');
  const row = await deps.prisma.community
    .create({ data: { id: randomUUID(), unitId: unit.id, name: input.name, email: input.email ?? null }, include: communityInclude })
    .catch(duplicateName('community'));
  return communityView(row, user);
}

/** Renames a community or changes its address: its street/park's clerk, or an administrator. */
export async function updateCommunity(
  deps: PartyDeps,
  user: AuthenticatedUser,
  id: string,
  input: { name?: string; email?: string | null },
) {
  await organizationFor(deps, user, 'community', id, 'edit');
  const row = await deps.prisma.community
    .update({ where: { id }, data: { name: input.name, email: input.email }, include: communityInclude })
    .catch(duplicateName('community'));
  return communityView(row, user);
}

/**
 * Retires a community: its street/park's clerk, or an administrator, once nobody is registered there
 * (its members move first); its past registrations and records stay with it.
 */
export async function retireCommunity(deps: PartyDeps, user: AuthenticatedUser, id: string) {
  await organizationFor(deps, user, 'community', id, 'retire');
  const { count } = await deps.prisma.community.updateMany({
    where: { id, retiredAt: null, registrations: { none: { status: { in: ['pending', 'active'] } } } },
    data: { retiredAt: deps.clock.now() },
  });
  if (count === 0)
    throw new DomainError('conflict', {
      zh: '还有党员在这个社区报到，请先为他们办理迁移',
      en: 'members are still registered with this community: move them first',
    });
  return communityView(await deps.prisma.community.findUniqueOrThrow({ where: { id }, include: communityInclude }), user);
}

/**
 * Which branches a list shows: of one unit, or (`registeredHere`, for a street/park's nominations)
 * those with members registered with the caller's street/park now, whatever their home unit.
 */
export type BranchQuery = { unitId?: string; registeredHere?: boolean; q?: string; state?: OrganizationState };

const branchInclude = {
  unit: { select: { id: true, name: true } },
  _count: { select: { members: true } },
} satisfies Prisma.PartyBranchInclude;
const branchView = (b: Prisma.PartyBranchGetPayload<{ include: typeof branchInclude }>, viewer: AuthenticatedUser) => ({
  id: b.id,
  name: b.name,
  unit: b.unit,
  memberCount: b._count.members,
  ...stateAndActions(b, viewer),
});

/** A unit's party branches (or those with members registered with the caller's street/park); district officers see their district's, admins all. */
export async function listBranches(deps: PartyDeps, user: AuthenticatedUser, query: BranchQuery, page: Page) {
  requireRole(user, ['street_staff', 'district_officer', 'admin']);
  const scope: Prisma.PartyBranchWhereInput =
    user.role === 'admin'
      ? {}
      : user.role === 'district_officer'
        ? { unit: { OR: [{ id: user.orgUnitId }, { parentId: user.orgUnitId }] } }
        : query.registeredHere
          ? { members: { some: { registrations: { some: { unitId: user.orgUnitId, status: 'active' } } } } }
          : { unitId: user.orgUnitId };
  const where: Prisma.PartyBranchWhereInput = {
    AND: [scope, query.unitId ? { unitId: query.unitId } : {}, nameMatches(query.q), inState(query.state)],
  };
  return pageOf(
    page,
    () => deps.prisma.partyBranch.count({ where }),
    async ({ limit, offset }) =>
      (
        await deps.prisma.partyBranch.findMany({
          where,
          include: branchInclude,
          orderBy: [{ unit: { name: 'asc' } }, { name: 'asc' }],
          skip: offset,
          take: limit,
        })
      ).map((b) => branchView(b, user)),
  );
}

export async function createBranch(deps: PartyDeps, user: AuthenticatedUser, input: { name: string; unitId?: string }) {
  const unit = await unitToAddTo(deps, user, input.unitId, 'branch');
  const row = await deps.prisma.partyBranch
    .create({ data: { id: randomUUID(), unitId: unit.id, name: input.name }, include: branchInclude })
    .catch(duplicateName('branch'));
  return branchView(row, user);
}

/** Renames a branch: its unit's clerk, or an administrator. */
export async function updateBranch(deps: PartyDeps, user: AuthenticatedUser, id: string, input: { name: string }) {
  await organizationFor(deps, user, 'branch', id, 'edit');
  const row = await deps.prisma.partyBranch
    .update({ where: { id }, data: { name: input.name }, include: branchInclude })
    .catch(duplicateName('branch'));
  return branchView(row, user);
}

/** Retires a branch: its unit's clerk, or an administrator. Its members keep it; no new member joins it. */
export async function retireBranch(deps: PartyDeps, user: AuthenticatedUser, id: string) {
  await organizationFor(deps, user, 'branch', id, 'retire');
  const row = await deps.prisma.partyBranch.update({ where: { id }, data: { retiredAt: deps.clock.now() }, include: branchInclude });
  return branchView(row, user);
}
