import { randomUUID } from 'node:crypto';
import type { Prisma } from '../../lib/db.ts';
import { DomainError, notFound } from '../../lib/errors.ts';
import { yearDates } from '../../model/party/rules.ts';
import type { AuthenticatedUser } from '../auth/auth.ts';
import { requireRole } from '../cases/scope.ts';
import { dateOnly, type ServiceKind } from '../../model/party/vocabulary.ts';
import { visibleMemberFilter } from './members.ts';
import { assertNotFuture, badField, callerStreetOrPark, readableUnitIds, type PartyDeps } from './scope.ts';

export type RecordInput = { memberId: string; kind: ServiceKind; servedOn: string; hours?: number; account: string; caseId?: string };

/**
 * Records the caller may read: those kept by their street/park, those their unit entered, and, once
 * the year-end feedback carried them there, their own members' records from every community.
 */
async function visibleRecordFilter(deps: PartyDeps, user: AuthenticatedUser): Promise<Prisma.ServiceRecordWhereInput> {
  const units = await readableUnitIds(deps.prisma, user);
  if (!units) return {};
  return {
    OR: [
      { unitId: { in: units } },
      { recordedByUnitId: { in: units } },
      { member: { homeUnitId: { in: units } }, fedBackAt: { not: null } },
    ],
  };
}

const recordInclude = {
  member: { select: { id: true, name: true, memberNumber: true } },
  registration: { select: { community: { select: { id: true, name: true } } } },
} satisfies Prisma.ServiceRecordInclude;

function toRecordView(r: Prisma.ServiceRecordGetPayload<{ include: typeof recordInclude }>) {
  return {
    id: r.id,
    member: r.member,
    community: r.registration.community,
    unitId: r.unitId,
    kind: r.kind,
    servedOn: dateOnly(r.servedOn),
    hours: r.hours,
    account: r.account,
    caseId: r.caseId,
    confirmed: r.confirmed,
    fedBack: r.fedBackAt !== null,
    recordedByUnitId: r.recordedByUnitId,
  };
}

/**
 * A service record belongs to the community the member was registered with on the day. Its
 * street/park's clerk records it confirmed; the member's home unit may record it too, and the
 * street/park confirms it. A linked case must be in that street/park's own ledger.
 */
export async function createRecord(deps: PartyDeps, user: AuthenticatedUser, input: RecordInput) {
  requireRole(user, ['street_staff']);
  assertNotFuture(deps, input.servedOn, 'body.servedOn');
  const member = await deps.prisma.partyMember.findFirst({
    where: { AND: [{ id: input.memberId }, await visibleMemberFilter(deps, user)] },
  });
  if (!member) throw notFound('member');
  const servedOn = new Date(input.servedOn);
  const registration = await deps.prisma.memberRegistration.findFirst({
    where: {
      memberId: member.id,
      status: { in: ['active', 'ended'] },
      registeredOn: { lte: servedOn },
      OR: [{ endedOn: null }, { endedOn: { gt: servedOn } }],
    },
  });
  if (!registration) throw badField('body.servedOn', 'the member was not registered with any community on that day');
  const byCommunity = registration.unitId === user.orgUnitId;
  if (!byCommunity && member.homeUnitId !== user.orgUnitId)
    throw new DomainError('forbidden', 'the street/park the member was registered with on that day, or the member’s home unit, records it');
  if (input.caseId && !(await deps.prisma.case.findFirst({ where: { id: input.caseId, filingUnitId: registration.unitId } })))
    throw notFound('case in the ledger of that street/park');
  const row = await deps.prisma.serviceRecord.create({
    data: {
      id: randomUUID(),
      memberId: member.id,
      registrationId: registration.id,
      unitId: registration.unitId,
      kind: input.kind,
      servedOn,
      hours: input.hours ?? null,
      account: input.account,
      caseId: input.caseId ?? null,
      confirmed: byCommunity,
      recordedByUserId: user.id,
      recordedByUnitId: user.orgUnitId,
      ...(byCommunity ? { confirmedByUserId: user.id, confirmedAt: deps.clock.now() } : {}),
    },
    include: recordInclude,
  });
  return toRecordView(row);
}

export async function confirmRecord(deps: PartyDeps, user: AuthenticatedUser, recordId: string) {
  const unit = await callerStreetOrPark(deps.prisma, user);
  const record = await deps.prisma.serviceRecord.findFirst({ where: { id: recordId, unitId: unit.id } });
  if (!record) throw notFound('record');
  const confirmed = await deps.prisma.serviceRecord.updateMany({
    where: { id: recordId, confirmed: false },
    data: { confirmed: true, confirmedByUserId: user.id, confirmedAt: deps.clock.now() },
  });
  if (confirmed.count === 0) throw new DomainError('invalid_transition', 'the record is confirmed already');
  return toRecordView(await deps.prisma.serviceRecord.findUniqueOrThrow({ where: { id: recordId }, include: recordInclude }));
}

export async function listRecords(
  deps: PartyDeps,
  user: AuthenticatedUser,
  query: { memberId?: string; year?: number; confirmed?: boolean },
) {
  const rows = await deps.prisma.serviceRecord.findMany({
    where: {
      AND: [
        await visibleRecordFilter(deps, user),
        query.memberId ? { memberId: query.memberId } : {},
        query.year ? { servedOn: { gte: yearDates(query.year).from, lte: yearDates(query.year).to } } : {},
        query.confirmed === undefined ? {} : { confirmed: query.confirmed },
      ],
    },
    include: recordInclude,
    orderBy: [{ servedOn: 'asc' }, { createdAt: 'asc' }],
    take: 1000,
  });
  return { items: rows.map(toRecordView) };
}
