import { randomUUID } from 'node:crypto';
import type { MemberRegistration } from '../../generated/prisma/client.ts';
import type { Prisma } from '../../lib/db.ts';
import { isUniqueViolation } from '../../lib/db.ts';
import { shownContact } from '../../lib/contact-mask.ts';
import { DomainError, invalidField, noSuch, notFound } from '../../lib/errors.ts';
import { PARTY_THING_WORDS } from '../../model/party/glossary.ts';
import { UNIT_WORDS } from '../../model/directory/glossary.ts';
import { pageOf, type Page } from '../../lib/paging.ts';
import type { SameUnion } from '../../lib/type-checks.ts';
import type { AuthenticatedUser } from '../auth/auth.ts';
import { recordPersonalDataAccess } from '../auth/access-log.ts';
import { requireRole } from '../cases/scope.ts';
import { requireStep } from '../lifecycle-steps.ts';
import {
  OPEN_REGISTRATION_STATES,
  REGISTRATION_LIFECYCLE as REGISTRATIONS,
  type RegistrationAction,
  type RegistrationState,
} from '../../model/party/registration-lifecycle.ts';
import { dateOnly } from '../../model/party/vocabulary.ts';
import { refuseRetired } from './organizations.ts';
import { assertNotFuture, callerStreetOrPark, readableUnitIds, type PartyDeps } from './scope.ts';

export type RegistrationInput = {
  memberNumber: string;
  name: string;
  homeUnitId: string;
  branchId?: string;
  contact?: string;
  email?: string;
  communityId: string;
  registeredOn: string;
};

/** Members the caller may see: registered (at any time) with their units, or employed by them. */
export async function visibleMemberFilter(deps: Pick<PartyDeps, 'prisma'>, user: AuthenticatedUser): Promise<Prisma.PartyMemberWhereInput> {
  return membersOfUnits(await readableUnitIds(deps.prisma, user));
}

/** Members registered (at any time) with these units or employed by them; all for `undefined` (admins). */
const membersOfUnits = (units: string[] | undefined): Prisma.PartyMemberWhereInput =>
  units ? { OR: [{ homeUnitId: { in: units } }, { registrations: { some: { unitId: { in: units } } } }] } : {};

// The table's states are the column's: one added on either side alone fails to compile.
const registrationStatesMatch: SameUnion<RegistrationState, MemberRegistration['status']> = true;
void registrationStatesMatch;

/** What the caller may do to a registration: the table's steps for its role and state, taken only by the registration's street/park. */
const registrationActionsFor = (r: Pick<MemberRegistration, 'status' | 'unitId'>, user: AuthenticatedUser): RegistrationAction[] =>
  r.unitId === user.orgUnitId ? REGISTRATIONS.allowedActions(r.status, user.role) : [];

const isOpen = (status: RegistrationState) => (OPEN_REGISTRATION_STATES as readonly RegistrationState[]).includes(status);

const memberInclude = {
  homeUnit: { select: { id: true, name: true } },
  branch: { select: { id: true, name: true } },
  registrations: { orderBy: [{ registeredOn: 'asc' }, { createdAt: 'asc' }], include: { community: true } },
} satisfies Prisma.PartyMemberInclude;
type MemberRow = Prisma.PartyMemberGetPayload<{ include: typeof memberInclude }>;

/** The member's home unit and the street/park they are registered with now hold the member's contact details. */
export const holdsMemberContact = (m: Pick<MemberRow, 'homeUnitId' | 'registrations'>, user: AuthenticatedUser) => {
  const current = m.registrations.find((r) => isOpen(r.status));
  return user.role === 'street_staff' && (m.homeUnitId === user.orgUnitId || current?.unitId === user.orgUnitId);
};

/**
 * Contact details whole only for the units that hold them, masked (139****5678) for everyone else.
 * The member's `allowedActions` are those on its open registration (`move` the member, or `accept` that
 * registration); each registration carries its own.
 */
function toMemberView(m: MemberRow, user: AuthenticatedUser) {
  const current = m.registrations.find((r) => isOpen(r.status));
  const holder = holdsMemberContact(m, user);
  return {
    id: m.id,
    memberNumber: m.memberNumber,
    name: m.name,
    homeUnit: m.homeUnit,
    branch: m.branch,
    contact: shownContact(m.contact, holder),
    email: shownContact(m.email, holder),
    allowedActions: current ? registrationActionsFor(current, user) : [],
    registrations: m.registrations.map((r) => ({
      id: r.id,
      status: r.status,
      community: { id: r.community.id, name: r.community.name, unitId: r.unitId },
      registeredOn: dateOnly(r.registeredOn),
      endedOn: r.endedOn ? dateOnly(r.endedOn) : null,
      allowedActions: registrationActionsFor(r, user),
    })),
  };
}

