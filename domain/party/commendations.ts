import type { Cell } from '../../lib/tabular-writers.ts';
import { NOMINATION_KIND_LABELS, NOMINATION_SOURCE_LABELS, type NominationSource } from '../../model/party/vocabulary.ts';
import type { AuthenticatedUser } from '../auth/auth.ts';
import { readableUnitIds, type PartyDeps } from './scope.ts';

export type Lang = 'zh' | 'en';

const COLUMNS: Array<{ zh: string; en: string }> = [
  { zh: '街道/园区', en: 'Street/park' },
  { zh: '类别', en: 'Kind' },
  { zh: '名称', en: 'Name' },
  { zh: '党员编号', en: 'Member number' },
  { zh: '所在单位', en: 'Home unit' },
  { zh: '所在党支部', en: 'Party branch' },
  { zh: '推荐方式', en: 'Recommended by' },
  { zh: '推荐理由', en: 'Reasons' },
];

export const commendationHeader = (lang: Lang) => COLUMNS.map((c) => c[lang]);
export const commendationSheetName = (year: number, lang: Lang) => (lang === 'zh' ? `${year}年“七一”表彰名单` : `Commendations ${year}`);

/**
 * The July 1 commendation list: members and branches of every approved round the caller may see,
 * street/park by street/park. Never a member's contact: the list goes to other units.
 */
export async function* commendationRows(deps: PartyDeps, user: AuthenticatedUser, year: number, lang: Lang): AsyncGenerator<Cell[]> {
  const units = await readableUnitIds(deps.prisma, user);
  const rounds = await deps.prisma.recommendationRound.findMany({
    where: { year, phase: 'approved', ...(units ? { unitId: { in: units } } : {}) },
    include: { nominations: { where: { selected: true }, orderBy: { subjectKey: 'asc' } } },
    orderBy: { unitId: 'asc' },
  });
  const streets = new Map(
    (await deps.prisma.orgUnit.findMany({ where: { id: { in: rounds.map((r) => r.unitId) } } })).map((u) => [u.id, u.name]),
  );
  for (const round of rounds) {
    const ids = (key: 'memberId' | 'branchId') => round.nominations.flatMap((n) => n[key] ?? []);
    const [members, branches] = await Promise.all([
      deps.prisma.partyMember.findMany({ where: { id: { in: ids('memberId') } }, include: { homeUnit: true, branch: true } }),
      deps.prisma.partyBranch.findMany({ where: { id: { in: ids('branchId') } }, include: { unit: true } }),
    ]);
    // Members first, then branches.
    for (const n of [...round.nominations].sort((a, b) => Number(a.memberId === null) - Number(b.memberId === null))) {
      const sources = n.sources.map((s) => NOMINATION_SOURCE_LABELS[s as NominationSource][lang]).join(lang === 'zh' ? '、' : ', ');
      const reasons = Object.values(n.reasons as Record<string, string>).join(' / ');
      const member = members.find((m) => m.id === n.memberId);
      const branch = branches.find((b) => b.id === n.branchId);
      const street = streets.get(round.unitId) ?? '';
      if (member)
        yield [
          street,
          NOMINATION_KIND_LABELS.member[lang],
          member.name,
          member.memberNumber,
          member.homeUnit.name,
          member.branch?.name ?? '',
          sources,
          reasons,
        ];
      else if (branch) yield [street, NOMINATION_KIND_LABELS.branch[lang], branch.name, '', branch.unit.name, '', sources, reasons];
    }
  }
}
