import type { Db, Prisma } from '../lib/db.ts';
import { DomainError } from '../lib/errors.ts';
import type { CaseKind } from '../model/case.ts';
import type { AuthenticatedUser } from './auth.ts';
import { toCaseSummary } from './case-view.ts';
import { periodConditions, scopeConditions, type LedgerFilter } from './ledger-filters.ts';
import { visibleCaseFilter } from './scope.ts';

type CaseListFilter = Pick<LedgerFilter, 'unitId' | 'status' | 'filedFrom' | 'filedTo'> & {
  kind?: CaseKind;
  urgent?: boolean;
  overdue?: boolean;
  q?: string;
  limit: number;
  cursor?: string;
};

type Cursor = { filedAt: string; id: string };
const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');
function decodeCursor(raw: string): Cursor {
  try {
    const value = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Cursor;
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
    if (
      typeof value.filedAt === 'string' &&
      typeof value.id === 'string' &&
      uuid.test(value.id) &&
      !Number.isNaN(Date.parse(value.filedAt))
    )
      return value;
  } catch {
    // fall through
  }
  throw new DomainError('validation_failed', 'invalid cursor', [{ path: 'query.cursor', message: 'use nextCursor from a previous page' }]);
}

/** Newest first, keyset-paginated on (filedAt, id), always within what the caller may see. */
export async function listCases(prisma: Db, user: AuthenticatedUser, filter: CaseListFilter) {
  const conditions: Prisma.CaseWhereInput[] = [visibleCaseFilter(user), ...scopeConditions(filter), ...periodConditions(filter)];
  if (filter.kind) conditions.push({ kind: filter.kind });
  if (filter.urgent !== undefined) conditions.push({ urgent: filter.urgent });
  if (filter.overdue !== undefined) conditions.push({ overdue: filter.overdue });
  if (filter.q) {
    const q = filter.q;
    conditions.push({
      OR: [
        { title: { contains: q, mode: 'insensitive' } },
        { description: { contains: q, mode: 'insensitive' } },
        { location: { contains: q, mode: 'insensitive' } },
        { category: { contains: q, mode: 'insensitive' } },
      ],
    });
  }
  if (filter.cursor) {
    const cursor = decodeCursor(filter.cursor);
    const filedAt = new Date(cursor.filedAt);
    conditions.push({ OR: [{ filedAt: { lt: filedAt } }, { filedAt, id: { lt: cursor.id } }] });
  }
  const rows = await prisma.case.findMany({
    where: { AND: conditions },
    include: { filingUnit: true },
    orderBy: [{ filedAt: 'desc' }, { id: 'desc' }],
    take: filter.limit + 1,
  });
  const page = rows.slice(0, filter.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(toCaseSummary),
    nextCursor: rows.length > filter.limit && last ? encodeCursor({ filedAt: last.filedAt.toISOString(), id: last.id }) : null,
  };
}
