import type { Db, Prisma } from '../../lib/db.ts';
import type { Case } from '../../generated/prisma/client.ts';
import { z } from 'zod';
import type { CaseKind } from '../../model/cases/filing.ts';
import type { CaseListSort } from '../../model/cases/case-filter.ts';
import { CASE_LIFECYCLE } from '../../model/cases/lifecycle.ts';
import type { AuthenticatedUser } from '../auth/auth.ts';
import { searchCondition } from './case-search.ts';
import { reporterContactAccesses, toCaseSummary } from './case-view.ts';
import { recordPersonalDataAccess } from '../auth/access-log.ts';
import { namesOf } from './people.ts';
import { cursorMoment, decodeCursor, encodeCursor } from '../list-cursors.ts';
import { periodConditions, scopeConditions, type LedgerFilter } from './ledger-filters.ts';
import { visibleCaseFilterWithUnits } from './scope.ts';

/** What a list or a count is filtered by (the same for `GET /cases`, the worklists and saved views). */
export type CaseFilter = Pick<LedgerFilter, 'unitId' | 'status' | 'filedFrom' | 'filedTo'> & {
  kind?: CaseKind;
  urgent?: boolean;
  overdue?: boolean;
  /** `me`, `none` or a user id (model/cases/owner.ts: the owner inside the level holding the case). */
  owner?: string;
  /** Only the cases the caller's level holds now: the statuses from which the caller's role takes a case. */
  held?: boolean;
  q?: string;
};

type CaseListFilter = CaseFilter & { sort?: CaseListSort; limit: number; cursor?: string };

type CaseRow = Pick<Case, 'id' | 'filedAt' | 'overdue' | 'dueAt'>;

const newestKey = z.strictObject({ filedAt: cursorMoment, id: z.uuid() });
const dueKey = z.strictObject({ sort: z.literal('due'), overdue: z.boolean(), dueAt: cursorMoment.nullable(), id: z.uuid() });

/**
 * Each order with its keyset: the ORDER BY, the rows after a cursor's key, and a row's key. `due` is
 * the work queues' order: overdue first, then the nearest deadline (cases without one, paused, last),
 * then id; the index on (status, overdue DESC, due_at, id) serves it for a queue's status.
 */
const ORDERS = {
  newest: {
    orderBy: [{ filedAt: 'desc' }, { id: 'desc' }],
    after(raw: string): Prisma.CaseWhereInput {
      const key = decodeCursor(raw, newestKey, 'query.cursor');
      const filedAt = new Date(key.filedAt);
      return { OR: [{ filedAt: { lt: filedAt } }, { filedAt, id: { lt: key.id } }] };
    },
    keyOf: (row: CaseRow): z.input<typeof newestKey> => ({ filedAt: row.filedAt.toISOString(), id: row.id }),
  },
  due: {
    orderBy: [{ overdue: 'desc' }, { dueAt: { sort: 'asc', nulls: 'last' } }, { id: 'asc' }],
    after(raw: string): Prisma.CaseWhereInput {
      const key = decodeCursor(raw, dueKey, 'query.cursor');
      const dueAt = key.dueAt === null ? null : new Date(key.dueAt);
      const laterDue: Prisma.CaseWhereInput =
        dueAt === null
          ? { dueAt: null, id: { gt: key.id } }
          : { OR: [{ dueAt: { gt: dueAt } }, { dueAt: null }, { dueAt, id: { gt: key.id } }] };
      return key.overdue ? { OR: [{ overdue: false }, { overdue: true, ...laterDue }] } : { overdue: false, ...laterDue };
    },
    keyOf: (row: CaseRow): z.input<typeof dueKey> => ({
      sort: 'due',
      overdue: row.overdue,
      dueAt: row.dueAt?.toISOString() ?? null,
      id: row.id,
    }),
  },
} satisfies Record<
  CaseListSort,
  { orderBy: Prisma.CaseOrderByWithRelationInput[]; after(raw: string): Prisma.CaseWhereInput; keyOf(row: CaseRow): unknown }
