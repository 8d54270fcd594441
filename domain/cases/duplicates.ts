import { Prisma, type Db } from '../../lib/db.ts';
import { OPEN_STATUSES } from '../../model/cases/lifecycle.ts';
import type { AuthenticatedUser } from '../auth/auth.ts';
import { searchGrams } from './case-search.ts';
import { LOOK_ALIKE_THRESHOLD, lookAlikeScore, phrasesOf, type LookAlikeReason, type LookAlikeText } from './look-alike-score.ts';
import { visibleCaseSql } from './scope.ts';

/**
 * A look-alike case. Its ledger number always (so the district can merge); what it says, where it
 * stands and the words it shares with the filing only when the caller may open it: another unit's
 * case is named, never shown (its reasons say which parts matched, not with which words).
 */
export type DuplicateSuggestion = {
  number: number;
  score: number;
  reasons: Array<{ part: LookAlikeReason['part']; shared: string[] }>;
  id?: string;
  title?: string;
  status?: string;
  filingUnitId?: string;
};

/** Candidates read per list (the caller's own, the district's others): the newest sharing a piece with the filing. */
const CANDIDATES = 500;

/**
 * Open cases of the same district that look like the same problem (look-alike-score.ts): the same
 * place and the same thing said about it, in Chinese or English, with or without the category. A
 * hint for the filer and the district, never a block. Besides the cases the caller sees, it looks at
 * the district's other open cases that have left their unit's own ledger; a case still waiting there
 * (awaiting submission) is that unit's business alone.
 */
export async function suggestDuplicates(
  prisma: Db,
  user: AuthenticatedUser,
  options: { districtId: string | null; filing: LookAlikeText },
): Promise<DuplicateSuggestion[]> {
  const { filing } = options;
  // The search index's pieces of the filing: a candidate shares at least one (the index finds them).
  const pieces = searchGrams({ title: filing.title, location: filing.location, description: '', category: '' });
  if (pieces.length === 0) return [];
  // One statement, one round trip (it runs beside every filing): the newest look-alikes the caller
  // sees, and the newest of the district's others that have left their unit's own ledger.
  const visible = await visibleCaseSql(prisma, user, 'c');
  const alike = Prisma.sql`c.status = ANY(${[...OPEN_STATUSES]}::"CaseStatus"[]) AND c.search_grams && ${pieces}::text[]`;
  const columns = Prisma.sql`c.id, c.number, c.title, c.status::text, c.location, c.description, c.category, c.filing_unit_id`;
  const elsewhere = options.districtId
    ? Prisma.sql`UNION ALL (SELECT ${columns}, false, c.filed_at
        FROM cases c JOIN org_units u ON u.id = c.filing_unit_id
        WHERE ${alike} AND u.parent_id = ${options.districtId}::uuid AND c.status <> 'awaiting_submission' AND NOT (${visible})
        ORDER BY c.filed_at DESC LIMIT ${CANDIDATES})`
    : Prisma.empty;
  const candidates = await prisma.$queryRaw<Array<Candidate>>`
    SELECT * FROM (
      (SELECT ${columns}, true AS can_open, c.filed_at FROM cases c WHERE ${alike} AND ${visible} ORDER BY c.filed_at DESC LIMIT ${CANDIDATES})
      ${elsewhere}
    ) AS candidate ORDER BY can_open DESC, filed_at DESC`;
  return candidates
    .map((c) => {
      const { score, reasons } = lookAlikeScore(filing, c);
      const shown = c.can_open ? { id: c.id, title: c.title, status: c.status, filingUnitId: c.filing_unit_id } : {};
      const why = reasons.map(({ part, shared }) => ({ part, shared: c.can_open ? phrasesOf(shared) : [] }));
      return { number: c.number, score, reasons: why, ...shown };
    })
    .filter((c) => c.score >= LOOK_ALIKE_THRESHOLD)
    .sort((a, b) => b.score - a.score)
    .slice(0, 5);
}

type Candidate = {
  id: string;
  number: number;
  title: string;
  status: string;
  location: string;
  description: string;
  category: string;
  filing_unit_id: string;
  can_open: boolean;
};
