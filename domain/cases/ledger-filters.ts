import { Prisma } from '../../lib/db.ts';
import { districtDayEnd, districtDayStart } from '../../lib/district-time.ts';
import { halfYearWindow, type HalfYearDeadlines } from '../../lib/half-years.ts';
import type { CaseStatus } from '../../model/cases/lifecycle.ts';

/** The filters every ledger-wide read shares: whose cases, in what state, filed when. */
export type LedgerFilter = {
  unitId?: string;
  districtId?: string;
  status?: CaseStatus[];
  /** A half-year such as 2026-H2: its submission window. */
  cycle?: string;
  filedFrom?: string;
  filedTo?: string;
};

/** The district's clock and half-years: `filedFrom`/`filedTo` are district days, a `cycle` its half-year. */
export type DistrictRules = { utcOffsetMinutes: number; deadlines?: HalfYearDeadlines };

/**
 * A unit's pending ledger: the regular cases it still holds in its own ledger, in ledger order. The API
 * shows it before a half-year submission, and the submission carries what it holds then.
 */
export const pendingLedgerOf = (unitId: string) =>
  ({
    where: { filingUnitId: unitId, status: 'awaiting_submission', urgent: false },
    orderBy: { number: 'asc' },
  }) satisfies Prisma.CaseFindManyArgs;

/** Whose cases and in what state. */
export function scopeConditions(filter: LedgerFilter): Prisma.CaseWhereInput[] {
  const conditions: Prisma.CaseWhereInput[] = [];
  if (filter.unitId) conditions.push({ filingUnitId: filter.unitId });
  if (filter.districtId) conditions.push({ filingUnit: { parentId: filter.districtId } });
  if (filter.status?.length) conditions.push({ status: { in: filter.status } });
  return conditions;
}

type FiledBound = { gte?: Date; lt?: Date };

/** Filed when: the half-year's window and the date bounds (whole district days, `filedTo` included). */
export function periodBounds(filter: LedgerFilter, rules: DistrictRules): FiledBound[] {
  const bounds: FiledBound[] = [];
  if (filter.cycle) {
    const { from, to } = halfYearWindow(filter.cycle, rules.utcOffsetMinutes, rules.deadlines);
    bounds.push({ gte: from, lt: to });
  }
  if (filter.filedFrom) bounds.push({ gte: districtDayStart(filter.filedFrom, rules.utcOffsetMinutes) });
  if (filter.filedTo) bounds.push({ lt: districtDayEnd(filter.filedTo, rules.utcOffsetMinutes) });
  return bounds;
}

export function periodConditions(filter: LedgerFilter, rules: DistrictRules): Prisma.CaseWhereInput[] {
  return periodBounds(filter, rules).map((filedAt) => ({ filedAt }));
}

/**
 * The same filters as SQL, for the reads written in SQL, on a table `alias` with `filing_unit_id`,
 * `filed_at` and `status`; `orCaseIds` are counted whatever the period (a cycle's ledgers carry
 * cases filed before it).
 */
export function ledgerFilterSql(alias: string, filter: LedgerFilter, rules: DistrictRules, orCaseIds?: string[]): Prisma.Sql {
  const t = Prisma.raw(alias);
  const conditions: Prisma.Sql[] = [];
  if (filter.unitId) conditions.push(Prisma.sql`${t}.filing_unit_id = ${filter.unitId}::uuid`);
  if (filter.districtId)
    conditions.push(Prisma.sql`${t}.filing_unit_id IN (SELECT id FROM org_units WHERE parent_id = ${filter.districtId}::uuid)`);
  if (filter.status?.length) conditions.push(Prisma.sql`${t}.status::text = ANY(${filter.status}::text[])`);
  const period = periodBounds(filter, rules).flatMap((b) => [
    ...(b.gte ? [Prisma.sql`${t}.filed_at >= ${b.gte}`] : []),
    ...(b.lt ? [Prisma.sql`${t}.filed_at < ${b.lt}`] : []),
  ]);
  if (period.length) {
    const inPeriod = Prisma.join(period, ' AND ');
    conditions.push(orCaseIds?.length ? Prisma.sql`((${inPeriod}) OR ${t}.case_id = ANY(${orCaseIds}::uuid[]))` : inPeriod);
  }
  return conditions.length ? Prisma.join(conditions, ' AND ') : Prisma.sql`true`;
}
