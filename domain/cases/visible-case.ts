import type { Attachment, Case, CaseEvent, OrgUnit } from '../../generated/prisma/client.ts';
import type { Db } from '../../lib/db.ts';
import { notFound } from '../../lib/errors.ts';
import type { AuthenticatedUser } from '../auth/auth.ts';
import { visibleCaseFilter } from './scope.ts';

/**
 * Reading one case the caller may see, apart from what is done with it: the case's view, its steps,
 * its attachments and its look-alikes all start here (and the view needs the attachments' shape,
 * so this cannot live beside either without a circle).
 */
export type CaseRowWithEvents = Case & { filingUnit: OrgUnit; events: CaseEvent[]; attachments?: Attachment[] };

/** The case's history as the view shows it: events in order, attachments oldest first. */
export const CASE_HISTORY = { events: { orderBy: { sequence: 'asc' } }, attachments: { orderBy: { createdAt: 'asc' } } } as const;

/** The case with its history; another unit's case is simply not found (404). */
export async function loadVisibleCase(prisma: Db, user: AuthenticatedUser, caseId: string): Promise<CaseRowWithEvents> {
  const row = await prisma.case.findFirst({
    where: { AND: [{ id: caseId }, visibleCaseFilter(user)] },
    include: { filingUnit: true, ...CASE_HISTORY },
  });
  if (!row) throw notFound('case');
  return row;
}
