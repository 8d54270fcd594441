import type { Leader, OrgUnit } from '../../generated/prisma/client.ts';
import type { Db, Prisma } from '../../lib/db.ts';
import type { AuthenticatedUser } from '../auth/auth.ts';
import { ACTIVITY_KINDS, QUOTA_ITEMS, type ActivityKind, type QuotaItem } from '../../model/leaders/four-leads.ts';
import { leaderYearRecords, projectsClaimedByUnit, type LeaderYearRecord, type YearRules } from './records.ts';
import { UNIT_KIND_WORDS } from '../../model/directory/glossary.ts';
import { LEADER_RANK_WORDS, QUOTA_ITEM_WORDS } from '../../model/leaders/glossary.ts';
import { LEADER_UNIT_KINDS, type UnitKind } from '../../model/directory/unit-kinds.ts';
import { labelOf } from '../../model/glossary.ts';
import { visibleUnitFilter } from './scope.ts';

/**
 * Appendix 1 (per leader) and Appendix 2 (per unit and leadership body) of the notice. The notice does
 * not reproduce the tables; these columns are this project's reading of section Two (see docs/features/leaders.md).
 * Figures are for a calendar year, as counted now, or as frozen at the year's end.
 */
export type AppendixLanguage = 'zh' | 'en';
export type AppendixFilter = { unitId?: string; districtId?: string };
export type UnitRef = { id: string; code: string; name: string; kind: string };

export type Appendix1Record = {
  unit: UnitRef;
  leader: { id: string; name: string; post: string; rank: Leader['rank'] };
  reportsTo: UnitRef;
  record: LeaderYearRecord;
};

export type Appendix2Record = {
  unit: UnitRef;
  leaders: number;
  principals: number;
  principalsMeetingAllFour: number;
  activities: Record<ActivityKind, number>;
  projectsClaimed: number;
  projectsCompleted: number;
  opinionsCollected: number;
};

export type UnitYear = { unit: UnitRef; leaders: Appendix1Record[]; summary: Appendix2Record };

const ref = (u: OrgUnit): UnitRef => ({ id: u.id, code: u.code, name: u.name, kind: u.kind });

/** The units the caller may see that keep leaders, with their leaders' year, a batch of units at a time. */
export async function* unitYears(
  prisma: Db,
  user: AuthenticatedUser,
  filter: AppendixFilter,
  year: number,
  rules: YearRules,
  batchSize = 100,
): AsyncGenerator<UnitYear> {
  // Active leaders, and those who have left but whose year was frozen with their unit.
  const counted: Prisma.LeaderWhereInput = { OR: [{ active: true }, { standings: { some: { year } } }] };
  let after = '';
  for (;;) {
    const units = await prisma.orgUnit.findMany({
      where: {
        AND: [
          visibleUnitFilter(user),
          { kind: { in: [...LEADER_UNIT_KINDS] }, code: { gt: after }, leaders: { some: counted } },
          filter.unitId ? { id: filter.unitId } : {},
          filter.districtId ? { parentId: filter.districtId } : {},
        ],
      },
      include: { leaders: { where: counted, include: { reportsToUnit: true }, orderBy: [{ rank: 'asc' }, { name: 'asc' }] } },
      orderBy: { code: 'asc' },
      take: batchSize,
    });
    const leaders = units.flatMap((u) => u.leaders);
    const [records, claimed] = await Promise.all([
      leaderYearRecords(prisma, leaders, year, rules),
      projectsClaimedByUnit(
        prisma,
        units.map((u) => u.id),
        year,
        rules.utcOffsetMinutes,
      ),
    ]);
    const recordOf = new Map(records.map((r) => [r.leaderId, r]));
    for (const unit of units) {
      const rows = unit.leaders.map((l) => ({
        unit: ref(unit),
        leader: { id: l.id, name: l.name, post: l.post, rank: l.rank },
        reportsTo: ref(l.reportsToUnit),
        record: recordOf.get(l.id)!,
      }));
      yield { unit: ref(unit), leaders: rows, summary: summarizeUnit(ref(unit), rows, claimed.get(unit.id) ?? 0) };
    }
    const last = units.at(-1);
    if (!last || units.length < batchSize) return;
    after = last.code;
  }
}

export function summarizeUnit(unit: UnitRef, rows: Appendix1Record[], projectsClaimed: number): Appendix2Record {
  const activities = Object.fromEntries(ACTIVITY_KINDS.map((k) => [k, 0])) as Record<ActivityKind, number>;
  for (const row of rows) for (const kind of ACTIVITY_KINDS) activities[kind] += row.record.standing.done[kind];
  const principals = rows.filter((r) => r.leader.rank === 'principal');
  return {
    unit,
    leaders: rows.length,
    principals: principals.length,
    principalsMeetingAllFour: principals.filter((r) => r.record.standing.allFourMet === true).length,
    activities,
    projectsClaimed,
    projectsCompleted: rows.reduce((n, r) => n + r.record.standing.done.public_service_project, 0),
    opinionsCollected: rows.reduce((n, r) => n + r.record.opinionsCollected, 0),
  };
}

