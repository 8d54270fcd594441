import type { Prisma } from '../lib/db.ts';
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

export type HalfYearRules = { utcOffsetMinutes: number; deadlines?: HalfYearDeadlines };

/** Whose cases and in what state. */
export function scopeConditions(filter: LedgerFilter): Prisma.CaseWhereInput[] {
  const conditions: Prisma.CaseWhereInput[] = [];
  if (filter.unitId) conditions.push({ filingUnitId: filter.unitId });
  if (filter.districtId) conditions.push({ filingUnit: { parentId: filter.districtId } });
  if (filter.status?.length) conditions.push({ status: { in: filter.status } });
  return conditions;
}

/** Filed when: the half-year's window and the date bounds (whole days, `filedTo` included). */
export function periodConditions(filter: LedgerFilter, rules?: HalfYearRules): Prisma.CaseWhereInput[] {
  const conditions: Prisma.CaseWhereInput[] = [];
  if (filter.cycle) {
    if (!rules) throw new Error('a half-year filter needs the district’s half-year rules');
    const { from, to } = halfYearWindow(filter.cycle, rules.utcOffsetMinutes, rules.deadlines);
    conditions.push({ filedAt: { gte: from, lt: to } });
  }
  if (filter.filedFrom) conditions.push({ filedAt: { gte: new Date(`${filter.filedFrom}T00:00:00Z`) } });
  if (filter.filedTo) conditions.push({ filedAt: { lt: new Date(Date.parse(`${filter.filedTo}T00:00:00Z`) + 86_400_000) } });
  return conditions;
}
