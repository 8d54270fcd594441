import type { Db } from '../../lib/db.ts';
import { notFound } from '../../lib/errors.ts';
import type { AuthenticatedUser } from '../auth/auth.ts';
import { loadVisibleCase } from './visible-case.ts';
import { suggestDuplicates, type DuplicateSuggestion } from './duplicates.ts';
import type { LookAlikeText } from './look-alike-score.ts';
import { requireRole } from './scope.ts';

export type LookAlikeDraft = LookAlikeText;

/** While a clerk types a filing: open cases of the unit's district that look like the same problem. */
export async function lookAlikesOfDraft(prisma: Db, user: AuthenticatedUser, draft: LookAlikeDraft): Promise<DuplicateSuggestion[]> {
  requireRole(user, ['street_staff']);
  const unit = await prisma.orgUnit.findUnique({ where: { id: user.orgUnitId }, select: { id: true, parentId: true } });
  if (!unit) throw notFound('unit');
  return suggestDuplicates(prisma, user, { districtId: unit.parentId, filing: draft });
}

/** Merge candidates for a case the district reviews: the look-alikes of its own filing, itself excluded. */
export async function lookAlikesOfCase(prisma: Db, user: AuthenticatedUser, caseId: string): Promise<DuplicateSuggestion[]> {
  requireRole(user, ['district_officer']);
  const row = await loadVisibleCase(prisma, user, caseId);
  const suggestions = await suggestDuplicates(prisma, user, { districtId: row.filingUnit.parentId, filing: row });
  return suggestions.filter((s) => s.id !== caseId);
}