/** The sum of several units' Appendix 2 rows (a district's total). */
export function totalOf(unit: UnitRef, rows: Appendix2Record[]): Appendix2Record {
  const activities = Object.fromEntries(ACTIVITY_KINDS.map((k) => [k, rows.reduce((n, r) => n + r.activities[k], 0)]));
  const sum = (pick: (r: Appendix2Record) => number) => rows.reduce((n, r) => n + pick(r), 0);
  return {
    unit,
    leaders: sum((r) => r.leaders),
    principals: sum((r) => r.principals),
    principalsMeetingAllFour: sum((r) => r.principalsMeetingAllFour),
    activities: activities as Record<ActivityKind, number>,
    projectsClaimed: sum((r) => r.projectsClaimed),
    projectsCompleted: sum((r) => r.projectsCompleted),
    opinionsCollected: sum((r) => r.opinionsCollected),
  };
}

// ---- Columns ---------------------------------------------------------------------------------

type Label = { zh: string; en: string };
type Cell = string | number;
type Column<R> = Label & { value: (row: R, lang: AppendixLanguage) => Cell };

/** A glossary entry as a column heading in both languages. */
const headingOf = (words: Label): Label => ({ zh: labelOf(words, 'zh'), en: labelOf(words, 'en') });
const ITEM_LABELS = Object.fromEntries(QUOTA_ITEMS.map((item) => [item, headingOf(QUOTA_ITEM_WORDS[item])])) as Record<QuotaItem, Label>;
const RANK_LABELS = { principal: headingOf(LEADER_RANK_WORDS.principal), team_member: headingOf(LEADER_RANK_WORDS.team_member) };
const TOTAL_LABEL: Label = { zh: '合计', en: 'Total' };
/** A unit's kind in the glossary's words; the district's own row is the total of its units. */
const unitKindCell = (kind: string, lang: AppendixLanguage) =>
  kind === 'district' ? TOTAL_LABEL[lang] : kind in UNIT_KIND_WORDS ? labelOf(UNIT_KIND_WORDS[kind as UnitKind], lang) : kind;
const yesNo = (value: boolean | null, lang: AppendixLanguage) =>
  value === null ? '' : lang === 'zh' ? (value ? '是' : '否') : value ? 'Yes' : 'No';

const itemColumns = (item: QuotaItem): Column<Appendix1Record>[] => {
  const label = ITEM_LABELS[item];
  const evidence =
    item === 'public_service_project'
      ? { zh: '项目台账编号', en: 'ledger No.', value: (r: Appendix1Record) => r.record.projectCaseNumbers.join(', ') }
      : { zh: '时间', en: 'dates', value: (r: Appendix1Record) => r.record.dates[item].join(', ') };
  return [
    { zh: `${label.zh}：应完成`, en: `${label.en}: required`, value: (r) => r.record.standing.required[item] },
    { zh: `${label.zh}：已完成`, en: `${label.en}: done`, value: (r) => r.record.standing.done[item] },
    { zh: `${label.zh}：${evidence.zh}`, en: `${label.en}: ${evidence.en}`, value: evidence.value },
  ];
};

export const APPENDIX1_COLUMNS: Column<Appendix1Record>[] = [
  { zh: '单位', en: 'Unit', value: (r) => r.unit.name },
  { zh: '姓名', en: 'Name', value: (r) => r.leader.name },
  { zh: '职务', en: 'Post', value: (r) => r.leader.post },
  { zh: '类别', en: 'Rank', value: (r, l) => RANK_LABELS[r.leader.rank][l] },
  { zh: '报到街道（园区）', en: 'Reports to', value: (r) => r.reportsTo.name },
  ...QUOTA_ITEMS.flatMap(itemColumns),
  { zh: '“四带头”全部完成', en: 'All four leads met', value: (r, l) => yesNo(r.record.standing.allFourMet, l) },
  { zh: '年度定格', en: 'Final for the year', value: (r, l) => yesNo(r.record.frozen, l) },
];

export const APPENDIX2_COLUMNS: Column<Appendix2Record>[] = [
  { zh: '单位', en: 'Unit', value: (r) => r.unit.name },
  { zh: '单位类别', en: 'Kind', value: (r, l) => unitKindCell(r.unit.kind, l) },
  { zh: '领导干部人数', en: 'Leaders counted', value: (r) => r.leaders },
  { zh: '主要负责人人数', en: 'Principal leaders', value: (r) => r.principals },
  { zh: '“四带头”全部完成人数', en: 'Principals meeting all four leads', value: (r) => r.principalsMeetingAllFour },
  ...ACTIVITY_KINDS.map((kind) => ({ ...ITEM_LABELS[kind], value: (r: Appendix2Record) => r.activities[kind] })),
  { zh: '认领公益项目数', en: 'Public-service projects claimed', value: (r) => r.projectsClaimed },
  { zh: '完成公益项目数', en: 'Public-service projects completed', value: (r) => r.projectsCompleted },
  { zh: '收集群众意见建议条数', en: 'Residents’ opinions collected', value: (r) => r.opinionsCollected },
];

export const appendixHeader = <R>(columns: Column<R>[], lang: AppendixLanguage) => columns.map((c) => c[lang]);
export const appendixRow = <R>(columns: Column<R>[], row: R, lang: AppendixLanguage) => columns.map((c) => c.value(row, lang));

export const APPENDIX_TITLES = {
  1: { zh: '附件1 领导干部“四带头”情况统计表', en: 'Appendix 1 Leaders’ four leads' },
  2: { zh: '附件2 单位领导干部参与“双报到”情况统计表', en: 'Appendix 2 Units’ leaders in double reporting' },
} as const;
