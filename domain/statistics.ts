import type { Db, Prisma } from '../lib/db.ts';
import { CASE_EVENT_TYPES, isOpenStatus, type CaseEventType } from '../model/lifecycle.ts';
import { percentile } from '../lib/percentile.ts';
import { workingDaysBetween } from '../lib/working-days.ts';
import { parseCaseDetails } from '../model/case-details.ts';
import type { AuthenticatedUser } from './auth.ts';
import { halfYearOf, type HalfYearDeadlines } from '../lib/half-years.ts';
import { loadCalendar } from './calendar.ts';
import { periodConditions, scopeConditions, type LedgerFilter } from './ledger-filters.ts';
import { visibleCaseFilter } from './scope.ts';

type StatisticsFilter = Omit<LedgerFilter, 'status'> & {
  /** Cases counted whatever the period (a cycle's ledgers carry cases filed before it). */
  alsoCaseIds?: string[];
};

type Counts = {
  filed: number;
  open: number;
  forwarded: number;
  solvedAtDistrict: number;
  solvedAtMunicipal: number;
  unsolvable: number;
  rejected: number;
  merged: number;
  overdue: number;
  resolutionWorkingDays: { resolved: number; median: number | null; p90: number | null };
  satisfaction: { answers: number; satisfied: number; rate: number | null };
};

const RESOLUTION_EVENTS: readonly CaseEventType[] = ['solved_at_district', 'resolved_by_municipal', 'declared_unsolvable'];
const COUNTED_EVENTS: readonly CaseEventType[] = [
  ...RESOLUTION_EVENTS,
  'forwarded_to_municipal',
  'deadline_overdue',
  'reporter_satisfied',
  'reopened',
];
/** A stored event's type, checked against the table's union (rows are written only by the projection). */
const eventType = (type: string) => CASE_EVENT_TYPES.find((known) => known === type);

