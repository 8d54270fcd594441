import { pgPoolOf, Prisma, type Db } from '../../lib/db.ts';
import type { HalfYearDeadlines } from '../../lib/half-years.ts';
import { parseCaseDetails, resultText, type CaseDetails } from '../../model/cases/case-details.ts';
import type { CaseFiling, CaseKind } from '../../model/cases/filing.ts';
import { CASE_GLOSSARY, CASE_KIND_WORDS } from '../../model/cases/glossary.ts';
import { labelOf, type Language } from '../../model/glossary.ts';
import type { CaseStatus } from '../../model/cases/lifecycle.ts';
import type { AuthenticatedUser } from '../auth/auth.ts';
import { ledgerFilterSql, type LedgerFilter } from '../cases/ledger-filters.ts';
import { visibleCaseSql } from '../cases/scope.ts';
import { holdsReporterContact } from '../cases/case-view.ts';
import { shownContact } from '../../lib/contact-mask.ts';

/**
 * Annex 3 of the notice, "the linkage ledger of public-service projects to be solved": one row per
 * case with where it stands and how it was resolved, headed in Chinese or English.
 */
export type Annex3Language = Language;
/** What a row needs, read in SQL: times already in the district's zone, details parsed once. */
type Row = Pick<
  CaseFiling,
  'kind' | 'urgent' | 'title' | 'description' | 'category' | 'location' | 'foundOn' | 'triedLocally' | 'helpNeeded'
> & {
  number: number;
  unitName: string;
  /** `31.2304, 121.4737`, or empty when the case carries no point. */
  coordinates: string;
  reporterName: string;
  /** Already masked unless the exporting user's unit filed the case. */
  reporterContact: string;
  filedAt: string;
  status: CaseStatus;
  overdue: boolean;
  details: CaseDetails;
  closedAt: string;
};

const YES_NO = { zh: ['是', '否'], en: ['Yes', 'No'] };

type Column = { zh: string; en: string; value: (row: Row, lang: Annex3Language) => string | number };

/** "Lead in helping": the unit that claimed an unclaimed project, and the leader who leads it. */
const claimedBy = (claim: CaseDetails['claim']) => (claim ? `${claim.unitName} (${claim.leaderName})` : '');

export const ANNEX3_COLUMNS: Column[] = [
  { zh: '编号', en: 'No.', value: (r) => r.number },
  { zh: '填报单位', en: 'Filing unit', value: (r) => r.unitName },
  { zh: '类型', en: 'Kind', value: (r, l) => labelOf(CASE_KIND_WORDS[r.kind], l) },
  { zh: '是否紧急', en: 'Urgent', value: (r, l) => YES_NO[l][r.urgent ? 0 : 1] ?? '' },
  { zh: '项目或问题名称', en: 'Project or problem', value: (r) => r.title },
  { zh: '具体情况', en: 'Description', value: (r) => r.description },
  { zh: '类别', en: 'Category', value: (r) => r.category },
  { zh: '地点', en: 'Location', value: (r) => r.location },
  { zh: '坐标（纬度/经度）', en: 'Coordinates (lat/long)', value: (r) => r.coordinates },
  { zh: '发现时间', en: 'Found on', value: (r) => r.foundOn },
  { zh: '反映人', en: 'Reported by', value: (r) => r.reporterName },
  { zh: '反映人联系方式', en: 'Reporter contact', value: (r) => r.reporterContact },
  { zh: '已采取措施', en: 'Tried locally', value: (r) => r.triedLocally },
  { zh: '需协调解决事项', en: 'Help needed', value: (r) => r.helpNeeded },
  { zh: '填报时间', en: 'Filed at', value: (r) => r.filedAt },
  { zh: '当前状态', en: 'Status', value: (r, l) => labelOf(CASE_GLOSSARY.states[r.status], l) },
  { zh: '是否超期', en: 'Overdue', value: (r, l) => YES_NO[l][r.overdue ? 0 : 1] ?? '' },
  { zh: '区委组织部意见', en: 'District summary', value: (r) => r.details.districtSummary ?? r.details.rejectionReason ?? '' },
  { zh: '市级协调单位', en: 'Coordinating body', value: (r) => r.details.coordinatingBody ?? '' },
  { zh: '认领单位（领办领导）', en: 'Claimed by (leading leader)', value: (r) => claimedBy(r.details.claim) },
  {
    zh: '办理结果',
    en: 'Resolution',
    value: (r, l) => resultText(r.details, l) ?? '',
  },
  {
    zh: '反馈意见',
    en: 'Reporter feedback',
    value: (r, l) => {
      const f = r.details.feedback;
      if (!f) return '';
      const verdict = l === 'zh' ? (f.satisfied ? '满意' : '不满意') : f.satisfied ? 'Satisfied' : 'Not satisfied';
      return f.reason ? `${verdict}: ${f.reason}` : verdict;
    },
  },
  { zh: '办结时间', en: 'Closed at', value: (r) => r.closedAt },
];

