import type { Leader, OrgUnit } from '../../generated/prisma/client.ts';
import { Prisma, type Db } from '../../lib/db.ts';
import { COMPLETED_PROJECT } from '../../model/leaders/claims.ts';
import { OPEN_STATUSES } from '../../model/cases/lifecycle.ts';
import { districtYear } from '../../lib/district-time.ts';
import {
  ACTIVITY_KINDS,
  standingOf,
  zeroCounts,
  type ActivityKind,
  type LeaderRank,
  type ItemCounts,
  type LeaderStanding,
  type Quotas,
} from '../../model/leaders/four-leads.ts';

/**
 * A leader's year: what counts (activities the receiving street/park confirmed, dated in the year;
 * public-service projects they claimed that closed as solved in the year, district time), and the
 * standing against the quotas. Once the quota tracker has frozen a year, its stored record is the
 * answer, whatever is confirmed later.
 */
export type LeaderYearRecord = {
  leaderId: string;
  year: number;
  standing: LeaderStanding;
  /** Local dates of the confirmed activities, per kind, in order. */
  dates: Record<ActivityKind, string[]>;
  /** Ledger numbers of the claimed projects that closed as solved. */
  projectCaseNumbers: number[];
  opinionsCollected: number;
  frozen: boolean;
};

export type YearRules = { quotas: Quotas; utcOffsetMinutes: number };
type LeaderRow = Pick<Leader, 'id' | 'rank'>;

/** Where a claim lives on a case (`details.claim`), shared by the counting queries. */
export type CaseClaim = { unitId: string; leaderId: string; leaderName: string; claimedAt: string; claimedByUserId: string };

/**
 * `isCompletedProject` as a condition on the cases table, written from the same values (a JSON
 * comparison, so only a boolean `true` counts, as in TypeScript). A test holds the two to the same answers.
 */
export const completedProjectCondition = Prisma.sql`status = ${COMPLETED_PROJECT.status}::"CaseStatus"
  AND details->'resolution'->'solved' = ${JSON.stringify(COMPLETED_PROJECT.ownResultSolved)}::jsonb`;

/** The year's records of these leaders, in their order: frozen ones as stored, the others counted now. */
export async function leaderYearRecords(prisma: Db, leaders: LeaderRow[], year: number, rules: YearRules): Promise<LeaderYearRecord[]> {
  if (leaders.length === 0) return [];
  const ids = leaders.map((l) => l.id);
  const frozen = await prisma.leaderYearStanding.findMany({ where: { leaderId: { in: ids }, year } });
  const frozenById = new Map(frozen.map((f) => [f.leaderId, f.standing as unknown as LeaderYearRecord]));
  const open = leaders.filter((l) => !frozenById.has(l.id));
  const counted = new Map((await countYear(prisma, open, year, rules)).map((r) => [r.leaderId, r]));
  return leaders.map((l) => frozenById.get(l.id) ?? counted.get(l.id)!);
}

/** Counts the year now from the activities and the ledger (the tracker freezes exactly this). */
export async function countYear(prisma: Db, leaders: LeaderRow[], year: number, rules: YearRules): Promise<LeaderYearRecord[]> {
  if (leaders.length === 0) return [];
  const ids = leaders.map((l) => l.id);
  const { from, to } = districtYear(year, rules.utcOffsetMinutes);
  const [activities, projects] = await Promise.all([
    prisma.leaderActivity.findMany({
      where: {
        leaderId: { in: ids },
        review: 'confirmed',
        occurredOn: { gte: new Date(`${year}-01-01T00:00:00Z`), lt: new Date(`${year + 1}-01-01T00:00:00Z`) },
      },
      select: { leaderId: true, kind: true, occurredOn: true, opinionsCollected: true },
      orderBy: [{ occurredOn: 'asc' }, { recordedAt: 'asc' }],
    }),
    prisma.$queryRaw<Array<{ leaderId: string; number: number }>>`
      SELECT details->'claim'->>'leaderId' AS "leaderId", number FROM cases
      WHERE ${completedProjectCondition}
        AND details->'claim'->>'leaderId' = ANY(${ids}::text[])
        AND closed_at >= ${from} AND closed_at < ${to}
      ORDER BY number`,
  ]);
  return leaders.map((leader) => {
    const done = zeroCounts();
    const dates = Object.fromEntries(ACTIVITY_KINDS.map((k) => [k, [] as string[]])) as Record<ActivityKind, string[]>;
    let opinionsCollected = 0;
    for (const a of activities.filter((x) => x.leaderId === leader.id)) {
      done[a.kind] += 1;
      dates[a.kind].push(a.occurredOn.toISOString().slice(0, 10));
      opinionsCollected += a.opinionsCollected ?? 0;
    }
    const projectCaseNumbers = projects.filter((p) => p.leaderId === leader.id).map((p) => p.number);
    done.public_service_project = projectCaseNumbers.length;
    return {
      leaderId: leader.id,
      year,
      standing: standingOf(leader.rank as LeaderRank, done, rules.quotas),
      dates,
      projectCaseNumbers,
      opinionsCollected,
      frozen: false,
    };
  });
}