/** "Elm Road 1-40" and "elm road 10-80" are one place: the street without numbers and punctuation. */
export const placeKey = (location: string) =>
  location
    .toLowerCase()
    .replace(/[\p{N}\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * Dashboard figures per filing unit for the cases filed in a period: how many were filed, forwarded,
 * solved at each level, the working days to a result (median, 90th percentile), how many went
 * overdue, the reporters' satisfaction, and problems that repeat across units or half-years.
 */
export async function caseStatistics(
  prisma: Db,
  user: AuthenticatedUser,
  filter: StatisticsFilter,
  utcOffsetMinutes: number,
  deadlines?: HalfYearDeadlines,
) {
  const conditions: Prisma.CaseWhereInput[] = [visibleCaseFilter(user), ...scopeConditions(filter)];
  const period = periodConditions(filter, { utcOffsetMinutes, deadlines });
  if (period.length) {
    conditions.push(filter.alsoCaseIds?.length ? { OR: [{ AND: period }, { id: { in: filter.alsoCaseIds } }] } : { AND: period });
  }
  const where = { AND: conditions };

  const [cases, events, calendar] = await Promise.all([
    prisma.case.findMany({
      where,
      select: {
        id: true,
        status: true,
        kind: true,
        details: true,
        filedAt: true,
        category: true,
        location: true,
        filingUnit: { select: { id: true, code: true, name: true } },
      },
    }),
    prisma.caseEvent.findMany({
      where: { case: where, type: { in: [...COUNTED_EVENTS] } },
      select: { caseId: true, type: true, occurredAt: true },
      orderBy: { sequence: 'asc' },
    }),
    loadCalendar(prisma, null),
  ]);
  const eventsByCase = new Map<string, typeof events>();
  for (const e of events) eventsByCase.set(e.caseId, [...(eventsByCase.get(e.caseId) ?? []), e]);

  type Acc = {
    unit: { id: string; code: string; name: string };
    counts: Omit<Counts, 'resolutionWorkingDays' | 'satisfaction'>;
    days: number[];
    answers: number;
    satisfied: number;
  };
  const units = new Map<string, Acc>();
  const total: Acc = { unit: { id: '', code: 'ALL', name: 'All units' }, counts: emptyCounts(), days: [], answers: 0, satisfied: 0 };
  for (const c of cases) {
    const acc = units.get(c.filingUnit.id) ?? { unit: c.filingUnit, counts: emptyCounts(), days: [], answers: 0, satisfied: 0 };
    units.set(c.filingUnit.id, acc);
    const details = parseCaseDetails(c.details);
    const caseEvents = (eventsByCase.get(c.id) ?? []).map((e) => ({ ...e, type: eventType(e.type) }));
    const resolvedNow = c.status === 'awaiting_feedback' || c.status === 'closed';
    const firstResult = caseEvents.find((e) => e.type !== undefined && RESOLUTION_EVENTS.includes(e.type));
    for (const target of [acc, total]) {
      const k = target.counts;
      k.filed += 1;
      if (isOpenStatus(c.status)) k.open += 1;
      if (caseEvents.some((e) => e.type === 'forwarded_to_municipal')) k.forwarded += 1;
      if (resolvedNow && details.resolution?.solved && details.resolution.level === 'district') k.solvedAtDistrict += 1;
      if (resolvedNow && details.resolution?.solved && details.resolution.level === 'municipal') k.solvedAtMunicipal += 1;
      if (resolvedNow && details.resolution && !details.resolution.solved) k.unsolvable += 1;
      if (c.status === 'rejected') k.rejected += 1;
      if (c.status === 'merged' || details.closedBecause === 'primary_closed') k.merged += 1;
      if (caseEvents.some((e) => e.type === 'deadline_overdue')) k.overdue += 1;
      if (firstResult) target.days.push(workingDaysBetween(c.filedAt, firstResult.occurredAt, calendar.exceptions, utcOffsetMinutes));
      target.satisfied += caseEvents.filter((e) => e.type === 'reporter_satisfied').length;
      target.answers += caseEvents.filter((e) => e.type === 'reporter_satisfied' || e.type === 'reopened').length;
    }
  }
  const finish = (acc: Acc) => {
    const days = [...acc.days].sort((a, b) => a - b);
    return {
      unit: acc.unit,
      ...acc.counts,
      resolutionWorkingDays: {
        resolved: days.length,
        median: days.length ? percentile(days, 50) : null,
        p90: days.length ? percentile(days, 90) : null,
      },
      satisfaction: {
        answers: acc.answers,
        satisfied: acc.satisfied,
        rate: acc.answers ? Math.round((acc.satisfied / acc.answers) * 1000) / 1000 : null,
      },
    };
  };
  const countBy = (key: (c: (typeof cases)[number]) => string) =>
    Object.fromEntries(
      [...cases.reduce((m, c) => m.set(key(c), (m.get(key(c)) ?? 0) + 1), new Map<string, number>())].sort(([a], [b]) =>
        a.localeCompare(b),
      ),
    );
  return {
    filter,
    calendarVersion: calendar.version,
    total: finish(total),
    units: [...units.values()].sort((a, b) => a.unit.code.localeCompare(b.unit.code)).map(finish),
    breakdown: {
      byKind: countBy((c) => c.kind),
      byCategory: countBy((c) => c.category.trim().toLowerCase()),
      byStatus: countBy((c) => c.status),
      byHalfYear: countBy((c) => halfYearOf(c.filedAt, utcOffsetMinutes, deadlines)),
    },
    repeatedProblems: repeatedProblems(cases, utcOffsetMinutes, deadlines),
  };
}

function emptyCounts() {
  return { filed: 0, open: 0, forwarded: 0, solvedAtDistrict: 0, solvedAtMunicipal: 0, unsolvable: 0, rejected: 0, merged: 0, overdue: 0 };
}

/** The same category at the same place, filed by more than one unit or in more than one half-year. */
function repeatedProblems(
  cases: Array<{ id: string; category: string; location: string; filedAt: Date; filingUnit: { id: string } }>,
  utcOffsetMinutes: number,
  deadlines?: HalfYearDeadlines,
) {
  const groups = new Map<string, { category: string; place: string; caseIds: string[]; units: Set<string>; cycles: Set<string> }>();
  for (const c of cases) {
    const place = placeKey(c.location);
    const key = `${c.category.trim().toLowerCase()}|${place}`;
    const group = groups.get(key) ?? { category: c.category.trim(), place, caseIds: [], units: new Set(), cycles: new Set() };
    group.caseIds.push(c.id);
    group.units.add(c.filingUnit.id);
    group.cycles.add(halfYearOf(c.filedAt, utcOffsetMinutes, deadlines));
    groups.set(key, group);
  }
  return [...groups.values()]
    .filter((g) => g.units.size > 1 || g.cycles.size > 1)
    .map((g) => ({
      category: g.category,
      place: g.place,
      cases: g.caseIds.length,
      units: g.units.size,
      cycles: [...g.cycles].sort(),
      caseIds: g.caseIds,
    }))
    .sort((a, b) => b.cases - a.cases);
}
