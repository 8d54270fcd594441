import { WithStartWorkflowOperation, WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { OrgUnit } from '../../generated/prisma/client.ts';
import type { Clock } from '../../lib/clock.ts';
import type { Db } from '../../lib/db.ts';
import { districtToday } from '../../lib/district-time.ts';
import { DomainError, invalidField, noSuch, notAfterToday, notFound } from '../../lib/errors.ts';
import { TASK_QUEUE, caseActionUpdates, caseRecordedUpdate, workflowIdForCase, type Workflows } from '../../workflows/definitions.ts';
import type { CaseSnapshot, CaseWorkflowInput, DeadlinePolicy } from '../../model/cases/case.ts';
import type { CaseFiling } from '../../model/cases/filing.ts';
import { describeBox, isInside, type BoundingBox } from '../../model/cases/coordinates.ts';
import { isOpenStatus, rolesFor, type CaseAction } from '../../model/cases/lifecycle.ts';
import type { ActionBody, ActionRequest, FileRef } from '../../model/cases/case-actions.ts';
import type { Actor } from '../../model/directory/roles.ts';
import { filesCases } from '../../model/directory/unit-kinds.ts';
import { ASSIGN_TO_COLLEAGUES } from '../../model/cases/owner.ts';
import { CASE_GLOSSARY } from '../../model/cases/glossary.ts';
import type { AuthenticatedUser } from '../auth/auth.ts';
import { deriveCaseId } from './case-identity.ts';
import { hashRequest } from '../../lib/request-hash.ts';
import { showCase } from './case-view.ts';
import { suggestDuplicates } from './duplicates.ts';
import { requireRole, visibleCaseFilter } from './scope.ts';
import { CASE_HISTORY, loadVisibleCase } from './visible-case.ts';
import { runUpdate, updateIdFor } from '../workflow-calls.ts';

/** `bounds`: the district's box that coordinates must fall in (unset: any valid point). */
type CaseDeps = { prisma: Db; temporal: Client; policy: DeadlinePolicy; clock: Clock; bounds?: BoundingBox };

/**
 * Files a case for the caller's own unit. The same idempotency key always lands on the same case:
 * the workflow id is derived from it and Temporal refuses a second workflow with that id.
 * `requestHash` tells a retry from a key reused for something else: by default the filing's; a
 * caller whose request becomes a filing with today's date in it (Open311) hashes its own request.
 */
export async function fileCase(
  deps: CaseDeps,
  user: AuthenticatedUser,
  filing: CaseFiling,
  idempotencyKey: string,
  requestHash = hashRequest(filing),
) {
  requireRole(user, ['street_staff']);
  assertFoundByToday(filing.foundOn, districtToday(deps.clock, deps.policy.utcOffsetMinutes));
  if (filing.coordinates && deps.bounds && !isInside(filing.coordinates, deps.bounds)) {
    throw invalidField('body.coordinates', {
      zh: `不在本区范围内（${describeBox(deps.bounds)}）`,
      en: `outside the district (${describeBox(deps.bounds)})`,
    });
  }
  // The case's id needs only the caller's unit id, so its unit and an earlier filing with this key are
  // looked up together, in one round trip's time.
  const caseId = deriveCaseId(user.orgUnitId, idempotencyKey);
  const [unit, existing] = await Promise.all([
    deps.prisma.orgUnit.findUnique({ where: { id: user.orgUnitId } }),
    deps.prisma.case.findUnique({ where: { id: caseId }, select: { requestHash: true } }),
  ]);
  if (!unit || !filesCases(unit.kind)) {
    throw new DomainError('forbidden', {
      zh: '只有街道、园区、区直部门和驻区单位可以报送问题',
      en: 'only street offices, parks, district departments and garrison units file cases',
    });
  }
  if (existing) {
    assertSameRequest(existing.requestHash, requestHash);
    return { created: false, case: await getFiledCase(deps.prisma, user, unit, caseId), possibleDuplicates: [] };
  }

  const duplicates = suggestDuplicates(deps.prisma, user, { districtId: unit.parentId, filing });
  // Waited for below, after the workflow call it runs beside; kept from rejecting unobserved meanwhile.
  duplicates.catch(() => {});
  const input: CaseWorkflowInput = {
    caseId,
    filingUnitId: unit.id,
    filedBy: actorOf(user),
    idempotencyKey,
    requestHash,
    filing,
    policy: deps.policy,
  };
  const workflowId = workflowIdForCase(caseId);
  // One round trip starts the workflow (or joins the running one) and waits for the ledger row.
  const startOperation = new WithStartWorkflowOperation<Workflows['caseWorkflow']>('caseWorkflow', {
    taskQueue: TASK_QUEUE,
    workflowId,
    args: [input],
    workflowIdConflictPolicy: 'USE_EXISTING',
    workflowIdReusePolicy: 'REJECT_DUPLICATE',
  });
  let snapshot;
  try {
    snapshot = await runUpdate(() =>
      deps.temporal.workflow.executeUpdateWithStart(caseRecordedUpdate, { startWorkflowOperation: startOperation }),
    );
  } catch (error) {
    // A closed workflow with this id: the case exists, and its ledger row tells the rest.
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    snapshot = await runUpdate(() => deps.temporal.workflow.getHandle(workflowId).executeUpdate(caseRecordedUpdate));
  }
  assertSameRequest(snapshot.requestHash, requestHash);
  const possibleDuplicates = (await duplicates).filter((d) => d.id !== caseId);
  return { created: true, case: await getFiledCase(deps.prisma, user, unit, caseId), possibleDuplicates };
}

/** A problem found "today" is today in the district: at 23:00 UTC that is already tomorrow's UTC date. */
function assertFoundByToday(foundOn: string, today: string) {
  if (foundOn > today) throw invalidField('body.foundOn', notAfterToday(today), { today });
}

export async function getCase(deps: Pick<CaseDeps, 'prisma'>, user: AuthenticatedUser, caseId: string) {
  const row = await loadVisibleCase(deps.prisma, user, caseId);
  return showCase(deps.prisma, row, user);
}

/** The case a filing names, read with the filing unit the filing has already loaded: one relation fewer. */
async function getFiledCase(prisma: Db, user: AuthenticatedUser, filingUnit: OrgUnit, caseId: string) {
  const row = await prisma.case.findFirst({ where: { AND: [{ id: caseId }, visibleCaseFilter(user)] }, include: CASE_HISTORY });
  if (!row) throw notFound('case');
  const withUnit = { ...row, filingUnit };
  return showCase(prisma, withUnit, user);
}

/**
 * One human step on a case. Scope (the case is the caller's to see) and role are checked here; the
 * workflow's Update validator checks the step against its own, authoritative state.
 */
export async function performCaseAction<A extends CaseAction>(
  deps: CaseDeps,
  user: AuthenticatedUser,
  caseId: string,
  action: A,
  body: ActionBody<A>,
  idempotencyKey?: string,
) {
  // Temporal keeps one Update per id in a workflow: a step sent again with its key (after a 503
  // that may have come after Temporal took it) joins the first one and gets its outcome.
  const updateId = updateIdFor(action, user.id, idempotencyKey, body);
  await sendCaseStep(deps, user, caseId, action, body, updateId);
  return getCase(deps, user, caseId);
}

/**
 * A step as an Update of the case, under the given update id (the same id never acts twice on a
 * case): the role and scope checks, and what the domain adds to the body, before the workflow's
 * validator has the last word. Bulk steps send each case's step through here.
 */
export async function sendCaseStep<A extends CaseAction>(
  deps: Pick<CaseDeps, 'prisma' | 'temporal'>,
  user: AuthenticatedUser,
  caseId: string,
  action: A,
  body: ActionBody<A>,
  updateId?: string,
): Promise<CaseSnapshot> {
  requireRole(user, rolesFor(action));
  const row = await deps.prisma.case.findFirst({ where: { AND: [{ id: caseId }, visibleCaseFilter(user)] }, select: { id: true } });
  if (!row) throw notFound('case');
  const request = await PREPARE[action]({ prisma: deps.prisma, user, row }, body);
  return runUpdate(() =>
    deps.temporal.workflow
      .getHandle(workflowIdForCase(caseId))
      .executeUpdate(caseActionUpdates[action], { args: [request], ...(updateId ? { updateId } : {}) }),
  );
}

type StepContext = { prisma: Db; user: AuthenticatedUser; row: { id: string } };
const asIs = async <T extends object>({ user }: StepContext, body: T) => ({ ...body, actor: actorOf(user) });

/** Turns a step's body into its Update's payload: the actor from the session, and what the domain looked up itself. */
const PREPARE: { [A in CaseAction]: (context: StepContext, body: ActionBody<A>) => Promise<ActionRequest<A>> } = {
  submit: asIs,
  resubmit: async (context, body) => ({
    ...body,
    ...(body.attachmentIds ? { attachments: await filesOfCase(context, body.attachmentIds) } : {}),
    actor: actorOf(context.user),
  }),
  forward: asIs,
  solve: asIs,
  return: asIs,
  merge: async (context, body) => ({
    ...body,
    primaryNumber: await mergeTargetNumber(context, body.primaryCaseId),
    actor: actorOf(context.user),
  }),
  reject: asIs,
  assign: asIs,
  note: asIs,
  resolve: asIs,
  declareUnsolvable: asIs,
  feedback: asIs,
  take: asIs,
  assignOwner: async (context, body) => ({ ...body, assignee: await colleagueOf(context, body.assigneeId), actor: actorOf(context.user) }),
  release: asIs,
};

/**
 * The colleague a case is assigned to: an active user of the caller's own unit with the caller's role
 * (the staff of the level holding the case; the caller's scope has already placed them there). Anyone
 * else is refused with 403, as the workflow's validator would.
 */
async function colleagueOf({ prisma, user }: StepContext, assigneeId: string): Promise<Actor> {
  const assignee = await prisma.user.findUnique({
    where: { id: assigneeId },
    select: { id: true, role: true, orgUnitId: true, active: true },
  });
  if (!assignee || !assignee.active) throw invalidField('body.assigneeId', noSuch({ zh: '在岗用户', en: 'active user' }));
  if (assignee.orgUnitId !== user.orgUnitId || assignee.role !== user.role) throw new DomainError('forbidden', ASSIGN_TO_COLLEAGUES);
  return { userId: assignee.id, role: assignee.role, orgUnitId: assignee.orgUnitId };
}

/** Files already added to this case, by id, as the history names them. */
async function filesOfCase({ prisma, row }: StepContext, ids: string[]): Promise<FileRef[]> {
  const found = await prisma.attachment.findMany({ where: { caseId: row.id, id: { in: ids } }, select: { id: true, fileName: true } });
  const missing = ids.filter((id) => !found.some((file) => file.id === id));
  if (missing.length)
    throw invalidField(
      'body.attachmentIds',
      { zh: `这些不是本问题的附件：${missing.join('、')}`, en: `not files of this case: ${missing.join(', ')}` },
      { attachmentIds: missing },
    );
  return ids.map((id) => found.find((file) => file.id === id)!);
}

/** The case to merge into must be another case the caller sees, still open; its ledger number goes with the merge. */
async function mergeTargetNumber({ prisma, user, row }: StepContext, primaryCaseId: string): Promise<number> {
  if (primaryCaseId === row.id)
    throw invalidField('body.primaryCaseId', { zh: '不能合并到本问题自身，请选另一问题', en: 'must be another case' });
  const primary = await prisma.case.findFirst({
    where: { AND: [{ id: primaryCaseId }, visibleCaseFilter(user)] },
    select: { status: true, number: true },
  });
  if (!primary) throw invalidField('body.primaryCaseId', { zh: '本区没有这个问题', en: 'not found in your district' });
  if (!isOpenStatus(primary.status)) {
    throw new DomainError(
      'conflict',
      {
        zh: `第 ${primary.number} 号问题已“${CASE_GLOSSARY.states[primary.status].zh}”，只能合并到办理中的问题`,
        en: `case ${primaryCaseId} is ${primary.status}; merge into an open case`,
      },
      undefined,
      undefined,
      { status: primary.status, number: primary.number },
    );
  }
  return primary.number;
}

function actorOf(user: AuthenticatedUser) {
  return { userId: user.id, role: user.role, orgUnitId: user.orgUnitId };
}

function assertSameRequest(stored: string, incoming: string) {
  if (stored !== incoming) {
    throw new DomainError('idempotency_key_reused', {
      zh: '此请求标识（Idempotency-Key）已用于另一问题的登记',
      en: 'this Idempotency-Key was already used for a different case',
    });
  }
}
