import type { Client } from '@temporalio/client';
import type { Db } from '../../lib/db.ts';
import { DomainError, notFound } from '../../lib/errors.ts';
import type { Actor } from '../../model/directory/roles.ts';
import { cycleRowId } from '../../model/cycle/cycle.ts';
import { submitAppendicesUpdate, workflowIdForCycle } from '../../workflows/definitions.ts';
import { totalOf, unitYears, type Appendix2Record } from './appendices.ts';
import { systemUser, type AuthenticatedUser } from '../auth/auth.ts';
import type { YearRules } from './records.ts';
import { LEADER_UNIT_KINDS, keepsLeaders as keepsLeadersKind } from '../../model/directory/unit-kinds.ts';
import { requireRole } from '../cases/scope.ts';
import type { Clock } from '../../lib/clock.ts';
import {
  APPENDIX_SUBMISSION_LIFECYCLE as APPENDIX,
  owingState,
  submittedState,
  type AppendixSubmissionState,
} from '../../model/leaders/appendix-submission.ts';
import { runUpdate } from '../workflow-calls.ts';

/**
 * Appendix 1 and 2 go to the district with the half-year ledger (June 26 / December 26): every unit
 * and leadership body of the district that keeps leaders submits its tables through the district's
 * cycle workflow, which freezes the figures as they are at that moment (the calendar year so far).
 */
export const appendixYearOf = (cycle: string) => Number(cycle.slice(0, 4));

/** The units of a district that owe Appendix 1 and 2 (those with active leaders), and those that sent them. */
export async function appendixUnitsOf(prisma: Db, cycle: string, districtId: string) {
  const [units, submitted] = await Promise.all([
    prisma.orgUnit.findMany({
      where: { parentId: districtId, kind: { in: [...LEADER_UNIT_KINDS] }, leaders: { some: { active: true } } },
      select: { id: true },
      orderBy: { code: 'asc' },
    }),
    prisma.appendixSubmission.findMany({ where: { cycleRowId: cycleRowId(cycle, districtId) }, select: { unitId: true } }),
  ]);
  return { appendixUnitIds: units.map((u) => u.id), appendixSubmittedUnitIds: submitted.map((s) => s.unitId) };
}

/** Freezes and records a unit's tables for the cycle, once; a repeat (a retried activity) returns the first. */
export async function recordAppendixSubmission(
  prisma: Db,
  input: { cycle: string; districtId: string; actor: Actor; late: boolean; at: Date; rules: YearRules },
) {
  const key = { cycleRowId: cycleRowId(input.cycle, input.districtId), unitId: input.actor.orgUnitId };
  const existing = await prisma.appendixSubmission.findUnique({ where: { cycleRowId_unitId: key } });
  if (existing) return { late: existing.late, leaders: (existing.appendix1 as unknown[]).length };
  const year = appendixYearOf(input.cycle);
  let tables = { appendix1: [] as unknown[], appendix2: totalOf({ id: key.unitId, code: '', name: '', kind: '' }, []) };
  for await (const unit of unitYears(prisma, systemUser('appendix-submission'), { unitId: key.unitId }, year, input.rules))
    tables = { appendix1: unit.leaders, appendix2: unit.summary };
  await prisma.appendixSubmission.create({
    data: {
      ...key,
      submittedByUserId: input.actor.userId,
      submittedAt: input.at,
      late: input.late,
      year,
      appendix1: tables.appendix1 as object[],
      appendix2: tables.appendix2,
    },
  });
  return { late: input.late, leaders: tables.appendix1.length };
}

/** The district's summary of its units' and leadership bodies' tables for its leaders, as submitted so far. */
export async function districtLeadersSummary(prisma: Db, cycle: string, districtId: string, notSubmittedUnitIds: string[]) {
  const [submissions, missing] = await Promise.all([
    prisma.appendixSubmission.findMany({ where: { cycleRowId: cycleRowId(cycle, districtId) }, orderBy: { submittedAt: 'asc' } }),
    prisma.orgUnit.findMany({ where: { id: { in: notSubmittedUnitIds } }, select: { name: true }, orderBy: { code: 'asc' } }),
  ]);
  const rows = submissions.map((s) => ({ ...(s.appendix2 as Appendix2Record), late: s.late }));
  return {
    year: appendixYearOf(cycle),
    submitted: rows,
    notSubmitted: missing.map((u) => u.name),
    total: totalOf({ id: districtId, code: 'TOTAL', name: 'Total', kind: 'district' }, rows),
  };
}

/**
 * A unit that keeps no active leaders owes no Appendix 1 and 2: not a matter of role (its clerk may
 * submit once it registers a leader), so not a 403 but "not possible now".
 */
