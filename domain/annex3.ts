import type { Case, OrgUnit } from '../generated/prisma/client.ts';
import type { Db, Prisma } from '../lib/db.ts';
import type { HalfYearDeadlines } from '../lib/half-years.ts';
import { formatInZone } from '../lib/time.ts';
import { parseCaseDetails, resultText, type CaseDetails } from '../model/case-details.ts';
import type { CaseStatus } from '../model/lifecycle.ts';
import type { AuthenticatedUser } from './auth.ts';
import { periodConditions, scopeConditions, type LedgerFilter } from './ledger-filters.ts';
import { visibleCaseFilter } from './scope.ts';

/**
 * Annex 3 of the notice, "the linkage ledger of public-service projects to be solved": one row per
 * case with where it stands and how it was resolved, headed in Chinese or English.
 */
export type Annex3Language = 'zh' | 'en';
type Row = Case & { filingUnit: OrgUnit };

const STATUS_LABELS: Record<CaseStatus, { zh: string; en: string }> = {
  awaiting_submission: { zh: '待报送', en: 'Awaiting submission' },
  district_review: { zh: '区委组织部梳理中', en: 'District review' },
  returned_for_info: { zh: '退回补充材料', en: 'Returned for information' },
  municipal_coordination: { zh: '市委组织部协调中', en: 'Municipal coordination' },
  awaiting_feedback: { zh: '待反馈', en: 'Awaiting feedback' },
  closed: { zh: '已办结', en: 'Closed' },
  rejected: { zh: '不予受理', en: 'Rejected' },
  merged: { zh: '已合并', en: 'Merged' },
};
const KIND_LABELS = {
  unclaimed_project: { zh: '无人认领公益项目', en: 'Unclaimed public-service project' },
  hard_problem: { zh: '难题', en: 'Hard problem' },
};
const YES_NO = { zh: ['是', '否'], en: ['Yes', 'No'] };

type Column = { zh: string; en: string; value: (row: Row, lang: Annex3Language, timeZone: string) => string | number };

const date = (d: Date | null, timeZone: string) => (d ? formatInZone(d, timeZone, { withZone: false }) : '');
const details = (row: Row) => parseCaseDetails(row.details);

/** "Lead in helping": the unit that claimed an unclaimed project, and the leader who leads it. */
const claimedBy = (claim: CaseDetails['claim']) => (claim ? `${claim.unitName} (${claim.leaderName})` : '');

export const ANNEX3_COLUMNS: Column[] = [
  { zh: '编号', en: 'No.', value: (r) => r.number },
  { zh: '填报单位', en: 'Filing unit', value: (r) => r.filingUnit.name },
  { zh: '类型', en: 'Kind', value: (r, l) => KIND_LABELS[r.kind][l] },
  { zh: '是否紧急', en: 'Urgent', value: (r, l) => YES_NO[l][r.urgent ? 0 : 1] ?? '' },
  { zh: '项目或问题名称', en: 'Project or problem', value: (r) => r.title },
  { zh: '具体情况', en: 'Description', value: (r) => r.description },
  { zh: '类别', en: 'Category', value: (r) => r.category },
  { zh: '地点', en: 'Location', value: (r) => r.location },
  { zh: '发现时间', en: 'Found on', value: (r) => r.foundOn.toISOString().slice(0, 10) },
  { zh: '反映人', en: 'Reported by', value: (r) => r.reporterName },
  { zh: '已采取措施', en: 'Tried locally', value: (r) => r.triedLocally },
  { zh: '需协调解决事项', en: 'Help needed', value: (r) => r.helpNeeded },
  { zh: '填报时间', en: 'Filed at', value: (r, _l, tz) => date(r.filedAt, tz) },
  { zh: '当前状态', en: 'Status', value: (r, l) => STATUS_LABELS[r.status][l] },
  { zh: '是否超期', en: 'Overdue', value: (r, l) => YES_NO[l][r.overdue ? 0 : 1] ?? '' },
  { zh: '区委组织部意见', en: 'District summary', value: (r) => details(r).districtSummary ?? details(r).rejectionReason ?? '' },
  { zh: '市级协调单位', en: 'Coordinating body', value: (r) => details(r).coordinatingBody ?? '' },
  { zh: '认领单位（领办领导）', en: 'Claimed by (leading leader)', value: (r) => claimedBy(details(r).claim) },
  {
    zh: '办理结果',
    en: 'Resolution',
    value: (r, l) => resultText(details(r), l) ?? '',
  },
  {
    zh: '反馈意见',
    en: 'Reporter feedback',
    value: (r, l) => {
      const f = details(r).feedback;
      if (!f) return '';
      const verdict = l === 'zh' ? (f.satisfied ? '满意' : '不满意') : f.satisfied ? 'Satisfied' : 'Not satisfied';
      return f.reason ? `${verdict}: ${f.reason}` : verdict;
    },
  },
  { zh: '办结时间', en: 'Closed at', value: (r, _l, tz) => date(r.closedAt, tz) },
];

export const annex3Header = (lang: Annex3Language) => ANNEX3_COLUMNS.map((c) => c[lang]);

export type Annex3Filter = LedgerFilter;

export function annex3Where(
  user: AuthenticatedUser,
  filter: Annex3Filter,
  utcOffsetMinutes: number,
  deadlines?: HalfYearDeadlines,
): Prisma.CaseWhereInput {
  return { AND: [visibleCaseFilter(user), ...scopeConditions(filter), ...periodConditions(filter, { utcOffsetMinutes, deadlines })] };
}

/** The rows in ledger order, fetched in keyset batches so memory stays flat however many there are. */
export async function* annex3Rows(
  prisma: Db,
  where: Prisma.CaseWhereInput,
  lang: Annex3Language,
  timeZone: string,
  batchSize = 2000,
): AsyncGenerator<Array<string | number>> {
  let after = 0;
  for (;;) {
    const batch = await prisma.case.findMany({
      where: { AND: [where, { number: { gt: after } }] },
      include: { filingUnit: true },
      orderBy: { number: 'asc' },
      take: batchSize,
    });
    for (const row of batch) yield ANNEX3_COLUMNS.map((c) => c.value(row, lang, timeZone));
    const last = batch[batch.length - 1];
    if (!last || batch.length < batchSize) return;
    after = last.number;
  }
}
