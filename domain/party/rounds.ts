import { WithStartWorkflowOperation, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { invalidField, notFound } from '../../lib/errors.ts';
import { PARTY_THING_WORDS } from '../../model/party/glossary.ts';
import { pageOf, type Page } from '../../lib/paging.ts';
import { roundSchedule } from '../../model/party/rules.ts';
import { TASK_QUEUE, roundReadyUpdate, roundUpdates, workflowIdForRound, type Workflows } from '../../workflows/definitions.ts';
import { ROUND_LIFECYCLE, type RoundAction, type RoundPhase } from '../../model/party/round-lifecycle.ts';
import { roundActionsFor, roundRowId, type RoundCommands, type RoundRequest } from '../../model/party/rounds.ts';
import type { AuthenticatedUser } from '../auth/auth.ts';
import { requireRole } from '../cases/scope.ts';
import { runUpdate, updateIdFor } from '../workflow-calls.ts';
import { actorOf, callerStreetOrPark, readableUnitIds, type PartyDeps } from './scope.ts';

/**
 * A street/park opens its round for the year; opening again answers with the same round. The quota
 * is fixed from the members registered there at opening (RECOMMENDATION_QUOTA_* settings).
 */
export async function openRound(deps: PartyDeps, user: AuthenticatedUser, year: number) {
  const unit = await callerStreetOrPark(deps.prisma, user);
  if (!unit.parentId) throw notFound('district of your unit');
  const { submitBy, quotaPercent, quotaRounding, utcOffsetMinutes } = deps.settings.recommendation;
  const { submitByAt, endsAt } = roundSchedule(year, submitBy, utcOffsetMinutes);
  const startWorkflowOperation = new WithStartWorkflowOperation<Workflows['recommendationRoundWorkflow']>('recommendationRoundWorkflow', {
    taskQueue: TASK_QUEUE,
    workflowId: workflowIdForRound(year, unit.id),
    args: [{ year, unitId: unit.id, districtId: unit.parentId, submitByAt, endsAt, quotaPercent, quotaRounding, openedBy: actorOf(user) }],
    workflowIdConflictPolicy: 'USE_EXISTING',
    workflowIdReusePolicy: 'REJECT_DUPLICATE',
  });
  try {
    await runUpdate(() => deps.temporal.workflow.executeUpdateWithStart(roundReadyUpdate, { startWorkflowOperation }));
  } catch (error) {
    // The round ran and finished: its row says how.
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
  }
  return getRound(deps, user, year, unit.id);
}

async function loadVisibleRound(deps: PartyDeps, user: AuthenticatedUser, year: number, unitId: string) {
  const units = await readableUnitIds(deps.prisma, user);
  const round = await deps.prisma.recommendationRound.findUnique({
    where: { id: roundRowId(year, unitId) },
    include: { nominations: { orderBy: { subjectKey: 'asc' } } },
  });
  if (!round || (units && !units.includes(round.unitId))) throw notFound('recommendation round');
  return round;
}

/** The round with its nominations by name (members' home units and branches; never their contact), and what the caller may do to it. */
export async function getRound(deps: PartyDeps, user: AuthenticatedUser, year: number, unitId: string) {
  const round = await loadVisibleRound(deps, user, year, unitId);
  const [members, branches] = await Promise.all([
    deps.prisma.partyMember.findMany({
      where: { id: { in: round.nominations.flatMap((n) => n.memberId ?? []) } },
      select: { id: true, name: true, memberNumber: true, homeUnit: { select: { name: true } }, branch: { select: { name: true } } },
    }),
    deps.prisma.partyBranch.findMany({
      where: { id: { in: round.nominations.flatMap((n) => n.branchId ?? []) } },
      select: { id: true, name: true, unit: { select: { name: true } } },
    }),
  ]);
  const selectedMembers = round.nominations.filter((n) => n.selected && n.memberId).length;
  return {
    year: round.year,
    unitId: round.unitId,
    districtId: round.districtId,
    phase: round.phase,
    registeredCount: round.registeredCount,
    quota: round.quota,
    selectedMembers,
    submitBy: round.submitBy.toISOString(),
    submittedAt: round.submittedAt?.toISOString() ?? null,
    late: round.late,
    decisionNote: round.decisionNote,
    returnReason: round.returnReason,
    approvedAt: round.approvedAt?.toISOString() ?? null,
    allowedActions: roundActionsFor(round, user),
    nominations: round.nominations.map((n) => {
      const member = members.find((m) => m.id === n.memberId);
      const branch = branches.find((b) => b.id === n.branchId);
      return {
        subjectKey: n.subjectKey,
        kind: member ? ('member' as const) : ('branch' as const),
        name: member?.name ?? branch?.name ?? '',
        homeUnit: member?.homeUnit.name ?? branch?.unit.name ?? '',
        branch: member?.branch?.name ?? null,
        sources: n.sources,
        reasons: n.reasons as Record<string, string>,
        shortlisted: n.shortlisted,
        selected: n.selected,
      };
    }),
  };
}

/** A page of the year's rounds the caller may see (a phase narrows it), with the members each has selected. */
export async function listRounds(deps: PartyDeps, user: AuthenticatedUser, year: number, query: { phase?: RoundPhase }, page: Page) {
  const units = await readableUnitIds(deps.prisma, user);
  const where = { year, ...(units ? { unitId: { in: units } } : {}), ...(query.phase ? { phase: query.phase } : {}) };
  return pageOf(
    page,
    () => deps.prisma.recommendationRound.count({ where }),
    async ({ limit, offset }) => {
      const rows = await deps.prisma.recommendationRound.findMany({
        where,
        include: { _count: { select: { nominations: { where: { selected: true, memberId: { not: null } } } } } },
        orderBy: { unitId: 'asc' },
        skip: offset,
        take: limit,
      });
      return rows.map((r) => ({
        year: r.year,
        unitId: r.unitId,
        phase: r.phase,
        quota: r.quota,
        registeredCount: r.registeredCount,
        selectedMembers: r._count.nominations,
        submitBy: r.submitBy.toISOString(),
        submittedAt: r.submittedAt?.toISOString() ?? null,
        late: r.late,
        approvedAt: r.approvedAt?.toISOString() ?? null,
        allowedActions: roundActionsFor(r, user),
      }));
    },
  );
}

/** Only members registered with the street/park now, and branches of which some are, may be nominated. */
async function assertNominable(deps: PartyDeps, unitId: string, command: RoundCommands['nominate']) {
  const registered = { unitId, status: 'active' as const };
  const found =
    command.kind === 'member'
      ? await deps.prisma.partyMember.findFirst({ where: { id: command.subjectId, registrations: { some: registered } } })
      : await deps.prisma.partyBranch.findFirst({
          where: { id: command.subjectId, members: { some: { registrations: { some: registered } } } },
        });
  if (!found)
    throw invalidField('body.subjectId', {
      zh: `本街道/园区没有这个已报到的${PARTY_THING_WORDS[command.kind].zh}`,
      en: `no ${PARTY_THING_WORDS[command.kind].en} registered with this street/park`,
    });
}

/** A nomination, after checking that the member or branch is registered with the street/park. */
export async function nominate(
  deps: PartyDeps,
  user: AuthenticatedUser,
  year: number,
  unitId: string,
  command: RoundCommands['nominate'],
  idempotencyKey?: string,
) {
  await loadVisibleRound(deps, user, year, unitId);
  await assertNominable(deps, unitId, command);
  return roundStep(deps, user, year, unitId, 'nominate', command, idempotencyKey);
}

/**
 * One step of the round. The role is checked here from the transition table and the round must be
 * the caller's to see; the workflow's validator checks the step against its own, authoritative
 * phase, and the quota, before anything changes.
 */
export async function roundStep<A extends RoundAction>(
  deps: PartyDeps,
  user: AuthenticatedUser,
  year: number,
  unitId: string,
  action: A,
  command: RoundCommands[A],
  idempotencyKey?: string,
) {
  requireRole(user, ROUND_LIFECYCLE.rolesFor(action));
  await loadVisibleRound(deps, user, year, unitId);
  const handle = deps.temporal.workflow.getHandle(workflowIdForRound(year, unitId));
  const request: RoundRequest<A> = { actor: actorOf(user), command };
  const updateId = updateIdFor(`round:${action}`, user.id, idempotencyKey, { year, unitId, command });
  await runUpdate(() => handle.executeUpdate(roundUpdates[action], { args: [request], ...(updateId ? { updateId } : {}) }));
  return getRound(deps, user, year, unitId);
}
