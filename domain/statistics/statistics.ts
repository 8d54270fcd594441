import { Prisma, type Db } from '../../lib/db.ts';
import { halfYearOf, type HalfYearDeadlines } from '../../lib/half-years.ts';
import { cumulativeWorkingDays } from '../../model/calendar/working-days.ts';
import { OPEN_STATUSES } from '../../model/cases/lifecycle.ts';
import type { AuthenticatedUser } from '../auth/auth.ts';
import { loadCalendar } from '../calendar/calendar.ts';
import type { DistrictRules } from '../cases/ledger-filters.ts';
import { repeatedProblems, type RepeatedProblemsPage } from './repeated-problems.ts';
import { localDaySql, statisticsWhere, type StatisticsFilter } from './statistics-sql.ts';

export { placeKey } from './ledger-keys.ts';

const DAY_MS = 86_400_000;

type FigureRow = {
  unitId: string | null;
  filed: number;
  open: number;
  forwarded: number;
  solvedAtDistrict: number;
  solvedAtMunicipal: number;
  unsolvable: number;
  rejected: number;
  merged: number;
  overdue: number;
  resolved: number;
  median: number | null;
  p90: number | null;
  satisfied: number;
  answers: number;
};

/**
 * Dashboard figures per filing unit for the cases filed in a period: how many were filed, forwarded,
 * solved at each level, the working days to a result (median, 90th percentile, nearest rank), how
 * many went overdue, the reporters' satisfaction, and a first page of the problems that repeat across
 * units or half-years. Everything is aggregated in PostgreSQL over `case_facts`, the narrow rows the
 * ledger projection keeps; the answer's size does not grow with the number of cases.
 */
export async function caseStatistics(
  prisma: Db,
  user: AuthenticatedUser,
  filter: StatisticsFilter,
  utcOffsetMinutes: number,
  deadlines?: HalfYearDeadlines,
  repeatedPage: RepeatedProblemsPage = {},
) {
  const rules = { utcOffsetMinutes, deadlines };
  const where = await statisticsWhere(prisma, user, filter, rules);
  const calendar = await loadCalendar(prisma, null);
  const [figures, breakdown, repeated] = await Promise.all([
    unitFigures(prisma, where, calendar.exceptions, utcOffsetMinutes),
    breakdownOf(prisma, where, rules),
    repeatedProblems(prisma, where, rules, repeatedPage),
  ]);
  const unitIds = figures.flatMap((f) => (f.unitId ? [f.unitId] : []));
  const units = await prisma.orgUnit.findMany({ where: { id: { in: unitIds } }, select: { id: true, code: true, name: true } });
  const unitOf = new Map(units.map((u) => [u.id, u]));
  const total = figures.find((f) => f.unitId === null);
  return {
    filter,
    calendarVersion: calendar.version,
    total: finish({ id: '', code: 'ALL', name: 'All units' }, total),
    units: figures
      .flatMap((f) => {
        const unit = f.unitId ? unitOf.get(f.unitId) : undefined;
        return unit ? [finish(unit, f)] : [];
      })
      .sort((a, b) => a.unit.code.localeCompare(b.unit.code)),
    breakdown,
    repeatedProblems: repeated,
  };
}

function finish(unit: { id: string; code: string; name: string }, row: FigureRow | undefined) {
  const r = row ?? { filed: 0, open: 0, forwarded: 0, solvedAtDistrict: 0, solvedAtMunicipal: 0, unsolvable: 0, rejected: 0 };
  const resolved = row?.resolved ?? 0;
  const answers = row?.answers ?? 0;
  const satisfied = row?.satisfied ?? 0;
  return {
    unit,
    filed: r.filed,
    open: r.open,
    forwarded: r.forwarded,
    solvedAtDistrict: r.solvedAtDistrict,
    solvedAtMunicipal: r.solvedAtMunicipal,
    unsolvable: r.unsolvable,
    rejected: r.rejected,
    merged: row?.merged ?? 0,
    overdue: row?.overdue ?? 0,
    resolutionWorkingDays: { resolved, median: row?.median ?? null, p90: row?.p90 ?? null },
    satisfaction: { answers, satisfied, rate: answers ? Math.round((satisfied / answers) * 1000) / 1000 : null },
  };
}