>;

/** The filter as query conditions, always within what the caller may see; dates are district days. */
async function caseConditions(prisma: Db, user: AuthenticatedUser, filter: CaseFilter, utcOffsetMinutes: number) {
  const conditions: Prisma.CaseWhereInput[] = [
    await visibleCaseFilterWithUnits(prisma, user),
    ...scopeConditions(filter),
    ...periodConditions(filter, { utcOffsetMinutes }),
  ];
  if (filter.kind) conditions.push({ kind: filter.kind });
  if (filter.urgent !== undefined) conditions.push({ urgent: filter.urgent });
  if (filter.overdue !== undefined) conditions.push({ overdue: filter.overdue });
  if (filter.owner) conditions.push({ ownerUserId: filter.owner === 'me' ? user.id : filter.owner === 'none' ? null : filter.owner });
  // The transition table says which statuses each role's level holds (an admin's holds none).
  if (filter.held) conditions.push({ status: { in: CASE_LIFECYCLE.fromFor('take', user.role) } });
  if (filter.q) conditions.push(await searchCondition(prisma, filter.q));
  return conditions;
}

/** How many cases the filter finds for the caller (the worklists' and saved views' counts). */
export async function countCases(prisma: Db, user: AuthenticatedUser, filter: CaseFilter, utcOffsetMinutes: number) {
  return prisma.case.count({ where: { AND: await caseConditions(prisma, user, filter, utcOffsetMinutes) } });
}

/** A page in the chosen order (newest first by default), keyset-paginated, always within what the caller may see; dates are district days. */
export async function listCases(prisma: Db, user: AuthenticatedUser, filter: CaseListFilter, utcOffsetMinutes: number) {
  const conditions = await caseConditions(prisma, user, filter, utcOffsetMinutes);
  const order = ORDERS[filter.sort ?? 'newest'];
  if (filter.cursor) conditions.push(order.after(filter.cursor));
  const rows = await prisma.case.findMany({
    where: { AND: conditions },
    include: { filingUnit: true },
    orderBy: order.orderBy,
    take: filter.limit + 1,
  });
  const page = rows.slice(0, filter.limit);
  const last = page[page.length - 1];
  const names = await namesOf(
    prisma,
    page.map((row) => row.ownerUserId),
  );
  await recordPersonalDataAccess(prisma, user, reporterContactAccesses(page, user));
  return {
    items: page.map((row) => toCaseSummary(row, user, names)),
    nextCursor: rows.length > filter.limit && last ? encodeCursor(order.keyOf(last)) : null,
  };
}

/**
 * The ids of the cases the filter finds for the caller, in the list's order, at most `limit` + 1 (one
 * more tells the caller that the filter finds too many): "all matching" of a bulk step.
 */
export async function matchingCaseIds(
  prisma: Db,
  user: AuthenticatedUser,
  filter: CaseFilter & { sort?: CaseListSort },
  utcOffsetMinutes: number,
  limit: number,
): Promise<string[]> {
  const rows = await prisma.case.findMany({
    where: { AND: await caseConditions(prisma, user, filter, utcOffsetMinutes) },
    select: { id: true },
    orderBy: ORDERS[filter.sort ?? 'newest'].orderBy,
    take: limit + 1,
  });
  return rows.map((row) => row.id);
}

/** How many cases the filter finds for the caller in each status (what a bulk step over "all matching" may offer). */
export async function countCasesByStatus(prisma: Db, user: AuthenticatedUser, filter: CaseFilter, utcOffsetMinutes: number) {
  const groups = await prisma.case.groupBy({
    by: ['status'],
    where: { AND: await caseConditions(prisma, user, filter, utcOffsetMinutes) },
    _count: { _all: true },
  });
  return new Map(groups.map((group) => [group.status, group._count._all]));
}
