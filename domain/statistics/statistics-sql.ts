import { Prisma, type Db } from '../../lib/db.ts';
import type { AuthenticatedUser } from '../auth/auth.ts';
import { ledgerFilterSql, type DistrictRules, type LedgerFilter } from '../cases/ledger-filters.ts';
import { visibleCaseSql } from '../cases/scope.ts';

/** What the statistics read: the ledger's filters, and cases a cycle's ledgers carried whatever the period. */
export type StatisticsFilter = Omit<LedgerFilter, 'status'> & {
  /** Cases counted whatever the period (a cycle's ledgers carry cases filed before it). */
  alsoCaseIds?: string[];
};

/** Which cases of `case_facts f` the figures count: what the user may see and the filter selects. */
export async function statisticsWhere(prisma: Db, user: AuthenticatedUser, filter: StatisticsFilter, rules: DistrictRules) {
  return Prisma.sql`${await visibleCaseSql(prisma, user, 'f')} AND ${ledgerFilterSql('f', filter, rules, filter.alsoCaseIds)}`;
}

/**
 * A timestamp column's local date as days since 1970-01-01, as `localDayNumber` (model/calendar/working-days.ts)
 * counts it: date arithmetic (integers), not the epoch as a numeric, because it runs for every row.
 */
export const localDaySql = (column: string, utcOffsetMinutes: number) =>
  Prisma.sql`((${Prisma.raw(column)} AT TIME ZONE 'UTC' + ${utcOffsetMinutes} * interval '1 minute')::date - DATE '1970-01-01')`;