/**
 * What is on its way but does not count yet, per leader and item: activities of the year the
 * street/park has still to confirm, and claimed projects whose case is still open. Beside the
 * standing, it tells a clerk whether a gap is being closed or needs doing.
 */
export async function waitingCounts(prisma: Db, leaderIds: string[], year: number): Promise<Map<string, ItemCounts>> {
  const waiting = new Map(leaderIds.map((id) => [id, zeroCounts()]));
  if (leaderIds.length === 0) return waiting;
  const [activities, projects] = await Promise.all([
    prisma.leaderActivity.groupBy({
      by: ['leaderId', 'kind'],
      where: {
        leaderId: { in: leaderIds },
        review: 'pending',
        occurredOn: { gte: new Date(`${year}-01-01T00:00:00Z`), lt: new Date(`${year + 1}-01-01T00:00:00Z`) },
      },
      _count: { _all: true },
    }),
    prisma.$queryRaw<Array<{ leaderId: string; open: number }>>`
      SELECT details->'claim'->>'leaderId' AS "leaderId", count(*)::int AS open FROM cases
      WHERE details->'claim'->>'leaderId' = ANY(${leaderIds}::text[])
        AND status::text = ANY(${[...OPEN_STATUSES]}::text[])
      GROUP BY 1`,
  ]);
  for (const a of activities) waiting.get(a.leaderId)![a.kind] += a._count._all;
  for (const p of projects) waiting.get(p.leaderId)!.public_service_project += p.open;
  return waiting;
}

/** Public-service projects each unit claimed in the year (by the moment of the claim, district time). */
export async function projectsClaimedByUnit(prisma: Db, unitIds: string[], year: number, utcOffsetMinutes: number) {
  if (unitIds.length === 0) return new Map<string, number>();
  const { from, to } = districtYear(year, utcOffsetMinutes);
  const rows = await prisma.$queryRaw<Array<{ unitId: string; claimed: number }>>`
    SELECT details->'claim'->>'unitId' AS "unitId", count(*)::int AS claimed FROM cases
    WHERE details->'claim'->>'unitId' = ANY(${unitIds}::text[])
      AND (details->'claim'->>'claimedAt')::timestamptz >= ${from} AND (details->'claim'->>'claimedAt')::timestamptz < ${to}
    GROUP BY 1`;
  return new Map(rows.map((r) => [r.unitId, r.claimed]));
}

/** Freezes the year of these leaders: written once; a repeat (a retried activity) keeps the first. */
export async function freezeYear(prisma: Db, leaders: Array<LeaderRow & { unitId: string }>, year: number, rules: YearRules, at: Date) {
  const records = (await countYear(prisma, leaders, year, rules)).map((r) => ({ ...r, frozen: true }));
  await prisma.leaderYearStanding.createMany({
    data: records.map((r, i) => ({
      leaderId: r.leaderId,
      year,
      unitId: leaders[i]!.unitId,
      allFourMet: r.standing.allFourMet === true,
      standing: r,
      frozenAt: at,
    })),
    skipDuplicates: true,
  });
  return leaderYearRecords(prisma, leaders, year, rules);
}

export type LeaderWithUnits = Leader & { unit: OrgUnit; reportsToUnit: OrgUnit };
