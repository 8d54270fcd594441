import { likeLiteral, type Db, type Prisma } from '../lib/db.ts';
import type { CaseFiling } from '../model/case.ts';
import { OPEN_STATUSES } from '../model/lifecycle.ts';
import type { AuthenticatedUser } from './auth.ts';
import { visibleCaseFilter } from './scope.ts';

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
  const alike: Prisma.CaseWhereInput = {
    status: { in: [...OPEN_STATUSES] },
    category: { equals: likeLiteral(options.filing.category), mode: 'insensitive' },
  };
  const select = { id: true, number: true, title: true, status: true, location: true, filingUnitId: true } as const;
  const newestFirst = { filedAt: 'desc' } as const;
  const [visible, elsewhere] = await Promise.all([
    prisma.case.findMany({ where: { AND: [alike, visibleCaseFilter(user)] }, select, orderBy: newestFirst, take: 500 }),
    options.districtId
      ? prisma.case.findMany({
          where: {
            AND: [alike, { filingUnit: { parentId: options.districtId } }, { status: { not: 'awaiting_submission' } }],
            NOT: visibleCaseFilter(user),
          },
          select,
          orderBy: newestFirst,
          take: 500,
        })
      : [],
  ]);
  const title = tokens(options.filing.title);
  const place = tokens(options.filing.location);
  const score = (c: (typeof visible)[number], canOpen: boolean) => {
    const titleScore = similarity(title, tokens(c.title));
    const placeScore = similarity(place, tokens(c.location));
    const reasons = [
      ...(titleScore >= 0.4 ? ['similar title'] : []),
      ...(placeScore >= 0.5 ? ['same place'] : []),
      ...(c.filingUnitId === user.orgUnitId ? ['same unit'] : []),
    ];
    const shown = canOpen ? { id: c.id, title: c.title, status: c.status, filingUnitId: c.filingUnitId } : {};
    return { number: c.number, score: Math.round(Math.max(titleScore, placeScore) * 100) / 100, reasons, ...shown };
  };
  return [...visible.map((c) => score(c, true)), ...elsewhere.map((c) => score(c, false))]
    .filter((c) => c.reasons.includes('similar title') || c.reasons.includes('same place'))
    .sort((a, b) => b.score - a.score)
    .slice(0, 5);
}
