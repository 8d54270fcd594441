import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { Config } from '../../lib/config.ts';
import type { Db } from '../../lib/db.ts';
import { districtYearOf } from '../../lib/district-time.ts';
import { DomainError, notFound } from '../../lib/errors.ts';
import { halfYearOf, halfYearWindow } from '../../lib/half-years.ts';
import {
  TASK_QUEUE,
  approveSummaryUpdate,
  cycleSnapshotQuery,
  submitLedgerUpdate,
  workflowIdForCycle,
  type Workflows,
} from '../../workflows/definitions.ts';
import { cycleRowId, type CycleSettings } from '../../model/cycle/cycle.ts';
import { FILING_UNIT_KINDS, parentKindOf } from '../../model/directory/unit-kinds.ts';
import type { AuthenticatedUser } from '../auth/auth.ts';
import { pendingLedgerOf } from '../cases/ledger-filters.ts';
import { requireRole } from '../cases/scope.ts';
import { momentIn, type YearlySchedule } from '../system/yearly-schedule.ts';
import { runUpdate } from '../workflow-calls.ts';

type CycleDeps = { prisma: Db; temporal: Client };

async function districtOf(prisma: Db, user: AuthenticatedUser): Promise<string> {
  if (user.role === 'district_officer') return user.orgUnitId;
  const unit = await prisma.orgUnit.findUnique({ where: { id: user.orgUnitId }, select: { parentId: true, kind: true } });
  // The units under a district: those that file cases, and those that keep leaders (their appendices go with the cycle).
  if (!unit?.parentId || parentKindOf(unit.kind) !== 'district')
    throw new DomainError('forbidden', {
      zh: '只有报送单位及其所在区参与半年台账',
      en: 'only filing units and their district take part in a ledger cycle',
    });
  return unit.parentId;
}

/**
 * Opens a half-year's cycles now (or for a past half-year: a backfill) and says which districts'
 * cycles this call started and which it found already opened. Each call runs its own opener; the
 * district cycles' workflow ids make sure only one opener ever starts each of them.
 */
export async function openCycles(deps: CycleDeps & { settings: CycleSettings }, user: AuthenticatedUser, cycle: string) {
  requireRole(user, ['admin']);
  const workflowId = `open-cycles-${cycle}-${randomUUID()}`;
  const { started } = await deps.temporal.workflow.execute<Workflows['openCyclesWorkflow']>('openCyclesWorkflow', {
    taskQueue: TASK_QUEUE,
    workflowId,
    args: [{ cycle, settings: deps.settings }],
  });
  const districts = await deps.prisma.orgUnit.findMany({ where: { kind: 'district' }, select: { id: true }, orderBy: { code: 'asc' } });
  return { cycle, workflowId, started, alreadyOpened: districts.map((d) => d.id).filter((id) => !started.includes(id)) };
}

/**
 * The caller's district cycle. The district sees all of it; a filing unit sees the cycle's dates and
 * its own part only (its submission, whether it is late, its forwarded cases), never the other units'.
 */
