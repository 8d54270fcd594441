import { z } from 'zod';
import { Prisma, type Db } from '../../lib/db.ts';
import { halfYearOf, halfYearWindow, nextHalfYear } from '../../lib/half-years.ts';
import type { AuthenticatedUser } from '../auth/auth.ts';
import type { DistrictRules } from '../cases/ledger-filters.ts';
import { categoryKey, placeKey } from './ledger-keys.ts';
import { cursorMoment, decodeCursor, encodeCursor } from '../list-cursors.ts';
import { statisticsWhere, type StatisticsFilter } from './statistics-sql.ts';

/**
 * Problems that repeat: the same category at the same place, filed by more than one unit or in more
 * than one half-year. Grouped in SQL and returned a page at a time, largest first, with their counts;
 * the cases of one problem are listed on demand (`repeatedProblemCases`).
 */
export type RepeatedProblemsPage = { limit?: number; cursor?: string };

const problemKey = z.strictObject({ cases: z.number().int(), category: z.string(), place: z.string() });
const caseKey = z.strictObject({ filedAt: cursorMoment, id: z.uuid() });

/**
 * The half-year windows from the first filing to the last, as bucket boundaries for SQL's
 * width_bucket: which half-year a case falls in stays the rule of lib/half-years.ts.
 */
async function halfYearBuckets(prisma: Db, rules: DistrictRules) {
  const [span] = await prisma.$queryRaw<Array<{ from: Date | null; to: Date | null }>>`
    SELECT min(filed_at) AS "from", max(filed_at) AS "to" FROM case_facts`;
  const labels: string[] = [];
  const starts: Date[] = [];
  if (span?.from && span.to) {
    const last = halfYearOf(span.to, rules.utcOffsetMinutes, rules.deadlines);
    for (let cycle = halfYearOf(span.from, rules.utcOffsetMinutes, rules.deadlines); ; cycle = nextHalfYear(cycle)) {
      labels.push(cycle);
      starts.push(halfYearWindow(cycle, rules.utcOffsetMinutes, rules.deadlines).from);
      if (cycle === last) break;
    }
  }
  return { labels, starts };
}

export async function repeatedProblems(prisma: Db, where: Prisma.Sql, rules: DistrictRules, page: RepeatedProblemsPage) {
  const limit = page.limit ?? 20;
  const after = page.cursor ? decodeCursor(page.cursor, problemKey, 'query.repeatedCursor') : undefined;
  const { labels, starts } = await halfYearBuckets(prisma, rules);
  // Cases filed after the span was read (while this runs) fall in the last bucket or beyond it.
  const bucket = Prisma.sql`least(width_bucket(f.filed_at, ${starts}::timestamptz[]), ${Math.max(labels.length, 1)})`;
  const rows = await prisma.$queryRaw<
    Array<{ categoryKey: string; place: string; cases: number; units: number; buckets: number[]; total: number; category: string }>
  >`
    WITH pieces AS (
      SELECT f.category_key, f.place_key, f.category, f.filing_unit_id, ${bucket} AS bucket, count(*) AS n, min(f.filed_at) AS first_filed
      FROM case_facts f WHERE ${where} GROUP BY 1, 2, 3, 4, 5
    ), problems AS (
      SELECT category_key, place_key, sum(n)::int AS cases, count(DISTINCT filing_unit_id)::int AS units,
        array_agg(DISTINCT bucket) AS buckets, count(*) OVER ()::int AS total,
        -- Shown as its first filing spelt it.
        (array_agg(category ORDER BY first_filed, category))[1] AS category
      FROM pieces GROUP BY category_key, place_key
      HAVING count(DISTINCT filing_unit_id) > 1 OR count(DISTINCT bucket) > 1
    )
    SELECT p.category_key AS "categoryKey", p.place_key AS place, p.cases, p.units, p.buckets, p.total, p.category
    FROM problems p
    WHERE ${after ? Prisma.sql`(-p.cases, p.category_key, p.place_key) > (${-after.cases}, ${after.category}, ${after.place})` : Prisma.sql`true`}
    ORDER BY p.cases DESC, p.category_key, p.place_key
    LIMIT ${limit + 1}`;
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    total: rows[0]?.total ?? 0,
    items: items.map((r) => ({
      category: r.category,
      place: r.place,
      cases: r.cases,
      units: r.units,
      cycles: r.buckets.map((b) => labels[b - 1] ?? '').sort(),
    })),
    nextCursor:
      rows.length > limit && last
        ? encodeCursor({ cases: last.cases, category: last.categoryKey, place: last.place } satisfies z.input<typeof problemKey>)
        : null,
  };
}

type ProblemCasesQuery = { category: string; place: string; limit: number; cursor?: string };

/** The cases of one repeated problem the user may see, oldest first, a page at a time. */
export async function repeatedProblemCases(
  prisma: Db,
  user: AuthenticatedUser,
  filter: StatisticsFilter,
  rules: DistrictRules,
  query: ProblemCasesQuery,
) {
  const after = query.cursor ? decodeCursor(query.cursor, caseKey, 'query.cursor') : undefined;
  const rows = await prisma.$queryRaw<Array<{ id: string; number: number; filedAt: Date }>>`
    SELECT f.case_id AS id, c.number, f.filed_at AS "filedAt"
    FROM case_facts f JOIN cases c ON c.id = f.case_id
    WHERE ${await statisticsWhere(prisma, user, filter, rules)}
      AND f.category_key = ${categoryKey(query.category)} AND f.place_key = ${placeKey(query.place)}
      AND ${after ? Prisma.sql`(f.filed_at, f.case_id) > (${new Date(after.filedAt)}, ${after.id}::uuid)` : Prisma.sql`true`}
    ORDER BY f.filed_at, f.case_id
    LIMIT ${query.limit + 1}`;
  const items = rows.slice(0, query.limit);
  const last = items[items.length - 1];
  return {
    cases: items.map((r) => ({ id: r.id, number: r.number })),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ filedAt: last.filedAt.toISOString(), id: last.id }) : null,
  };
}
