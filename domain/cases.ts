import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { Db } from '../lib/db.ts';
import { DomainError, notFound } from '../lib/errors.ts';
import type { caseWorkflow } from '../workflows/case-workflow.ts';
import {
  TASK_QUEUE,
  caseRecordedUpdate,
  submitToDistrictUpdate,
  workflowIdForCase,
  type CaseFiling,
  type CaseWorkflowInput,
} from '../workflows/definitions.ts';
import type { AuthenticatedUser } from './auth.ts';
import { deriveCaseId, hashRequest } from './case-identity.ts';
import { toCaseView, type CaseRowWithEvents } from './case-view.ts';
import { requireRole, visibleCaseFilter } from './scope.ts';
import { runUpdate } from './workflow-calls.ts';

export type CaseDeps = { prisma: Db; temporal: Client };

const FILING_UNIT_KINDS = new Set(['street', 'park', 'district_department', 'garrison_unit']);

/**
 * Files a case for the caller's own unit. The same idempotency key always lands on the same case:
 * the workflow id is derived from it and Temporal refuses a second workflow with that id.
 */
export async function fileCase(deps: CaseDeps, user: AuthenticatedUser, filing: CaseFiling, idempotencyKey: string) {
  requireRole(user, ['street_staff']);
  const unit = await deps.prisma.orgUnit.findUnique({ where: { id: user.orgUnitId } });
  if (!unit || !FILING_UNIT_KINDS.has(unit.kind)) {
    throw new DomainError('forbidden', 'only street offices, parks, district departments and garrison units file cases');
  }
  const caseId = deriveCaseId(unit.id, idempotencyKey);
  const requestHash = hashRequest(filing);
  const existing = await deps.prisma.case.findUnique({ where: { id: caseId }, select: { requestHash: true } });
  if (existing) {
    assertSameRequest(existing.requestHash, requestHash);
    return { created: false, case: await getCase(deps, user, caseId) };
  }

  const input: CaseWorkflowInput = { caseId, filingUnitId: unit.id, filedBy: actorOf(user), idempotencyKey, requestHash, filing };
  const workflowId = workflowIdForCase(caseId);
  try {
    await deps.temporal.workflow.start<typeof caseWorkflow>('caseWorkflow', {
      taskQueue: TASK_QUEUE,
      workflowId,
      args: [input],
      workflowIdConflictPolicy: 'USE_EXISTING',
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    });
  } catch (error) {
    // A closed workflow with this id: the case exists, and the ledger row tells the rest.
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
  }
  const snapshot = await runUpdate(() => deps.temporal.workflow.getHandle(workflowId).executeUpdate(caseRecordedUpdate));
  assertSameRequest(snapshot.requestHash, requestHash);
  return { created: true, case: await getCase(deps, user, caseId) };
}

export async function getCase(deps: Pick<CaseDeps, 'prisma'>, user: AuthenticatedUser, caseId: string) {
  const row: CaseRowWithEvents | null = await deps.prisma.case.findFirst({
    where: { AND: [{ id: caseId }, visibleCaseFilter(user)] },
    include: { filingUnit: true, events: { orderBy: { sequence: 'asc' } } },
  });
  if (!row) throw notFound('case');
  return toCaseView(row, user);
}

export async function submitCaseToDistrict(deps: CaseDeps, user: AuthenticatedUser, caseId: string, comment?: string) {
  requireRole(user, ['street_staff']);
  await getCase(deps, user, caseId);
  await runUpdate(() =>
    deps.temporal.workflow
      .getHandle(workflowIdForCase(caseId))
      .executeUpdate(submitToDistrictUpdate, { args: [{ actor: actorOf(user), comment }] }),
  );
  return getCase(deps, user, caseId);
}

function actorOf(user: AuthenticatedUser) {
  return { userId: user.id, role: user.role, orgUnitId: user.orgUnitId };
}

function assertSameRequest(stored: string, incoming: string) {
  if (stored !== incoming) {
    throw new DomainError('idempotency_key_reused', 'this Idempotency-Key was already used for a different case');
  }
}
