import type { Prisma } from '../lib/db.ts';
import { districtDayEnd, districtDayStart } from '../lib/district-dates.ts';
import { halfYearWindow, type HalfYearDeadlines } from '../lib/half-years.ts';
import type { CaseStatus } from '../model/lifecycle.ts';

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

/** Whose cases and in what state. */
export function scopeConditions(filter: LedgerFilter): Prisma.CaseWhereInput[] {
  const conditions: Prisma.CaseWhereInput[] = [];
  if (filter.unitId) conditions.push({ filingUnitId: filter.unitId });
  if (filter.districtId) conditions.push({ filingUnit: { parentId: filter.districtId } });
  if (filter.status?.length) conditions.push({ status: { in: filter.status } });
  return conditions;
}

/** Filed when: the half-year's window and the date bounds (whole district days, `filedTo` included). */
export function periodConditions(filter: LedgerFilter, rules: DistrictRules): Prisma.CaseWhereInput[] {
  const conditions: Prisma.CaseWhereInput[] = [];
  if (filter.cycle) {
    const { from, to } = halfYearWindow(filter.cycle, rules.utcOffsetMinutes, rules.deadlines);
    conditions.push({ filedAt: { gte: from, lt: to } });
  }
  if (filter.filedFrom) conditions.push({ filedAt: { gte: districtDayStart(filter.filedFrom, rules.utcOffsetMinutes) } });
  if (filter.filedTo) conditions.push({ filedAt: { lt: districtDayEnd(filter.filedTo, rules.utcOffsetMinutes) } });
  return conditions;
}
