import { randomUUID } from 'node:crypto';
import type { Prisma } from '../../lib/db.ts';
import { DomainError, invalidField, notFound } from '../../lib/errors.ts';
import { pageOf, type Page } from '../../lib/paging.ts';
import { yearDates } from '../../model/party/rules.ts';
import type { AuthenticatedUser } from '../auth/auth.ts';
import { requireRole } from '../cases/scope.ts';
import { requireStep } from '../lifecycle-steps.ts';
import { RECORD_LIFECYCLE as RECORDS, recordStateOf, type RecordAction, type RecordState } from '../../model/party/record-lifecycle.ts';
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
    state: recordStateOf(r),
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
  if (!registration)
    throw invalidField('body.servedOn', {
      zh: '该党员在这一天未在任何社区报到',
      en: 'the member was not registered with any community on that day',
    });
  const byCommunity = registration.unitId === user.orgUnitId;
  if (!byCommunity && member.homeUnitId !== user.orgUnitId)
    throw new DomainError('forbidden', {
      zh: '服务记录由党员当天报到的街道/园区或党员所在单位登记',
      en: 'the street/park the member was registered with on that day, or the member’s home unit, records it',
    });
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

/** Each state as the columns `recordStateOf` reads it from. */
const RECORDS_IN_STATE: Record<RecordState, Prisma.ServiceRecordWhereInput> = {
  awaiting_confirmation: { confirmed: false, fedBackAt: null },
  confirmed: { confirmed: true, fedBackAt: null },
  fed_back: { fedBackAt: { not: null } },
};

/**
 * Which records a list shows, beside what the caller may see: `community` those kept by the caller's
 * streets and parks, `home_unit` those of the caller's members (entered by the unit, or fed back to it).
 */
export type RecordQuery = {
  memberId?: string;
  communityId?: string;
  year?: number;
  confirmed?: boolean;
  state?: RecordState;
  side?: 'community' | 'home_unit';
};

async function recordQueryFilter(deps: PartyDeps, user: AuthenticatedUser, query: RecordQuery): Promise<Prisma.ServiceRecordWhereInput> {
  const units = query.side ? await readableUnitIds(deps.prisma, user) : undefined;
  const side: Prisma.ServiceRecordWhereInput =
    !units || !query.side
      ? {}
      : query.side === 'community'
        ? { unitId: { in: units } }
        : { OR: [{ recordedByUnitId: { in: units } }, { member: { homeUnitId: { in: units } } }] };
  return {
    AND: [
      side,
      query.memberId ? { memberId: query.memberId } : {},
      query.communityId ? { registration: { communityId: query.communityId } } : {},
      query.year ? { servedOn: { gte: yearDates(query.year).from, lte: yearDates(query.year).to } } : {},
      query.confirmed === undefined ? {} : { confirmed: query.confirmed },
      query.state ? RECORDS_IN_STATE[query.state] : {},
    ],
  };
}

/** A page of the records the caller may read, newest service first. */
export async function listRecords(deps: PartyDeps, user: AuthenticatedUser, query: RecordQuery, page: Page) {
  const where = { AND: [await visibleRecordFilter(deps, user), await recordQueryFilter(deps, user, query)] };
  return pageOf(
    page,
    () => deps.prisma.serviceRecord.count({ where }),
    async ({ limit, offset }) =>
      (
        await deps.prisma.serviceRecord.findMany({
          where,
          include: recordInclude,
          orderBy: [{ servedOn: 'desc' }, { createdAt: 'desc' }],
          skip: offset,
          take: limit,
        })
      ).map((r) => toRecordView(r, user)),
  );
}
