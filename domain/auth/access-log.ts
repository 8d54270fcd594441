import type { PersonalDataAccess as PersonalDataAccessRow } from '../../generated/prisma/client.ts';
import type { PersonalDataAccessKind } from '../../model/auth/access-log.ts';
import type { SameUnion } from '../../lib/type-checks.ts';
import type { Db, Prisma } from '../../lib/db.ts';
import { pageOf, type Page } from '../../lib/paging.ts';
import { currentRequest } from '../../lib/request-context.ts';
import { requireRole } from '../cases/scope.ts';
import { namesOf, personOf } from '../cases/people.ts';
import type { AuthenticatedUser } from './auth.ts';

/**
 * The access log of personal information: each response that shows a reporter's or a member's contact
 * whole, and each export of the ledger, leaves one row per case, member or export, with the request it
 * came in. Rows are only added: the table's trigger refuses UPDATE, DELETE and TRUNCATE to whoever connects.
 */
// The model's kinds are the column's: one added on either side alone fails to compile.
const kindsMatch: SameUnion<PersonalDataAccessKind, PersonalDataAccessRow['kind']> = true;
void kindsMatch;

export type PersonalDataAccess = { kind: PersonalDataAccessKind; subjectId: string | null; detail?: Prisma.InputJsonValue };

export async function recordPersonalDataAccess(prisma: Db, user: AuthenticatedUser, accesses: PersonalDataAccess[]) {
  if (accesses.length === 0) return;
  const requestId = currentRequest()?.requestId ?? null;
  await prisma.personalDataAccess.createMany({
    data: accesses.map((a) => ({ userId: user.id, kind: a.kind, subjectId: a.subjectId, detail: a.detail ?? {}, requestId })),
  });
}

export type AccessLogQuery = { kind?: PersonalDataAccessKind; userId?: string; subjectId?: string };

/** The log for admins, newest first, a page at a time, narrowed by kind, user or subject. */
export async function listPersonalDataAccess(prisma: Db, user: AuthenticatedUser, query: AccessLogQuery, page: Page) {
  requireRole(user, ['admin']);
  const where: Prisma.PersonalDataAccessWhereInput = {
    ...(query.kind ? { kind: query.kind } : {}),
    ...(query.userId ? { userId: query.userId } : {}),
    ...(query.subjectId ? { subjectId: query.subjectId } : {}),
  };
  return pageOf(
    page,
    () => prisma.personalDataAccess.count({ where }),
    async ({ limit, offset }) => {
      const rows = await prisma.personalDataAccess.findMany({
        where,
        orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }],
        skip: offset,
        take: limit,
      });
      const names = await namesOf(
        prisma,
        rows.map((r) => r.userId),
      );
      return rows.map((r) => ({
        id: r.id.toString(),
        user: personOf(names, r.userId)!,
        kind: r.kind,
        subjectId: r.subjectId,
        detail: r.detail,
        requestId: r.requestId,
        occurredAt: r.occurredAt.toISOString(),
      }));
    },
  );
}
