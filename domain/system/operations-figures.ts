import { ExportStatus } from '../../generated/prisma/enums.ts';
import { Prisma, type Db } from '../../lib/db.ts';
import { OPEN_STATUSES } from '../../model/cases/lifecycle.ts';
import { LEVELS } from '../../model/cases/outcome.ts';
import { FILING_UNIT_KINDS } from '../../model/directory/unit-kinds.ts';

const DAY_MS = 86_400_000;

export type LedgerFigures = {
  /** Open cases per status and responsible level: how many, how many overdue now, how many due within a day. */
  cases: Array<{ status: string; level: string; open: number; overdue: number; dueWithinDay: number }>;
  exportJobs: Array<{ state: string; jobs: number }>;
  /** Each district cycle not yet closed: when it is due and how many filing units have submitted or still owe their ledger. */
  cycles: Array<{ cycle: string; district: string; deadlineAt: Date; submitted: number; owing: number }>;
};

/**
 * The figures an operator watches, read from the ledger in three small aggregate queries (the open
 * cases through the index on status; export jobs and cycles are small tables). `now` decides what is
 * overdue or due within a day; a case the workflow has already marked overdue counts as overdue too.
 * Every open status and level, and every export state, is answered, with 0 where there is none: an
 * alert on a rise then compares numbers, never a number with a missing series.
 */
export async function readLedgerFigures(prisma: Db, now: Date): Promise<LedgerFigures> {
  const withinDay = new Date(now.getTime() + DAY_MS);
  const openStatuses = Prisma.join(OPEN_STATUSES.map((s) => Prisma.sql`${s}::"CaseStatus"`));
  const filingKinds = Prisma.join(FILING_UNIT_KINDS.map((k) => Prisma.sql`${k}::"OrgUnitKind"`));
  const [cases, exportJobs, cycles] = await Promise.all([
    prisma.$queryRaw<LedgerFigures['cases']>`
      SELECT status::text AS status, responsible_level::text AS level, count(*)::int AS open,
             count(*) FILTER (WHERE overdue OR due_at < ${now})::int AS overdue,
             count(*) FILTER (WHERE NOT overdue AND due_at >= ${now} AND due_at < ${withinDay})::int AS "dueWithinDay"
      FROM cases WHERE status IN (${openStatuses})
      GROUP BY 1, 2`,
    prisma.$queryRaw<LedgerFigures['exportJobs']>`
      SELECT status::text AS state, count(*)::int AS jobs FROM export_jobs GROUP BY 1`,
    prisma.$queryRaw<LedgerFigures['cycles']>`
      SELECT c.cycle, d.code AS district, c.deadline_at AS "deadlineAt",
             count(u.id) FILTER (WHERE s.unit_id IS NOT NULL)::int AS submitted,
             count(u.id) FILTER (WHERE s.unit_id IS NULL)::int AS owing
      FROM reporting_cycles c
      JOIN org_units d ON d.id = c.district_id
      LEFT JOIN org_units u ON u.parent_id = c.district_id AND u.kind IN (${filingKinds})
      LEFT JOIN cycle_submissions s ON s.cycle_row_id = c.id AND s.unit_id = u.id
      WHERE c.phase <> 'closed'
      GROUP BY c.id, c.cycle, d.code, c.deadline_at`,
  ]);
  const caseRow = (status: string, level: string) => cases.find((c) => c.status === status && c.level === level);
  return {
    cases: OPEN_STATUSES.flatMap((status) =>
      LEVELS.map((level) => caseRow(status, level) ?? { status, level, open: 0, overdue: 0, dueWithinDay: 0 }),
    ),
    exportJobs: Object.values(ExportStatus).map((state) => ({ state, jobs: exportJobs.find((j) => j.state === state)?.jobs ?? 0 })),
    cycles,
  };
}