const noLeadersNow = (cycle: string) =>
  new DomainError('conflict', {
    zh: `本单位目前没有在任领导干部，${cycle} 无需报送附件1、2（登记领导干部后即可报送）`,
    en: `your unit keeps no active leaders now, so it owes no Appendix 1 and 2 for ${cycle} (register its leaders first)`,
  });

type CycleDeps = { prisma: Db; temporal: Client; rules: YearRules };

/** What a unit's clerk may do with its submission now: only its own, only while the cycle still takes submissions. */
function allowedActionsOf(user: AuthenticatedUser, unitId: string, state: AppendixSubmissionState, cycleOpen: boolean) {
  return cycleOpen && user.orgUnitId === unitId ? APPENDIX.allowedActions(state, user.role) : [];
}

/** A unit's clerk submits its Appendix 1 and 2 for the half-year (late after the deadline, and recorded so). */
export async function submitAppendices(deps: CycleDeps, user: AuthenticatedUser, cycle: string) {
  requireRole(user, APPENDIX.rolesFor('submit'));
  const unit = await deps.prisma.orgUnit.findUnique({
    where: { id: user.orgUnitId },
    select: { parentId: true, kind: true, _count: { select: { leaders: { where: { active: true } } } } },
  });
  if (!unit?.parentId)
    throw new DomainError('forbidden', { zh: '只有区属单位报送领导统计表', en: 'only units of a district submit leaders’ statistics' });
  // Who keeps leaders is asked now, not when the cycle opened: a unit's first leader may come later.
  const keepsLeaders = keepsLeadersKind(unit.kind) && unit._count.leaders > 0;
  if (!keepsLeaders) throw noLeadersNow(cycle);
  const handle = deps.temporal.workflow.getHandle(workflowIdForCycle(cycle, unit.parentId));
  // The cycle's workflow checks the step against the table (who owes, on time or late) in its validator.
  const result = await runUpdate(() =>
    handle.executeUpdate(submitAppendicesUpdate, {
      args: [{ actor: { userId: user.id, role: user.role, orgUnitId: user.orgUnitId }, rules: deps.rules, keepsLeaders }],
    }),
  );
  const state = submittedState(result.late);
  return { cycle, ...result, state, allowedActions: allowedActionsOf(user, user.orgUnitId, state, true) };
}

/**
 * The submissions with their frozen figures, and who still owes them: a unit its own, a district
 * officer all of the district's. Each says where it stands and what the caller may do with it (a
 * unit's clerk submits its own while it owes and the cycle still takes submissions). Who owes is
 * counted as the cycle counts it when it opens: the units of the district that keep active leaders.
 */
export async function appendixSubmissions(deps: { prisma: Db; clock: Clock }, user: AuthenticatedUser, cycle: string) {
  requireRole(user, ['street_staff', 'district_officer']);
  const unit = await deps.prisma.orgUnit.findUnique({ where: { id: user.orgUnitId }, select: { parentId: true } });
  const districtId = user.role === 'district_officer' ? user.orgUnitId : unit?.parentId;
  if (!districtId) throw notFound(`cycle ${cycle}`);
  const ownOnly = user.role === 'street_staff' ? { unitId: user.orgUnitId } : {};
  const [row, submissions, owing] = await Promise.all([
    deps.prisma.reportingCycle.findUnique({ where: { id: cycleRowId(cycle, districtId) }, select: { deadlineAt: true, phase: true } }),
    deps.prisma.appendixSubmission.findMany({
      where: { cycleRowId: cycleRowId(cycle, districtId), ...ownOnly },
      orderBy: { submittedAt: 'asc' },
    }),
    appendixUnitsOf(deps.prisma, cycle, districtId),
  ]);
  const cycleOpen = row !== null && row.phase !== 'closed';
  const pastDeadline = row !== null && deps.clock.now() >= row.deadlineAt;
  const submitted = new Set(owing.appendixSubmittedUnitIds);
  const stillOwing =
    row === null ? [] : owing.appendixUnitIds.filter((id) => !submitted.has(id) && (!ownOnly.unitId || id === ownOnly.unitId));
  return {
    cycle,
    items: submissions.map((r) => {
      const state = submittedState(r.late);
      return {
        unitId: r.unitId,
        state,
        submittedAt: r.submittedAt.toISOString(),
        late: r.late,
        year: r.year,
        appendix1: r.appendix1,
        appendix2: r.appendix2,
        allowedActions: allowedActionsOf(user, r.unitId, state, cycleOpen),
      };
    }),
    owing: stillOwing.map((unitId) => {
      const state = owingState(pastDeadline);
      return { unitId, state, allowedActions: allowedActionsOf(user, unitId, state, cycleOpen) };
    }),
  };
}
