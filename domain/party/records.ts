import { randomUUID } from 'node:crypto';
import type { Prisma } from '../../lib/db.ts';
import { DomainError, invalidField, notFound } from '../../lib/errors.ts';
import { yearDates } from '../../model/party/rules.ts';
import type { AuthenticatedUser } from '../auth/auth.ts';
import { requireRole } from '../cases/scope.ts';
import { requireStep } from '../lifecycle-steps.ts';
import { RECORD_LIFECYCLE as RECORDS, recordStateOf, type RecordAction } from '../../model/party/record-lifecycle.ts';
import { dateOnly, type ServiceKind } from '../../model/party/vocabulary.ts';
import { visibleMemberFilter } from './members.ts';
import { assertNotFuture, callerStreetOrPark, readableUnitIds, type PartyDeps } from './scope.ts';

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

/** What the caller may do to a record: the table's steps for its role and state, taken only by the record's street/park. */
const recordActionsFor = (r: { unitId: string; confirmed: boolean; fedBackAt: Date | null }, user: AuthenticatedUser): RecordAction[] =>
  r.unitId === user.orgUnitId ? RECORDS.allowedActions(recordStateOf(r), user.role) : [];

function toRecordView(r: Prisma.ServiceRecordGetPayload<{ include: typeof recordInclude }>, user: AuthenticatedUser) {
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
    allowedActions: recordActionsFor(r, user),
  };
}

/**
 * A service record belongs to the community the member was registered with on the day. Its
 * street/park's clerk records it confirmed; the member's home unit may record it too, and the
 * street/park confirms it. A linked case must be in that street/park's own ledger.
 */
export async function createRecord(deps: PartyDeps, user: AuthenticatedUser, input: RecordInput) {
  requireRole(user, RECORDS.rolesFor('record'));
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
  if (!registration) throw invalidField('body.servedOn', 'the member was not registered with any community on that day');
  const byCommunity = registration.unitId === user.orgUnitId;
  if (!byCommunity && member.homeUnitId !== user.orgUnitId)
    throw new DomainError('forbidden', 'the street/park the member was registered with on that day, or the member’s home unit, records it');
  if (input.caseId && !(await deps.prisma.case.findFirst({ where: { id: input.caseId, filingUnitId: registration.unitId } })))
    throw notFound('case in the ledger of that street/park');
  const confirmed = RECORDS.targetOf('record', null, byCommunity ? 'confirmed' : 'awaiting_confirmation') === 'confirmed';
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
      confirmed,
      recordedByUserId: user.id,
      recordedByUnitId: user.orgUnitId,
      ...(confirmed ? { confirmedByUserId: user.id, confirmedAt: deps.clock.now() } : {}),
    },
    include: recordInclude,
  });
  return toRecordView(row, user);
}

/** The record's street/park confirms a record the member's home unit entered. */
export async function confirmRecord(deps: PartyDeps, user: AuthenticatedUser, recordId: string) {
  const unit = await callerStreetOrPark(deps.prisma, user);
  const find = () => deps.prisma.serviceRecord.findFirst({ where: { id: recordId, unitId: unit.id } });
  const record = await find();
  if (!record) throw notFound('record');
  requireStep(RECORDS, 'confirm', recordStateOf(record), user.role);
  const confirmed = await deps.prisma.serviceRecord.updateMany({
    where: { id: recordId, confirmed: false },
    data: {
      confirmed: RECORDS.targetOf('confirm', recordStateOf(record)) === 'confirmed',
      confirmedByUserId: user.id,
      confirmedAt: deps.clock.now(),
    },
  });
  // Confirmed by someone else meanwhile: refused as the table refuses it now.
  const now = confirmed.count === 0 ? await find() : undefined;
  if (now) requireStep(RECORDS, 'confirm', recordStateOf(now), user.role);
  return toRecordView(await deps.prisma.serviceRecord.findUniqueOrThrow({ where: { id: recordId }, include: recordInclude }), user);
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
  return { items: rows.map((r) => toRecordView(r, user)) };
}