/** Members as every output shows them; each member whose contact is shown whole is written to the access log. */
async function showMembers(prisma: PartyDeps['prisma'], rows: MemberRow[], user: AuthenticatedUser) {
  const whole = rows.filter((m) => holdsMemberContact(m, user) && (m.contact !== null || m.email !== null));
  await recordPersonalDataAccess(
    prisma,
    user,
    whole.map((m) => ({ kind: 'member_contact', subjectId: m.id })),
  );
  return rows.map((m) => toMemberView(m, user));
}

/**
 * Which members a list shows, beside what the caller may see: `community` those registered (now or
 * once) with the caller's streets and parks, `home_unit` those employed by the caller's units; a
 * registration status and a community narrow it to members with such a registration; `q` matches a
 * name or member number.
 */
export type MemberQuery = {
  communityId?: string;
  side?: 'community' | 'home_unit';
  status?: RegistrationState;
  q?: string;
};

function memberQueryFilter(units: string[] | undefined, query: MemberQuery): Prisma.PartyMemberWhereInput {
  const registration: Prisma.MemberRegistrationWhereInput = {
    ...(query.communityId ? { communityId: query.communityId } : {}),
    ...(query.status ? { status: query.status } : {}),
    ...(query.side === 'community' && units ? { unitId: { in: units } } : {}),
  };
  return {
    AND: [
      Object.keys(registration).length > 0 || query.side === 'community' ? { registrations: { some: registration } } : {},
      query.side === 'home_unit' && units ? { homeUnitId: { in: units } } : {},
      query.q
        ? { OR: [{ name: { contains: query.q, mode: 'insensitive' } }, { memberNumber: { contains: query.q, mode: 'insensitive' } }] }
        : {},
    ],
  };
}

export async function listMembers(deps: PartyDeps, user: AuthenticatedUser, query: MemberQuery, page: Page) {
  const units = await readableUnitIds(deps.prisma, user);
  const where = { AND: [membersOfUnits(units), memberQueryFilter(units, query)] };
  return pageOf(
    page,
    () => deps.prisma.partyMember.count({ where }),
    async ({ limit, offset }) =>
      showMembers(
        deps.prisma,
        await deps.prisma.partyMember.findMany({
          where,
          include: memberInclude,
          orderBy: [{ memberNumber: 'asc' }],
          skip: offset,
          take: limit,
        }),
        user,
      ),
  );
}

export async function getMember(deps: PartyDeps, user: AuthenticatedUser, memberId: string) {
  const row = await deps.prisma.partyMember.findFirst({
    where: { AND: [{ id: memberId }, await visibleMemberFilter(deps, user)] },
    include: memberInclude,
  });
  if (!row) throw notFound('member');
  const [view] = await showMembers(deps.prisma, [row], user);
  return view!;
}

/**
 * Registers a member with a community. The clerk of the community's street/park accepts at once;
 * a registration sent by the member's home unit waits for that clerk. A member is registered once:
 * a second registration is a conflict, and moving is `moveMember`.
 */
export async function registerMember(deps: PartyDeps, user: AuthenticatedUser, input: RegistrationInput) {
  requireRole(user, REGISTRATIONS.rolesFor('register'));
  assertNotFuture(deps, input.registeredOn, 'body.registeredOn');
  const community = await deps.prisma.community.findUnique({ where: { id: input.communityId } });
  if (!community) throw invalidField('body.communityId', noSuch(PARTY_THING_WORDS.community));
  refuseRetired(community, 'body.communityId', 'community');
  const byCommunity = community.unitId === user.orgUnitId;
  if (!byCommunity && input.homeUnitId !== user.orgUnitId)
    throw new DomainError('forbidden', {
      zh: '只能登记本单位的党员，或居住在本街道/园区的党员',
      en: 'register the members of your own unit, or members living in your street/park',
    });
  if (!(await deps.prisma.orgUnit.findUnique({ where: { id: input.homeUnitId } })))
    throw invalidField('body.homeUnitId', noSuch(UNIT_WORDS));
  if (input.branchId) {
    const branch = await deps.prisma.partyBranch.findFirst({ where: { id: input.branchId, unitId: input.homeUnitId } });
    if (!branch)
      throw invalidField('body.branchId', { zh: '党员所在单位没有这个党支部', en: 'no such party branch in the member’s home unit' });
    refuseRetired(branch, 'body.branchId', 'branch');
  }
  const already = await deps.prisma.partyMember.findUnique({ where: { memberNumber: input.memberNumber } });
  if (already) throw alreadyRegistered(input.memberNumber);
  const memberId = randomUUID();
  try {
    await deps.prisma.$transaction([
      deps.prisma.partyMember.create({
        data: {
          id: memberId,
          memberNumber: input.memberNumber,
          name: input.name,
          homeUnitId: input.homeUnitId,
          branchId: input.branchId ?? null,
          contact: input.contact ?? null,
          email: input.email ?? null,
          createdByUserId: user.id,
        },
      }),
      deps.prisma.memberRegistration.create({ data: openRegistration(deps, user, 'register', memberId, community, input.registeredOn) }),
    ]);
  } catch (error) {
    if (isUniqueViolation(error)) throw alreadyRegistered(input.memberNumber);
    throw error;
  }
  return getMember(deps, user, memberId);
}

