import { likeLiteral, Prisma, type Db } from '../../lib/db.ts';
import type { CaseFiling } from '../../model/cases/filing.ts';
import { OPEN_STATUSES } from '../../model/cases/lifecycle.ts';
import type { AuthenticatedUser } from '../auth/auth.ts';
import { visibleCaseSql } from './scope.ts';

/**
 * A look-alike case. Its ledger number always (so the district can merge); what it says and where it
 * stands only when the caller may open it: another unit's case is named, never shown.
 */
export type DuplicateSuggestion = {
  number: number;
  score: number;
  reasons: string[];
  id?: string;
  title?: string;
  status?: string;
  filingUnitId?: string;
};

export function tokens(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((t) => t.length > 1),
  );
}

export function similarity(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared += 1;
  return shared / (a.size + b.size - shared);
}

/**
 * Open cases of the same district that look like the same problem: same category, and a similar
 * title or the same place. A hint for the filer and the district, never a block. Besides the cases
 * the caller sees, it looks at the district's other open cases that have left their unit's own
 * ledger; a case still waiting there (awaiting submission) is that unit's business alone.
 */
export async function suggestDuplicates(
  prisma: Db,
  user: AuthenticatedUser,
  options: { districtId: string | null; filing: Pick<CaseFiling, 'title' | 'category' | 'location'> },
): Promise<DuplicateSuggestion[]> {
  // One statement, one round trip (it runs beside every filing): the newest look-alikes the caller
  // sees, and the newest of the district's others that have left their unit's own ledger.
  const visible = await visibleCaseSql(prisma, user, 'c');
  const alike = Prisma.sql`c.status = ANY(${[...OPEN_STATUSES]}::"CaseStatus"[]) AND c.category ILIKE ${likeLiteral(options.filing.category)}`;
  const elsewhere = options.districtId
    ? Prisma.sql`UNION ALL (SELECT c.id, c.number, c.title, c.status::text, c.location, c.filing_unit_id, false, c.filed_at
        FROM cases c JOIN org_units u ON u.id = c.filing_unit_id
        WHERE ${alike} AND u.parent_id = ${options.districtId}::uuid AND c.status <> 'awaiting_submission' AND NOT (${visible})
        ORDER BY c.filed_at DESC LIMIT 500)`
    : Prisma.empty;
  // Ordered as the two lists were read before: the caller's own first, newest first (ties in score keep it).
  const candidates = await prisma.$queryRaw<Array<Candidate>>`
    SELECT * FROM (
      (SELECT c.id, c.number, c.title, c.status::text, c.location, c.filing_unit_id, true AS can_open, c.filed_at
        FROM cases c WHERE ${alike} AND ${visible} ORDER BY c.filed_at DESC LIMIT 500)
      ${elsewhere}
    ) AS candidate ORDER BY can_open DESC, filed_at DESC`;
  const title = tokens(options.filing.title);
  const place = tokens(options.filing.location);
  const score = (c: Candidate) => {
    const titleScore = similarity(title, tokens(c.title));
    const placeScore = similarity(place, tokens(c.location));
    const reasons = [
      ...(titleScore >= 0.4 ? ['similar title'] : []),
      ...(placeScore >= 0.5 ? ['same place'] : []),
      ...(c.filing_unit_id === user.orgUnitId ? ['same unit'] : []),
    ];
    const shown = c.can_open ? { id: c.id, title: c.title, status: c.status, filingUnitId: c.filing_unit_id } : {};
    return { number: c.number, score: Math.round(Math.max(titleScore, placeScore) * 100) / 100, reasons, ...shown };
  };
  return candidates
    .map(score)
    .filter((c) => c.reasons.includes('similar title') || c.reasons.includes('same place'))
    .sort((a, b) => b.score - a.score)
    .slice(0, 5);
}

type Candidate = {
  id: string;
  number: number;
  title: string;
  status: string;
  location: string;
  filing_unit_id: string;
  can_open: boolean;
};