export const annex3Header = (lang: Annex3Language) => ANNEX3_COLUMNS.map((c) => c[lang]);

export type Annex3Filter = LedgerFilter;

/** The cases of `cases c` a user may see that the filter selects, as SQL. */
export async function annex3Where(
  prisma: Db,
  user: AuthenticatedUser,
  filter: Annex3Filter,
  utcOffsetMinutes: number,
  deadlines?: HalfYearDeadlines,
): Promise<Prisma.Sql> {
  return Prisma.sql`${await visibleCaseSql(prisma, user, 'c')} AND ${ledgerFilterSql('c', filter, { utcOffsetMinutes, deadlines })}`;
}

export async function annex3Count(prisma: Db, where: Prisma.Sql): Promise<number> {
  const [row] = await prisma.$queryRaw<Array<{ n: number }>>`SELECT count(*)::int AS n FROM cases c WHERE ${where}`;
  return row?.n ?? 0;
}

/**
 * The rows in ledger order, read in keyset batches of only the columns the sheet shows (times put in
 * the district's zone by PostgreSQL, `YYYY-MM-DD HH:mm`) straight through the pg driver as arrays:
 * memory stays flat however many rows there are, and little is allocated per row. A reporter's
 * contact is masked as in the case view, unless `user`'s unit filed the case.
 */
export async function* annex3Rows(
  prisma: Db,
  user: AuthenticatedUser,
  where: Prisma.Sql,
  lang: Annex3Language,
  timeZone: string,
  batchSize = 10_000,
): AsyncGenerator<Array<string | number>> {
  const units = new Map((await prisma.orgUnit.findMany({ select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  const pool = pgPoolOf(prisma);
  const local = (column: string) => Prisma.sql`coalesce(to_char(${Prisma.raw(column)} AT TIME ZONE ${timeZone}, 'YYYY-MM-DD HH24:MI'), '')`;
  let after = 0;
  for (;;) {
    const query = Prisma.sql`
      SELECT c.number, c.filing_unit_id, c.kind::text, c.urgent, c.title, c.description, c.category, c.location,
        to_char(c.found_on, 'YYYY-MM-DD'), c.reporter_name, c.tried_locally, c.help_needed, ${local('c.filed_at')}, c.status::text,
        c.overdue, c.details, ${local('c.closed_at')}, c.reporter_contact, c.reporter_email, c.latitude, c.longitude
      FROM cases c WHERE ${where} AND c.number > ${after} ORDER BY c.number LIMIT ${batchSize}`;
    const { rows } = await pool.query<RowArray>({ text: query.text, values: query.values, rowMode: 'array' });
    for (const r of rows) {
      const row: Row = {
        number: r[0],
        unitName: units.get(r[1]) ?? '',
        kind: r[2],
        urgent: r[3],
        title: r[4],
        description: r[5],
        category: r[6],
        location: r[7],
        coordinates: r[19] === null || r[20] === null ? '' : `${r[19]}, ${r[20]}`,
        foundOn: r[8],
        reporterName: r[9],
        triedLocally: r[10],
        helpNeeded: r[11],
        filedAt: r[12],
        status: r[13],
        overdue: r[14],
        details: parseCaseDetails(r[15]),
        closedAt: r[16],
        reporterContact: reporterContactCell(r[17], r[18], holdsReporterContact({ filingUnitId: r[1] }, user)),
      };
      yield ANNEX3_COLUMNS.map((c) => c.value(row, lang));
    }
    const last = rows[rows.length - 1];
    if (!last || rows.length < batchSize) return;
    after = last[0];
  }
}

/** One row as the query above returns it, column by column. */
type RowArray = [
  number,
  string,
  CaseKind,
  boolean,
  string,
  string,
  string,
  string,
  string,
  string,
  string,
  string,
  string,
  CaseStatus,
  boolean,
  unknown,
  string,
  string | null,
  string | null,
  number | null,
  number | null,
];

/** The phone and the e-mail in one cell, each masked on its own (an address after a number stays an address). */
const reporterContactCell = (contact: string | null, email: string | null, holder: boolean) =>
  [shownContact(contact, holder), shownContact(email, holder)].filter(Boolean).join(' ');