/**
 * A member's open registration with a community, by a registration or a move: active at once when the
 * community's own street/park makes it, otherwise pending until that street/park's clerk accepts.
 */
function openRegistration(
  deps: Pick<PartyDeps, 'clock'>,
  user: AuthenticatedUser,
  transition: 'register' | 'moveIn',
  memberId: string,
  community: { id: string; unitId: string },
  from: string,
) {
  const accepted = community.unitId === user.orgUnitId;
  return {
    id: randomUUID(),
    memberId,
    communityId: community.id,
    unitId: community.unitId,
    status: REGISTRATIONS.targetOf(transition, null, accepted ? 'active' : 'pending'),
    registeredOn: new Date(from),
    openMemberId: memberId,
    submittedByUserId: user.id,
    ...(accepted ? { acceptedByUserId: user.id, acceptedAt: deps.clock.now() } : {}),
  };
}

const alreadyRegistered = (memberNumber: string) =>
  new DomainError(
    'conflict',
    {
      zh: `党员 ${memberNumber} 已经报到；党员迁居请办理迁移，不要重复登记`,
      en: `member ${memberNumber} is already registered; a member moving is recorded as a move, never registered twice`,
    },
    undefined,
    undefined,
    { memberNumber },
  );

/** The clerk of the community's street/park accepts a registration sent by the home unit. */
export async function acceptRegistration(deps: PartyDeps, user: AuthenticatedUser, registrationId: string) {
  const unit = await callerStreetOrPark(deps.prisma, user);
  const find = () => deps.prisma.memberRegistration.findFirst({ where: { id: registrationId, unitId: unit.id } });
  const registration = await find();
  if (!registration) throw notFound('registration');
  requireStep(REGISTRATIONS, 'accept', registration.status, user.role);
  const accepted = await deps.prisma.memberRegistration.updateMany({
    where: { id: registrationId, status: registration.status },
    data: { status: REGISTRATIONS.targetOf('accept', registration.status), acceptedByUserId: user.id, acceptedAt: deps.clock.now() },
  });
  // Taken by someone else meanwhile: refused as the table refuses it now.
  if (accepted.count === 0) requireStep(REGISTRATIONS, 'accept', (await find())?.status ?? registration.status, user.role);
  return getMember(deps, user, registration.memberId);
}

/**
 * A member moves: the street/park they are registered with ends the registration on the day of the
 * move and opens one with the new community (accepted at once within the same street/park, otherwise
 * waiting for the new one's clerk). The old registration and its records stay.
 */
export async function moveMember(
  deps: PartyDeps,
  user: AuthenticatedUser,
  memberId: string,
  input: { communityId: string; movedOn: string },
) {
  const unit = await callerStreetOrPark(deps.prisma, user);
  assertNotFuture(deps, input.movedOn, 'body.movedOn');
  const current = await deps.prisma.memberRegistration.findFirst({
    where: { memberId, unitId: unit.id, status: { in: [...OPEN_REGISTRATION_STATES] } },
  });
  if (!current) throw notFound('member registered with your street/park');
  requireStep(REGISTRATIONS, 'move', current.status, user.role);
  const target = await deps.prisma.community.findUnique({ where: { id: input.communityId } });
  if (!target) throw invalidField('body.communityId', noSuch(PARTY_THING_WORDS.community));
  refuseRetired(target, 'body.communityId', 'community');
  if (target.id === current.communityId)
    throw invalidField('body.communityId', { zh: '该党员已在这个社区报到', en: 'the member is registered with this community already' });
  if (input.movedOn <= dateOnly(current.registeredOn))
    throw invalidField(
      'body.movedOn',
      {
        zh: `应晚于当前报到开始的日期（${dateOnly(current.registeredOn)}）`,
        en: `must be after the current registration began (${dateOnly(current.registeredOn)})`,
      },
      { registeredOn: dateOnly(current.registeredOn) },
    );
  if (await deps.prisma.serviceRecord.count({ where: { registrationId: current.id, servedOn: { gte: new Date(input.movedOn) } } }))
    throw new DomainError('conflict', {
      zh: '当前社区在该日及之后还有服务记录，迁移日期不能早于这些记录',
      en: 'the current community has records on or after that day; a move cannot precede them',
    });
  await deps.prisma.$transaction(async (tx) => {
    const ended = await tx.memberRegistration.updateMany({
      where: { id: current.id, status: current.status },
      data: { status: REGISTRATIONS.targetOf('moveOut', current.status), endedOn: new Date(input.movedOn), openMemberId: null },
    });
    if (ended.count === 0)
      throw new DomainError('conflict', {
        zh: '报到信息刚刚已被他人修改，请刷新后重试',
        en: 'the registration changed meanwhile; try again',
      });
    await tx.memberRegistration.create({ data: openRegistration(deps, user, 'moveIn', memberId, target, input.movedOn) });
  });
  return getMember(deps, user, memberId);
}