/** The figures per unit and for all units (the grouping set `()`), in one pass over the rows. */
async function unitFigures(prisma: Db, where: Prisma.Sql, exceptions: Parameters<typeof cumulativeWorkingDays>[2], offset: number) {
  const [span] = await prisma.$queryRaw<Array<{ from: Date | null; to: Date | null }>>`
    SELECT (SELECT min(filed_at) FROM case_facts) AS "from", (SELECT max(first_result_at) FROM case_facts) AS "to"`;
  // Working days are counted on the newest calendar by an array lookup per row; a year's margin
  // covers cases projected while this runs.
  const from = span?.from ?? new Date(0);
  const to = new Date(Math.max((span?.to ?? from).getTime(), from.getTime()) + 366 * DAY_MS);
  const { firstDay, counts } = cumulativeWorkingDays(from, to, exceptions, offset);
  const count = (condition: Prisma.Sql) => Prisma.sql`(count(*) FILTER (WHERE ${condition}))::int`;
  return prisma.$queryRaw<FigureRow[]>`
    WITH counted AS (
      SELECT f.*, CASE WHEN f.first_result_at IS NOT NULL THEN greatest(0,
        (${counts}::int[])[${localDaySql('f.first_result_at', offset)} - ${firstDay} + 1]
        - (${counts}::int[])[${localDaySql('f.filed_at', offset)} - ${firstDay} + 1]) END AS days
      FROM case_facts f WHERE ${where}
    )
    SELECT filing_unit_id AS "unitId", count(*)::int AS filed,
      ${count(Prisma.sql`status::text = ANY(${[...OPEN_STATUSES]}::text[])`)} AS open,
      ${count(Prisma.sql`forwarded_to_municipal`)} AS forwarded,
      ${count(Prisma.sql`outcome = 'solved_at_district'`)} AS "solvedAtDistrict",
      ${count(Prisma.sql`outcome = 'solved_at_municipal'`)} AS "solvedAtMunicipal",
      ${count(Prisma.sql`outcome = 'unsolvable'`)} AS unsolvable,
      ${count(Prisma.sql`status = 'rejected'`)} AS rejected,
      ${count(Prisma.sql`merged`)} AS merged,
      ${count(Prisma.sql`went_overdue`)} AS overdue,
      count(days)::int AS resolved,
      percentile_disc(0.5) WITHIN GROUP (ORDER BY days) AS median,
      percentile_disc(0.9) WITHIN GROUP (ORDER BY days) AS p90,
      coalesce(sum(satisfied_answers), 0)::int AS satisfied,
      coalesce(sum(feedback_answers), 0)::int AS answers
    FROM counted GROUP BY GROUPING SETS ((filing_unit_id), ())`;
}

/** Counts by kind, category, status and half-year, each sorted by its key. */
async function breakdownOf(prisma: Db, where: Prisma.Sql, rules: DistrictRules) {
  const rows = await prisma.$queryRaw<
    Array<{ kind: string | null; category: string | null; status: string | null; day: number | null; n: number }>
  >`
    SELECT kind::text AS kind, category_key AS category, status::text AS status, day, count(*)::int AS n
    FROM (SELECT f.kind, f.category_key, f.status, ${localDaySql('f.filed_at', rules.utcOffsetMinutes)} AS day FROM case_facts f WHERE ${where}) r
    GROUP BY GROUPING SETS ((kind), (category_key), (status), (day))`;
  const tally = (pick: (row: (typeof rows)[number]) => string | null) => {
    const counts = new Map<string, number>();
    for (const row of rows) {
      const key = pick(row);
      if (key !== null) counts.set(key, (counts.get(key) ?? 0) + row.n);
    }
    return Object.fromEntries([...counts].sort(([a], [b]) => a.localeCompare(b)));
  };
  // A local day's start, as a moment: the half-year rule stays the one in lib/half-years.ts.
  const halfYearOfDay = (day: number) =>
    halfYearOf(new Date(day * DAY_MS - rules.utcOffsetMinutes * 60_000), rules.utcOffsetMinutes, rules.deadlines);
  return {
    byKind: tally((r) => r.kind),
    byCategory: tally((r) => r.category),
    byStatus: tally((r) => r.status),
    byHalfYear: tally((r) => (r.day === null ? null : halfYearOfDay(r.day))),
  };
}