export async function getCycle(deps: CycleDeps, user: AuthenticatedUser, cycle: string) {
  const districtId = await districtOf(deps.prisma, user);
  const row = await deps.prisma.reportingCycle.findUnique({
    where: { id: cycleRowId(cycle, districtId) },
    include: { submissions: { orderBy: { submittedAt: 'asc' } } },
  });
  if (!row) throw notFound(`ledger cycle ${cycle}`);
  const wholeDistrict = user.role !== 'street_staff';
  const ownUnit = (unitId: string) => wholeDistrict || unitId === user.orgUnitId;
  const ownForwarded = wholeDistrict
    ? undefined
    : await deps.prisma.case.findMany({ where: { id: { in: row.forwardedIds }, filingUnitId: user.orgUnitId }, select: { id: true } });
  const forwarded = (caseId: string) => !ownForwarded || ownForwarded.some((c) => c.id === caseId);
  const submissions = row.submissions.filter((s) => ownUnit(s.unitId));
  const [filingUnits, submittedCases] = await Promise.all([
    deps.prisma.orgUnit.findMany({
      where: { parentId: districtId, kind: { in: [...FILING_UNIT_KINDS] } },
      select: { id: true },
      orderBy: { code: 'asc' },
    }),
    deps.prisma.case.findMany({
      where: { id: { in: submissions.flatMap((s) => s.caseIds) } },
      select: { id: true, number: true, title: true },
      orderBy: { number: 'asc' },
    }),
  ]);
  const submitted = new Set(row.submissions.map((s) => s.unitId));
  return {
    cycle: row.cycle,
    districtId: row.districtId,
    phase: row.phase,
    opensAt: row.opensAt.toISOString(),
    deadlineAt: row.deadlineAt.toISOString(),
    submissions: submissions.map((s) => ({
      unitId: s.unitId,
      submittedAt: s.submittedAt.toISOString(),
      caseCount: s.caseIds.length,
      late: s.late,
      cases: submittedCases.filter((c) => s.caseIds.includes(c.id)),
    })),
    lateUnitIds: row.lateUnitIds.filter(ownUnit),
    // Who owes a ledger and has not sent it yet: the district's filing units, before the deadline as after it.
    notSubmittedUnitIds: filingUnits.map((u) => u.id).filter((id) => ownUnit(id) && !submitted.has(id)),
    summary: wholeDistrict ? row.summary : null,
    reviewNote: wholeDistrict ? row.reviewNote : null,
    forwardedCaseIds: row.forwardedIds.filter(forwarded),
  };
}

/** What the caller's unit would submit: its regular cases still waiting in its own ledger. */
export async function pendingLedger(deps: CycleDeps, user: AuthenticatedUser) {
  requireRole(user, ['street_staff']);
  const cases = await deps.prisma.case.findMany({
    ...pendingLedgerOf(user.orgUnitId),
    select: { id: true, number: true, title: true, category: true, filedAt: true },
  });
  return { cases: cases.map((c) => ({ ...c, filedAt: c.filedAt.toISOString() })) };
}

export async function submitLedger(deps: CycleDeps, user: AuthenticatedUser, cycle: string) {
  requireRole(user, ['street_staff']);
  const districtId = await districtOf(deps.prisma, user);
  const handle = deps.temporal.workflow.getHandle(workflowIdForCycle(cycle, districtId));
  const result = await runUpdate(() =>
    handle.executeUpdate(submitLedgerUpdate, { args: [{ actor: { userId: user.id, role: user.role, orgUnitId: user.orgUnitId } }] }),
  );
  return { cycle, ...result };
}

export async function approveSummary(deps: CycleDeps, user: AuthenticatedUser, cycle: string, note: string | undefined) {
  requireRole(user, ['district_officer']);
  const handle = deps.temporal.workflow.getHandle(workflowIdForCycle(cycle, user.orgUnitId));
  await runUpdate(() =>
    handle.executeUpdate(approveSummaryUpdate, {
      args: [{ actor: { userId: user.id, role: user.role, orgUnitId: user.orgUnitId }, note }],
    }),
  );
  return { ...(await handle.query(cycleSnapshotQuery)) };
}

/**
 * The two half-yearly Schedules that open the cycles (09:00 on CYCLE_OPENS_H1 / CYCLE_OPENS_H2). A
 * half-year whose opening day has passed is missed until its deadline: after that it is over.
 */
export function cycleSchedules(config: Pick<Config, 'cycles'>): YearlySchedule<'openCyclesWorkflow'>[] {
  const { settings } = config.cycles;
  return (
    [
      ['h1', config.cycles.opensH1],
      ['h2', config.cycles.opensH2],
    ] as const
  ).map(([half, monthDay]) => {
    const moment = { monthDay, hour: 9 };
    return {
      scheduleId: `ledger-cycle-${half}`,
      workflowType: 'openCyclesWorkflow',
      workflowId: `open-cycles-${half}`,
      moment,
      args: [{ settings }],
      missedPeriod(now) {
        const opens = momentIn(districtYearOf(now, settings.utcOffsetMinutes), moment, settings.utcOffsetMinutes);
        const cycle = halfYearOf(opens, settings.utcOffsetMinutes, settings.deadlines);
        const { to: deadline } = halfYearWindow(cycle, settings.utcOffsetMinutes, settings.deadlines);
        return opens <= now && now < deadline ? { period: cycle, args: [{ cycle, settings }] } : undefined;
      },
    };
  });
}
