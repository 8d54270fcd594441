import type { Db } from '../../lib/db.ts';
import type { CaseDetails } from '../../model/cases/case-details.ts';
import type { CaseEventType } from '../../model/cases/lifecycle.ts';
import type { AuthenticatedUser } from '../auth/auth.ts';
import { visibleCaseFilter } from './scope.ts';

/**
 * A case another case names after a merge (its primary, its duplicates). Its ledger number always,
 * so people can quote it; its id and title only when the caller may open it: a duplicate from
 * another street learns its primary's number, never that unit's text (as the look-alikes do).
 */
export type CaseLink = { number: number; id?: string; title?: string };

/** Both sides of a merge as a case view shows them; `byId` names the linked case of a history event. */
export type MergeLinks = { mergedInto: CaseLink | null; duplicates: CaseLink[]; byId: ReadonlyMap<string, CaseLink> };

export const NO_MERGE_LINKS: MergeLinks = { mergedInto: null, duplicates: [], byId: new Map() };

/** The cases a case's merge names, read in two small queries (all of them, and those the caller sees). */
export async function mergeLinksOf(prisma: Db, user: AuthenticatedUser, details: CaseDetails): Promise<MergeLinks> {
  const duplicateIds = details.duplicateCaseIds ?? [];
  const ids = [...new Set([...(details.mergedIntoCaseId ? [details.mergedIntoCaseId] : []), ...duplicateIds])];
  if (ids.length === 0) return NO_MERGE_LINKS;
  const [rows, visible] = await Promise.all([
    prisma.case.findMany({ where: { id: { in: ids } }, select: { id: true, number: true, title: true } }),
    prisma.case.findMany({ where: { AND: [{ id: { in: ids } }, visibleCaseFilter(user)] }, select: { id: true } }),
  ]);
  const seen = new Set(visible.map((row) => row.id));
  const byId = new Map<string, CaseLink>(
    rows.map((row) => [row.id, seen.has(row.id) ? { number: row.number, id: row.id, title: row.title } : { number: row.number }]),
  );
  const primary = details.mergedIntoCaseId;
  const mergedInto = primary ? (byId.get(primary) ?? (details.mergedIntoNumber ? { number: details.mergedIntoNumber } : null)) : null;
  return { mergedInto, duplicates: duplicateIds.flatMap((id) => byId.get(id) ?? []), byId };
}

/** The events that are about the other side of a merge: the case they name, as the caller may see it. */
export function linkedCaseOf(type: string, comment: string | null, links: MergeLinks): CaseLink | null {
  const about = type as CaseEventType;
  if (about === 'duplicate_attached') return (comment && links.byId.get(comment)) || null;
  if (about === 'merged' || about === 'closed_with_primary') return links.mergedInto;
  return null;
}
