import type { Db } from '../lib/db.ts';
import type { CaseFiling } from '../model/case.ts';
import { OPEN_STATUSES } from '../model/lifecycle.ts';

type DuplicateSuggestion = {
  id: string;
  number: number;
  title: string;
  status: string;
  filingUnitId: string;
  score: number;
  reasons: string[];
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
 * title or the same place. A hint for the filer and the district, never a block.
 */
export async function suggestDuplicates(
  prisma: Db,
  options: { unitId: string; districtId: string | null; filing: CaseFiling },
): Promise<DuplicateSuggestion[]> {
  const candidates = await prisma.case.findMany({
    where: {
      status: { in: [...OPEN_STATUSES] },
      OR: [{ filingUnitId: options.unitId }, ...(options.districtId ? [{ filingUnit: { parentId: options.districtId } }] : [])],
      category: { equals: options.filing.category, mode: 'insensitive' },
    },
    select: { id: true, number: true, title: true, status: true, location: true, filingUnitId: true },
    orderBy: { filedAt: 'desc' },
    take: 500,
  });
  const title = tokens(options.filing.title);
  const place = tokens(options.filing.location);
  return candidates
    .map((c) => {
      const titleScore = similarity(title, tokens(c.title));
      const placeScore = similarity(place, tokens(c.location));
      const reasons = [
        ...(titleScore >= 0.4 ? ['similar title'] : []),
        ...(placeScore >= 0.5 ? ['same place'] : []),
        ...(c.filingUnitId === options.unitId ? ['same unit'] : []),
      ];
      return {
        id: c.id,
        number: c.number,
        title: c.title,
        status: c.status,
        filingUnitId: c.filingUnitId,
        score: Math.round(Math.max(titleScore, placeScore) * 100) / 100,
        reasons,
      };
    })
    .filter((c) => c.reasons.includes('similar title') || c.reasons.includes('same place'))
    .sort((a, b) => b.score - a.score)
    .slice(0, 5);
}
